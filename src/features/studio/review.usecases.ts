import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { usersTable } from '../accounts/accounts.table.ts';
import { appendAudit } from '../accounts/audit-log.ts';
import { requirePermission, type Actor } from '../accounts/roles.ts';
import { onRevisionsPublished } from '../revisions/publication-hooks.ts';
import type { PublishedRevision } from '../revisions/published-revision.ts';
import { DEFAULT_AUTHOR } from '../revisions/revisions.schemas.ts';
import { publishAssessments } from '../revisions/revisions.usecases.ts';
import { getDraft, lockOpenDraft, validDocument } from './drafts.usecases.ts';
import { selectDraft, type DraftRecord } from './drafts.repository.ts';
import { StudioError } from './studio.errors.ts';
import { readText, STUDIO_LIMITS } from './studio.limits.ts';
import { correctionsTable, draftReviewsTable, draftsTable } from './studio.table.ts';

const INPUT_PATH = /^[A-Za-z]+(?:\[\d{1,3}\]|\.[A-Za-z]+)*$/;

/** Adds a reviewer's comment to a draft, on one input (a field path such as `tasks[1].score`) or on the whole (reviewer and up). */
export async function commentOnDraft(db: Database, actor: Actor | null, id: unknown, comment: { inputPath?: unknown; body: unknown }): Promise<void> {
  const member = requirePermission(actor, 'review.comment');
  const body = readText('comment', comment.body, STUDIO_LIMITS.noteChars, { required: true });
  const inputPath = readText('input', comment.inputPath, STUDIO_LIMITS.inputPathChars, { required: false, multiline: false });
  if (inputPath !== null && !INPUT_PATH.test(inputPath)) throw new StudioError('studio.invalid', `input: found "${inputPath}"; expected a field path such as tasks[1].score or evidence.wages`);
  await db.transaction(async (tx) => {
    const draft = await lockOpenDraft(tx, id);
    await tx.insert(draftReviewsTable).values({ draftId: draft.id, reviewerUserId: member.userId, kind: 'comment', inputPath, body, draftVersion: draft.version });
    await appendAudit(tx, { actor: member, action: 'review.commented', subject: `draft:${draft.id}`, details: { version: draft.version, ...(inputPath ? { input: inputPath } : {}) } });
  });
}

/** Sends a submitted draft back to its author with a written reason (reviewer and up). */
export async function requestChanges(db: Database, actor: Actor | null, id: unknown, reason: unknown): Promise<DraftRecord> {
  const member = requirePermission(actor, 'review.request-changes');
  const body = readText('reason', reason, STUDIO_LIMITS.noteChars, { required: true });
  const draftId = await db.transaction(async (tx) => {
    const draft = await lockOpenDraft(tx, id);
    if (draft.state !== 'submitted' && draft.state !== 'approved') throw new StudioError('studio.refused', `draft ${draft.id} is ${draft.state}; changes can be requested once it is submitted for review`);
    await tx.insert(draftReviewsTable).values({ draftId: draft.id, reviewerUserId: member.userId, kind: 'changes-requested', body, draftVersion: draft.version });
    await tx.update(draftsTable).set({ state: 'changes-requested', approvedVersion: null, approvedByUserId: null, updatedAt: new Date() }).where(eq(draftsTable.id, draft.id));
    await appendAudit(tx, { actor: member, action: 'review.changes-requested', subject: `draft:${draft.id}`, details: { version: draft.version } });
    return draft.id;
  });
  return (await selectDraft(db, draftId)) as DraftRecord;
}

