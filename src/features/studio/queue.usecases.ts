import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { queryRows } from '../../store/sql-rows.ts';
import { appendAudit } from '../accounts/audit-log.ts';
import { requirePermission, type Actor } from '../accounts/roles.ts';
import { selectDraftsInStates, type DraftRecord } from './drafts.repository.ts';
import { listOpenReports, type ReaderReport } from './reader-reports.usecases.ts';
import { selectCategories, selectQueueAssessments, type QueueAssessment, type QueueFilter } from './queue.repository.ts';
import { StudioError } from './studio.errors.ts';
import { STUDIO_LIMITS } from './studio.limits.ts';
import { queueAssignmentsTable } from './studio.table.ts';

/** An expert assessment is due for review this long after its last review. */
export const REVIEW_INTERVAL_DAYS = 365;

/** The studio's work list: what needs review, what waits for a reviewer or an editor, and what readers reported. */
export interface ReviewQueue {
  filter: QueueFilter;
  categories: string[];
  dueForReview: QueueAssessment[];
  neverReviewedBaselines: QueueAssessment[];
  waitingForReview: DraftRecord[];
  changesRequested: DraftRecord[];
  readyToPublish: DraftRecord[];
  inProgress: DraftRecord[];
  reports: ReaderReport[];
}

/** Reads the queue's filters from the query string: a known category, and "me", "unassigned" or nothing for the assignee. */
export function parseQueueFilter(actor: Actor, params: { category?: string | null; assignee?: string | null }): QueueFilter {
  const category = params.category?.trim().slice(0, 120) || null;
  const assignee = params.assignee === 'me' ? actor.userId : params.assignee === 'unassigned' ? 'unassigned' : null;
  return { category, assignee };
}

function keep(filter: QueueFilter, draft: DraftRecord): boolean {
  return !filter.category || draft.category === filter.category;
}

/** Builds the review queue (assessor and up). */
export async function listQueue(db: Database, actor: Actor | null, filter: QueueFilter, now: Date = new Date()): Promise<ReviewQueue> {
  const member = requirePermission(actor, 'queue.view');
  const dueBefore = new Date(now.getTime() - REVIEW_INTERVAL_DAYS * 86_400_000).toISOString().slice(0, 10);
  const limit = STUDIO_LIMITS.pageRows;
  const drafts = (await selectDraftsInStates(db, ['editing', 'submitted', 'changes-requested', 'approved'], 4 * limit)).filter((draft) => keep(filter, draft));
  const mine = (draft: DraftRecord) => filter.assignee === null || (typeof filter.assignee === 'number' && draft.authorUserId === filter.assignee) || filter.assignee === 'unassigned';
  return {
    filter,
    categories: await selectCategories(db),
    dueForReview: await selectQueueAssessments(db, 'due', filter, { dueBefore, limit }),
    neverReviewedBaselines: await selectQueueAssessments(db, 'baselines', filter, { dueBefore, limit }),
    waitingForReview: drafts.filter((draft) => draft.state === 'submitted'),
    changesRequested: drafts.filter((draft) => draft.state === 'changes-requested' && mine(draft)),
    readyToPublish: drafts.filter((draft) => draft.state === 'approved'),
    inProgress: drafts.filter((draft) => draft.state === 'editing' && mine(draft)),
    reports: await listOpenReports(db, member),
  };
}

/** Takes an assessment from the queue (assessor and up); taking one already taken by someone else is refused. */
export async function assignToMe(db: Database, actor: Actor | null, assessment: { roleSlug: string; seniority: string }): Promise<void> {
  const member = requirePermission(actor, 'queue.assign');
  const roleSlug = assessment.roleSlug.slice(0, 120);
  const seniority = assessment.seniority.slice(0, 120);
  await db.transaction(async (tx) => {
    const [taken] = await tx
      .select()
      .from(queueAssignmentsTable)
      .where(and(eq(queueAssignmentsTable.roleSlug, roleSlug), eq(queueAssignmentsTable.seniority, seniority)))
      .for('update');
    if (taken && taken.assigneeUserId !== member.userId) throw new StudioError('studio.refused', `${roleSlug}/${seniority} is already assigned to someone else`);
    if (taken) return;
    const [published] = await queryRows(tx, sql`select 1 from assessments where role_slug = ${roleSlug} and seniority = ${seniority} and current_revision_id is not null`);
    if (!published) throw new StudioError('studio.not_found', `there is no published assessment ${roleSlug}/${seniority} to take`);
    await tx.insert(queueAssignmentsTable).values({ roleSlug, seniority, assigneeUserId: member.userId });
    await appendAudit(tx, { actor: member, action: 'queue.assigned', subject: `assessment:${roleSlug}/${seniority}`, details: {} });
  });
}
