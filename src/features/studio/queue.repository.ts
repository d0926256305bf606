import { sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { queryRows } from '../../store/sql-rows.ts';

/** One published assessment as the queue lists it. */
export interface QueueAssessment {
  roleSlug: string;
  seniority: string;
  title: string;
  category: string;
  status: 'baseline' | 'expert';
  reviewed: string | null;
  employment: number | null;
  score: number;
  zone: string;
  assigneeUserId: number | null;
  assigneeEmail: string | null;
  openReports: number;
}

/** Filters every queue section applies. */
export interface QueueFilter {
  category: string | null;
  /** A user id, or "unassigned". */
  assignee: number | 'unassigned' | null;
}

function whereOf(filter: QueueFilter) {
  const parts = [sql`true`];
  if (filter.category) parts.push(sql`ro.category = ${filter.category}`);
  if (filter.assignee === 'unassigned') parts.push(sql`sa.assignee_user_id is null`);
  else if (typeof filter.assignee === 'number') parts.push(sql`sa.assignee_user_id = ${filter.assignee}`);
  return sql.join(parts, sql` and `);
}

/** Lists current assessments of one kind, in the queue's order for that kind. */
export async function selectQueueAssessments(db: Database, kind: 'due' | 'baselines', filter: QueueFilter, options: { dueBefore: string; limit: number }): Promise<QueueAssessment[]> {
  const condition =
    kind === 'due'
      ? sql`r.document->>'status' = 'expert' and coalesce(r.document->>'reviewed', '0000-00-00') < ${options.dueBefore}`
      : sql`r.document->>'status' = 'baseline'`;
  const order = kind === 'due' ? sql`coalesce(r.document->>'reviewed', '0000-00-00') asc, ro.slug asc` : sql`employment desc nulls last, open_reports desc, ro.slug asc`;
  const found = await queryRows<Omit<QueueAssessment, 'openReports'> & { open_reports: number }>(
    db,
    sql`
    select a.role_slug as "roleSlug", a.seniority, ro.title, ro.category, r.document->>'status' as status, r.document->>'reviewed' as reviewed,
      (o.facts->'employment2024'->>'value')::double precision as employment, r.score, r.zone,
      sa.assignee_user_id as "assigneeUserId", u.email as "assigneeEmail",
      (select count(*)::int from reader_reports rr where rr.role_slug = a.role_slug and rr.seniority = a.seniority and rr.resolved_at is null) as open_reports
    from assessments a
    join revisions r on r.id = a.current_revision_id
    join roles ro on ro.slug = a.role_slug
    left join occupations o on o.onet_code = ro.primary_onet_code
    left join studio_assignments sa on sa.role_slug = a.role_slug and sa.seniority = a.seniority
    left join users u on u.id = sa.assignee_user_id
    where ${condition} and ${whereOf(filter)}
    order by ${order}
    limit ${options.limit}`,
  );
  return found.map(({ open_reports, ...row }) => ({ ...row, openReports: open_reports }));
}

/** Lists the categories of published assessments, for the queue's filter. */
export async function selectCategories(db: Database): Promise<string[]> {
  const found = await queryRows<{ category: string }>(db, sql`select distinct ro.category from assessments a join roles ro on ro.slug = a.role_slug where a.current_revision_id is not null order by 1`);
  return found.map((row) => row.category);
}
