import { sql } from 'drizzle-orm';
import type { Zone } from '../../../methodology/index.ts';
import type { Database } from '../../../store/database.ts';
import { queryRows } from '../../../store/sql-rows.ts';
import { loadCommittedCatalog } from '../../catalog/catalog.usecases.ts';
import { sampleCatalog } from '../../catalog/test-support/sample-catalog.ts';
import type { PublishedRevision, RevisionHeadline } from '../../revisions/published-revision.ts';
import { createRateLimiter } from '../../rate-limits/rate-limits.usecases.ts';
import { confirmSubscription, subscribe, type SubscriptionDependencies } from '../../subscriptions/subscriptions.usecases.ts';
import type { SubscriptionTarget } from '../../subscriptions/subscriptions.schemas.ts';

/** A published assessment of the sample catalog, as subscriptions and events refer to it. */
export interface SampleAssessment {
  assessmentId: number;
  roleSlug: string;
  seniority: string;
  title: string;
  category: string;
  target: SubscriptionTarget;
}

/** Loads a small catalog (one assessment per title, all in the "Sample Occupations" category) and returns its assessments by title. */
export async function loadSampleAssessments(db: Database, titles: readonly string[] = ['Registered Nurse', 'Tax Preparer', 'Data Entry Keyer']): Promise<Map<string, SampleAssessment>> {
  const zones: Zone[] = ['Green', 'Yellow', 'Red'];
  await loadCommittedCatalog(
    db,
    sampleCatalog(titles.map((title, index) => ({ onetCode: `29-${String(index + 1).padStart(4, '0')}.00`, title, zone: zones[index % 3] ?? 'Green' }))),
  );
  const rows = await queryRows<{ id: number; role_slug: string; seniority: string; title: string; category: string }>(
    db,
    sql`select a.id, a.role_slug, a.seniority, r.title, r.category from assessments a join roles r on r.slug = a.role_slug`,
  );
  return new Map(
    rows.map((row) => [
      row.title,
      {
        assessmentId: row.id,
        roleSlug: row.role_slug,
        seniority: row.seniority,
        title: row.title,
        category: row.category,
        target: { kind: 'assessment', roleSlug: row.role_slug, seniority: row.seniority },
      },
    ]),
  );
}

/** Returns an assessment loaded by loadSampleAssessments, failing clearly when the title is not there. */
export function sampleAssessment(assessments: Map<string, SampleAssessment>, title: string): SampleAssessment {
  const found = assessments.get(title);
  if (!found) throw new Error(`no sample assessment titled ${title}`);
  return found;
}

const headline = (revisionNumber: number, score: number, zone: Zone, subLabel: RevisionHeadline['subLabel']): RevisionHeadline => ({
  revisionNumber,
  score,
  zone,
  subLabel,
  label: `${zone} (${subLabel})`,
});

let nextRevisionId = 10_000;

/** Builds the event of a revision 2 of an assessment that moved from `before` to `after` (score, zone, sub-label). */
export function publishedRevision(
  assessment: SampleAssessment,
  change: { before: [number, Zone, RevisionHeadline['subLabel']]; after: [number, Zone, RevisionHeadline['subLabel']]; notify?: boolean; note?: string },
): PublishedRevision {
  return {
    assessmentId: assessment.assessmentId,
    revisionId: nextRevisionId++,
    roleSlug: assessment.roleSlug,
    seniority: assessment.seniority,
    title: assessment.title,
    category: assessment.category,
    note: change.note ?? 'New evidence: hospitals report AI charting assistants in daily use.',
    author: 'Ada Assessor',
    publishedAt: new Date('2026-11-20T10:00:00Z'),
    methodologyVersion: 'aijri-1',
    notify: change.notify ?? false,
    before: headline(1, ...change.before),
    after: headline(2, ...change.after),
  };
}

/** Makes subscription dependencies with limits generous enough that tests about other things never hit them. */
export function unlimitedSubscriptions(db: Database, onMailQueued?: () => void): SubscriptionDependencies {
  const generous = { capacity: 1_000_000, refillSeconds: 1 };
  return { db, limiter: createRateLimiter(db), limits: { perAddress: generous, perClient: generous }, onMailQueued };
}

/** Reads the plain confirmation token queued for an address, as the confirmation email will carry it. */
export async function queuedConfirmToken(db: Database, email: string): Promise<string> {
  const [row] = await queryRows<{ confirm_token: string }>(
    db,
    sql`select o.confirm_token from mail_outbox o join subscribers s on s.id = o.subscriber_id
        where s.email = ${email} and o.kind = 'confirmation' and o.confirm_token is not null order by o.id desc limit 1`,
  );
  if (!row) throw new Error(`no confirmation is queued for ${email}`);
  return row.confirm_token;
}

/** Subscribes an address to a target and confirms it through the use cases, as a reader clicking the link would. */
export async function subscribeConfirmed(deps: SubscriptionDependencies, email: string, target: SubscriptionTarget): Promise<void> {
  await subscribe(deps, { email, target, clientAddress: '127.0.0.1' });
  await confirmSubscription(deps.db, await queuedConfirmToken(deps.db, email));
}

/** Marks every queued confirmation email as sent, so a test sees only the update emails that follow. */
export async function settleConfirmations(db: Database): Promise<void> {
  await db.execute(sql`update mail_outbox set status = 'sent', sent_at = now(), confirm_token = null where kind = 'confirmation'`);
}
