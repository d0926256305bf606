import { sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { queryRows } from '../../store/sql-rows.ts';

/** One published correction, as /corrections and its feed list it. */
export interface PublishedCorrection {
  roleSlug: string;
  seniority: string;
  title: string;
  revision: number;
  publishedAt: Date;
  author: string;
  reason: string;
  score: number;
  zone: string;
  previousScore: number | null;
}

/** How many corrections the page and the feed show. */
export const CORRECTIONS_SHOWN = 100;

/** Lists published corrections, newest first; public. */
export async function listCorrections(db: Database, limit: number = CORRECTIONS_SHOWN): Promise<PublishedCorrection[]> {
  const found = await queryRows<Omit<PublishedCorrection, 'publishedAt'> & { publishedAt: Date | string }>(
    db,
    sql`
    select a.role_slug as "roleSlug", a.seniority, ro.title, r.revision_number as revision, r.published_at as "publishedAt", r.author, c.reason, r.score, r.zone,
      (select p.score from revisions p where p.assessment_id = r.assessment_id and p.revision_number = r.revision_number - 1) as "previousScore"
    from revision_corrections c
    join revisions r on r.id = c.revision_id
    join assessments a on a.id = r.assessment_id
    join roles ro on ro.slug = a.role_slug
    order by r.published_at desc, r.id desc
    limit ${Math.min(Math.max(1, limit), CORRECTIONS_SHOWN)}`,
  );
  return found.map((row) => ({ ...row, publishedAt: new Date(row.publishedAt), score: Number(row.score), previousScore: row.previousScore === null ? null : Number(row.previousScore) }));
}