/** Approves the current version of a submitted draft (reviewer and up); never the reviewer's own draft. */
export async function approveDraft(db: Database, actor: Actor | null, id: unknown, comment?: unknown): Promise<DraftRecord> {
  const member = requirePermission(actor, 'review.approve');
  const body = readText('comment', comment, STUDIO_LIMITS.noteChars, { required: false }) ?? 'Approved.';
  const draftId = await db.transaction(async (tx) => {
    const draft = await lockOpenDraft(tx, id);
    if (draft.authorUserId === member.userId) throw new StudioError('studio.refused', `draft ${draft.id} is your own; another reviewer must approve it`);
    if (draft.state !== 'submitted') throw new StudioError('studio.refused', `draft ${draft.id} is ${draft.state}; only a submitted draft can be approved`);
    validDocument(draft.document, `draft ${draft.id} cannot be approved`);
    await tx.insert(draftReviewsTable).values({ draftId: draft.id, reviewerUserId: member.userId, kind: 'approved', body, draftVersion: draft.version });
    await tx.update(draftsTable).set({ state: 'approved', approvedVersion: draft.version, approvedByUserId: member.userId, updatedAt: new Date() }).where(eq(draftsTable.id, draft.id));
    await appendAudit(tx, { actor: member, action: 'review.approved', subject: `draft:${draft.id}`, details: { version: draft.version } });
    return draft.id;
  });
  return (await selectDraft(db, draftId)) as DraftRecord;
}

/** The name a publication shows readers: the member's display name, never their address. */
export async function publicAuthorName(db: Database, member: Actor): Promise<string> {
  const [user] = await db.select({ displayName: usersTable.displayName }).from(usersTable).where(eq(usersTable.id, member.userId));
  return user?.displayName?.trim() || DEFAULT_AUTHOR;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Publishes a draft through the publishing use case every entry point uses (editor and up): the same
 * validation, the same conflict when its base revision is no longer the latest, the same
 * notifications. An expert assessment needs an approval of its current version by someone other
 * than its author. The draft is closed, a correction marked and the audit entry written in the
 * publication's own transaction.
 */
export async function publishDraft(db: Database, actor: Actor | null, id: unknown, options: { notify?: boolean; now?: Date } = {}): Promise<PublishedRevision> {
  const member = requirePermission(actor, 'revision.publish');
  const { draft } = await getDraft(db, member, id);
  if (draft.state === 'published' || draft.state === 'discarded') throw new StudioError('studio.refused', `draft ${draft.id} is ${draft.state}`);
  const document = validDocument(draft.document, `draft ${draft.id} cannot be published`);
  if (document.status === 'expert') {
    if (draft.state !== 'approved' || draft.approvedVersion !== draft.version || draft.approvedByUserId === null) {
      throw new StudioError('studio.refused', `draft ${draft.id} is an expert assessment: a reviewer other than its author must approve its current version first`);
    }
    if (draft.approvedByUserId === draft.authorUserId) throw new StudioError('studio.refused', `draft ${draft.id} was approved by its own author; another reviewer must approve it`);
  } else if (draft.state !== 'submitted' && draft.state !== 'approved') {
    throw new StudioError('studio.refused', `draft ${draft.id} is ${draft.state}; submit it for review first`);
  }
  const note = draft.note.trim();
  if (!note) throw new StudioError('studio.invalid', `note: draft ${draft.id} has no revision note; say what changed and why in the editor first`);
  const author = await publicAuthorName(db, member);
  const published = document.status === 'expert' ? { ...document, reviewed: isoDate(options.now ?? new Date()) } : document;
  const [revision] = await publishAssessments(db, [{ document: published, expectedRevision: draft.baseRevision, source: `draft ${draft.id}` }], {
    note,
    author,
    notify: options.notify ?? false,
    onPublished: async (tx, revisions) => {
      await onRevisionsPublished(tx, revisions);
      const locked = await lockOpenDraft(tx, draft.id);
      if (locked.version !== draft.version) throw new StudioError('studio.conflict', `draft ${draft.id} was saved again while it was being published; review the new version and publish again`);
      const [written] = revisions;
      if (!written) throw new Error('a draft publication wrote no revision');
      await tx.update(draftsTable).set({ state: 'published', publishedRevisionId: written.revisionId, updatedAt: new Date() }).where(eq(draftsTable.id, draft.id));
      if (draft.isCorrection) await tx.insert(correctionsTable).values({ revisionId: written.revisionId, reason: note });
      await appendAudit(tx, {
        actor: member,
        action: 'revision.published',
        subject: `assessment:${written.roleSlug}/${written.seniority}`,
        details: { draft: draft.id, revision: written.after.revisionNumber, correction: draft.isCorrection, score: written.after.score },
      });
    },
  });
  if (!revision) throw new Error('publishing a draft wrote no revision');
  return revision;
}
