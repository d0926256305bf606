import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { usersTable } from '../accounts/accounts.table.ts';
import { revisionsTable } from '../catalog/catalog.table.ts';

export const DRAFT_STATES = ['editing', 'submitted', 'changes-requested', 'approved', 'published', 'discarded'] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/**
 * An assessment being written in the studio. The document is kept as typed, valid or not, so an
 * unfinished draft still saves; `version` rises with every save and a save naming an older version is refused.
 */
export const draftsTable = pgTable(
  'studio_drafts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roleSlug: text('role_slug').notNull(),
    seniority: text('seniority').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    /** The published revision the draft started from; 0 for a new assessment. */
    baseRevision: integer('base_revision').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    state: text('state').$type<DraftState>().notNull().default('editing'),
    version: integer('version').notNull().default(1),
    /** The revision note the publication will carry. */
    note: text('note').notNull().default(''),
    /** Publish as a correction: listed on /corrections and in its feed. */
    isCorrection: boolean('is_correction').notNull().default(false),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => usersTable.id),
    /** The version a reviewer approved; an edit after approval needs a new one. */
    approvedVersion: integer('approved_version'),
    approvedByUserId: integer('approved_by_user_id').references(() => usersTable.id),
    publishedRevisionId: integer('published_revision_id').references(() => revisionsTable.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: integer('updated_by_user_id').references(() => usersTable.id),
  },
  (table) => [
    check('studio_drafts_state_check', sql`${table.state} in ('editing', 'submitted', 'changes-requested', 'approved', 'published', 'discarded')`),
    check('studio_drafts_version_check', sql`${table.version} >= 1`),
    index('studio_drafts_assessment_idx').on(table.roleSlug, table.seniority),
    index('studio_drafts_state_idx').on(table.state),
  ],
);

export const REVIEW_KINDS = ['comment', 'changes-requested', 'approved'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** What reviewers said about a draft: comments (optionally on one input), requests for changes and approvals. */
export const draftReviewsTable = pgTable(
  'studio_draft_reviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    draftId: integer('draft_id')
      .notNull()
      .references(() => draftsTable.id),
    reviewerUserId: integer('reviewer_user_id')
      .notNull()
      .references(() => usersTable.id),
    kind: text('kind').$type<ReviewKind>().notNull(),
    /** The input the comment is about, as a field path such as `tasks[1].score`; null for the whole draft. */
    inputPath: text('input_path'),
    body: text('body').notNull(),
    draftVersion: integer('draft_version').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('studio_draft_reviews_kind_check', sql`${table.kind} in ('comment', 'changes-requested', 'approved')`),
    index('studio_draft_reviews_draft_idx').on(table.draftId),
  ],
);

/** Who on the team has taken an assessment from the queue. */
export const queueAssignmentsTable = pgTable(
  'studio_assignments',
  {
    roleSlug: text('role_slug').notNull(),
    seniority: text('seniority').notNull(),
    assigneeUserId: integer('assignee_user_id')
      .notNull()
      .references(() => usersTable.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: 'studio_assignments_pk', columns: [table.roleSlug, table.seniority] })],
);

/** "Report a problem with this score", sent by a reader without an account. */
export const readerReportsTable = pgTable(
  'reader_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roleSlug: text('role_slug').notNull(),
    seniority: text('seniority').notNull(),
    problem: text('problem').notNull(),
    source: text('source'),
    email: text('email'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByUserId: integer('resolved_by_user_id').references(() => usersTable.id),
  },
  (table) => [index('reader_reports_assessment_idx').on(table.roleSlug, table.seniority)],
);

/** Published revisions that correct an error, with what was wrong; written in the publication's transaction. */
export const correctionsTable = pgTable('revision_corrections', {
  revisionId: integer('revision_id')
    .primaryKey()
    .references(() => revisionsTable.id),
  reason: text('reason').notNull(),
  markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
});
