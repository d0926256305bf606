import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../store/database.ts';
import { usersTable } from '../accounts/accounts.table.ts';
import { draftReviewsTable, draftsTable, type DraftState } from './studio.table.ts';

export type DraftRow = typeof draftsTable.$inferSelect;

/** A draft with the addresses of the people named on it. */
export interface DraftRecord extends DraftRow {
  authorEmail: string;
  approvedByEmail: string | null;
  updatedByEmail: string | null;
}

/** One review entry with its reviewer's address. */
export interface ReviewRecord {
  id: number;
  kind: 'comment' | 'changes-requested' | 'approved';
  inputPath: string | null;
  body: string;
  draftVersion: number;
  at: Date;
  reviewerEmail: string;
}

const author = alias(usersTable, 'draft_author');
const approver = alias(usersTable, 'draft_approver');
const updater = alias(usersTable, 'draft_updater');

function draftsWithPeople(db: Database) {
  return db
    .select({ draft: draftsTable, authorEmail: author.email, approvedByEmail: approver.email, updatedByEmail: updater.email })
    .from(draftsTable)
    .innerJoin(author, eq(author.id, draftsTable.authorUserId))
    .leftJoin(approver, eq(approver.id, draftsTable.approvedByUserId))
    .leftJoin(updater, eq(updater.id, draftsTable.updatedByUserId));
}

const toRecord = (row: { draft: DraftRow; authorEmail: string; approvedByEmail: string | null; updatedByEmail: string | null }): DraftRecord => ({
  ...row.draft,
  authorEmail: row.authorEmail,
  approvedByEmail: row.approvedByEmail,
  updatedByEmail: row.updatedByEmail,
});

/** Reads one draft, or null. */
export async function selectDraft(db: Database, id: number): Promise<DraftRecord | null> {
  const [row] = await draftsWithPeople(db).where(eq(draftsTable.id, id)).limit(1);
  return row ? toRecord(row) : null;
}

/** Reads one draft and locks it until the transaction ends. */
export async function lockDraft(db: Database, id: number): Promise<DraftRow | null> {
  const [row] = await db.select().from(draftsTable).where(eq(draftsTable.id, id)).for('update').limit(1);
  return row ?? null;
}

/** Lists drafts in the given states, oldest change first. */
export async function selectDraftsInStates(db: Database, states: readonly DraftState[], limit: number): Promise<DraftRecord[]> {
  const rows = await draftsWithPeople(db).where(inArray(draftsTable.state, [...states])).orderBy(asc(draftsTable.updatedAt)).limit(limit);
  return rows.map(toRecord);
}

/** Lists the open drafts of one assessment. */
export async function selectOpenDraftsOf(db: Database, roleSlug: string, seniority: string): Promise<DraftRow[]> {
  return db
    .select()
    .from(draftsTable)
    .where(and(eq(draftsTable.roleSlug, roleSlug), eq(draftsTable.seniority, seniority), inArray(draftsTable.state, ['editing', 'submitted', 'changes-requested', 'approved'])));
}

/** Lists what reviewers said about a draft, oldest first. */
export async function selectReviews(db: Database, draftId: number): Promise<ReviewRecord[]> {
  return db
    .select({
      id: draftReviewsTable.id,
      kind: draftReviewsTable.kind,
      inputPath: draftReviewsTable.inputPath,
      body: draftReviewsTable.body,
      draftVersion: draftReviewsTable.draftVersion,
      at: draftReviewsTable.at,
      reviewerEmail: usersTable.email,
    })
    .from(draftReviewsTable)
    .innerJoin(usersTable, eq(usersTable.id, draftReviewsTable.reviewerUserId))
    .where(eq(draftReviewsTable.draftId, draftId))
    .orderBy(asc(draftReviewsTable.id));
}
