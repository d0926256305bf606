import { eq } from 'drizzle-orm';
import { parsePublishedPage } from '../../data-pipeline/importers/published-page/index.ts';
import { AssessmentSchema, formatPath, validateAssessment, type Assessment } from '../../methodology/index.ts';
import type { Database } from '../../store/database.ts';
import { appendAudit } from '../accounts/audit-log.ts';
import { requirePermission, type Actor } from '../accounts/roles.ts';
import { RevisionError } from '../revisions/revisions.errors.ts';
import { exportAssessment, resolveAssessmentKey } from '../revisions/revisions.usecases.ts';
import { blankAssessment, type BlankRole } from './blank-draft.ts';
import { lockDraft, selectDraft, selectReviews, type DraftRecord, type DraftRow, type ReviewRecord } from './drafts.repository.ts';
import { StudioError } from './studio.errors.ts';
import { readText, STUDIO_LIMITS } from './studio.limits.ts';
import { draftsTable } from './studio.table.ts';

/** Where a new draft starts: the current revision of an assessment, the text of a published page, or nothing. */
export type DraftStart = { from: 'current'; assessment: string } | { from: 'page'; text: unknown } | { from: 'blank'; role: Record<keyof BlankRole, unknown> };

/** A draft with what reviewers said about it. */
export interface DraftWithReviews {
  draft: DraftRecord;
  reviews: ReviewRecord[];
}

/** What an editor sends with each save. */
export interface DraftChanges {
  /** The version the editor loaded; the save is refused when someone saved a newer one. */
  expectedVersion: number;
  document?: unknown;
  note?: unknown;
  isCorrection?: boolean;
}

const OPEN_STATES = new Set(['editing', 'submitted', 'changes-requested', 'approved']);

/** The document as JSON, within the size the studio accepts. */
export function boundDocument(document: unknown): Record<string, unknown> {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) throw new StudioError('studio.invalid', 'document: found no assessment; expected an assessment object');
  const size = JSON.stringify(document).length;
  if (size > STUDIO_LIMITS.documentChars) {
    throw new StudioError('studio.invalid', `document: found ${size.toLocaleString('en-US')} characters of JSON; expected at most ${STUDIO_LIMITS.documentChars.toLocaleString('en-US')} (shorten the longest texts)`);
  }
  return document as Record<string, unknown>;
}

function roleOf(document: Record<string, unknown>): { slug: string; seniority: string; title: string; category: string } {
  const role = (document.role ?? {}) as Record<string, unknown>;
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 300) : fallback);
  return { slug: text(role.slug, 'untitled'), seniority: text(role.seniority, 'all-levels'), title: text(role.title, 'Untitled role'), category: text(role.category, 'Uncategorised') };
}

async function startingPoint(db: Database, start: DraftStart): Promise<{ document: Record<string, unknown>; baseRevision: number; origin: string }> {
  if (start.from === 'current') {
    try {
      const { roleSlug, seniority } = await resolveAssessmentKey(db, String(start.assessment ?? '').slice(0, 200));
      const exported = await exportAssessment(db, roleSlug, seniority);
      const { basedOnRevision: _based, ...document } = exported.document;
      return { document: document as Record<string, unknown>, baseRevision: exported.revision, origin: `revision ${exported.revision}` };
    } catch (error) {
      if (error instanceof RevisionError) throw new StudioError('studio.not_found', `assessment: ${error.message}`);
      throw error;
    }
  }
  if (start.from === 'page') {
    const text = readText('page', start.text, STUDIO_LIMITS.pageChars, { required: true });
    const page = parsePublishedPage(text);
    if (!page.ok) {
      const lines = page.problems.slice(0, 5).map((problem) => `line ${problem.line ?? '?'}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
      throw new StudioError('studio.invalid', `page: the text could not be read as a published assessment page:\n${lines.join('\n')}`);
    }
    const document = boundDocument(page.assessment);
    const role = roleOf(document);
    const base = await currentRevisionNumber(db, role.slug, role.seniority);
    return { document, baseRevision: base, origin: 'a pasted page' };
  }
  const role: BlankRole = {
    slug: readText('role slug', start.role.slug, 120, { required: true, multiline: false }).toLowerCase(),
    title: readText('role title', start.role.title, 300, { required: true, multiline: false }),
    seniority: readText('seniority', start.role.seniority, 120, { required: true, multiline: false }).toLowerCase(),
    category: readText('category', start.role.category, 120, { required: true, multiline: false }),
  };
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(role.slug)) throw new StudioError('studio.invalid', `role slug: found "${role.slug}"; expected lower-case letters, digits and single hyphens, like "ward-nurse"`);
  const document = blankAssessment(role) as unknown as Record<string, unknown>;
  return { document, baseRevision: await currentRevisionNumber(db, role.slug, role.seniority), origin: 'a blank assessment' };
}

async function currentRevisionNumber(db: Database, roleSlug: string, seniority: string): Promise<number> {
  try {
    return (await exportAssessment(db, roleSlug, seniority)).revision;
  } catch (error) {
    if (error instanceof RevisionError) return 0;
    throw error;
  }
}

/** Starts a draft (assessor and up) and records it in the audit log. */
export async function createDraft(db: Database, actor: Actor | null, start: DraftStart): Promise<DraftRecord> {
  const member = requirePermission(actor, 'draft.create');
  const { document, baseRevision, origin } = await startingPoint(db, start);
  const role = roleOf(document);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(draftsTable)
      .values({ roleSlug: role.slug, seniority: role.seniority, title: role.title, category: role.category, baseRevision, document, authorUserId: member.userId, updatedByUserId: member.userId })
      .returning({ id: draftsTable.id });
    if (!row) throw new Error('inserting a draft returned no row');
    await appendAudit(tx, { actor: member, action: 'draft.created', subject: `draft:${row.id}`, details: { assessment: `${role.slug}/${role.seniority}`, from: origin, baseRevision } });
    return row.id;
  });
  return (await selectDraft(db, id)) as DraftRecord;
}

function parseId(id: unknown): number {
  const number = typeof id === 'number' ? id : Number(id);
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) throw new StudioError('studio.not_found', `draft: found "${String(id).slice(0, 20)}"; expected a draft number`);
  return number;
}

/** Reads a draft with its reviews (assessor and up). */
export async function getDraft(db: Database, actor: Actor | null, id: unknown): Promise<DraftWithReviews> {
  requirePermission(actor, 'queue.view');
  const draftId = parseId(id);
  const draft = await selectDraft(db, draftId);
  if (!draft) throw new StudioError('studio.not_found', `there is no draft ${draftId}; open one from the studio queue`);
  return { draft, reviews: await selectReviews(db, draftId) };
}

/** Locks an open draft inside a transaction, refusing closed ones. */
export async function lockOpenDraft(tx: Database, id: unknown): Promise<DraftRow> {
  const draftId = parseId(id);
  const draft = await lockDraft(tx, draftId);
  if (!draft) throw new StudioError('studio.not_found', `there is no draft ${draftId}; open one from the studio queue`);
  if (!OPEN_STATES.has(draft.state)) throw new StudioError('studio.refused', `draft ${draftId} is ${draft.state}; start a new draft to change the assessment again`);
  return draft;
}

/** The errors of a draft's document, as "path: message" lines; empty when it could be published. */
export function documentProblems(document: unknown): string[] {
  const result = validateAssessment(document);
  return result.ok ? [] : result.problems.filter((problem) => problem.severity === 'error').map((problem) => `${formatPath(problem.path) || 'document'}: ${problem.message}`);
}

/** Parses a draft's document, which must be valid. */
export function validDocument(document: unknown, what: string): Assessment {
  const problems = documentProblems(document);
  if (problems.length > 0) throw new StudioError('studio.invalid', `${what}: fix these first:\n${problems.slice(0, 10).join('\n')}`);
  return AssessmentSchema.parse(document);
}

/**
 * Saves an editor's changes (assessor and up) when nobody saved since they loaded the draft; a save
 * naming an older version is refused with studio.conflict, so two editors never overwrite each other.
 * An edit after approval withdraws the approval.
 */
export async function saveDraft(db: Database, actor: Actor | null, id: unknown, changes: DraftChanges): Promise<DraftRecord> {
  const member = requirePermission(actor, 'draft.edit');
  const document = changes.document === undefined ? undefined : boundDocument(changes.document);
  const note = changes.note === undefined ? undefined : (readText('note', changes.note, STUDIO_LIMITS.noteChars, { required: false }) ?? '');
  const draftId = await db.transaction(async (tx) => {
    const draft = await lockOpenDraft(tx, id);
    if (!Number.isInteger(changes.expectedVersion) || changes.expectedVersion !== draft.version) {
      const who = draft.updatedByUserId === member.userId ? 'you (in another tab)' : 'someone else';
      throw new StudioError(
        'studio.conflict',
        `draft ${draft.id} was saved by ${who} at ${draft.updatedAt.toISOString()} (version ${draft.version}) after you loaded version ${changes.expectedVersion}; reload it to see their changes, then reapply yours`,
      );
    }
    const role = document ? roleOf(document) : null;
    await tx
      .update(draftsTable)
      .set({
        ...(document ? { document, roleSlug: role?.slug, seniority: role?.seniority, title: role?.title, category: role?.category } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(changes.isCorrection !== undefined ? { isCorrection: changes.isCorrection } : {}),
        ...(draft.state === 'approved' ? { state: 'editing' as const } : {}),
        version: draft.version + 1,
        updatedAt: new Date(),
        updatedByUserId: member.userId,
      })
      .where(eq(draftsTable.id, draft.id));
    await appendAudit(tx, { actor: member, action: 'draft.saved', subject: `draft:${draft.id}`, details: { version: draft.version + 1, ...(draft.state === 'approved' ? { approvalWithdrawn: true } : {}) } });
    return draft.id;
  });
  return (await selectDraft(db, draftId)) as DraftRecord;
}

/** Sends a draft whose document is valid to the reviewers (assessor and up). */
export async function submitDraft(db: Database, actor: Actor | null, id: unknown): Promise<DraftRecord> {
  const member = requirePermission(actor, 'draft.submit');
  const draftId = await db.transaction(async (tx) => {
    const draft = await lockOpenDraft(tx, id);
    if (draft.state !== 'editing' && draft.state !== 'changes-requested') throw new StudioError('studio.refused', `draft ${draft.id} is already ${draft.state}`);
    validDocument(draft.document, `draft ${draft.id} cannot be submitted`);
    await tx.update(draftsTable).set({ state: 'submitted', updatedAt: new Date() }).where(eq(draftsTable.id, draft.id));
    await appendAudit(tx, { actor: member, action: 'draft.submitted', subject: `draft:${draft.id}`, details: { version: draft.version } });
    return draft.id;
  });
  return (await selectDraft(db, draftId)) as DraftRecord;
}
