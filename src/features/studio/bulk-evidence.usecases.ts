import type { Database } from '../../store/database.ts';
import { appendAudit } from '../accounts/audit-log.ts';
import { requirePermission, type Actor } from '../accounts/roles.ts';
import { onRevisionsPublished } from '../revisions/publication-hooks.ts';
import type { PublishedRevision } from '../revisions/published-revision.ts';
import { RevisionError } from '../revisions/revisions.errors.ts';
import { publishAssessments } from '../revisions/revisions.usecases.ts';
import { parseEvidenceDimension, planEvidenceChange, type AssessmentSelection, type BulkPlan } from '../revisions/bulk-changes.ts';
import { publicAuthorName } from './review.usecases.ts';
import { StudioError } from './studio.errors.ts';
import { readText, STUDIO_LIMITS } from './studio.limits.ts';

/** The bulk evidence form as sent: a dimension, a value, a category or a list of roles, the evidence text and the revision note. */
export interface BulkEvidenceForm {
  dimension: unknown;
  value: unknown;
  category?: unknown;
  roles?: unknown;
  text?: unknown;
  note?: unknown;
  /** The dry run's assessments and revisions ("slug/seniority@3 …"); publishing is refused when they no longer match. */
  expected?: unknown;
}

/** Writes the dry run's assessments and base revisions into the form that confirms it. */
export function expectedRevisionsOf(plan: BulkPlan): string {
  return plan.changes.map((change) => `${change.roleSlug}/${change.seniority}@${change.fromRevision}`).join(' ');
}

const MAX_ROLES = 500;

function parseForm(form: BulkEvidenceForm) {
  const dimension = parseEvidenceDimension(String(form.dimension ?? '').slice(0, 60));
  if (!dimension) throw new StudioError('studio.invalid', `dimension: found "${String(form.dimension ?? '').slice(0, 60)}"; expected one of the evidence dimensions, e.g. jobPostings`);
  const value = Number(String(form.value ?? '').trim() || Number.NaN);
  if (!Number.isInteger(value)) throw new StudioError('studio.invalid', `value: found "${String(form.value ?? '').slice(0, 20)}"; expected a whole number from -2 to 2`);
  const category = readText('category', form.category, 120, { required: false, multiline: false });
  const roles = readText('roles', form.roles, 20_000, { required: false });
  let selection: AssessmentSelection;
  if (category && !roles) selection = { category };
  else if (roles && !category) {
    const list = roles.split(/[\s,]+/).filter(Boolean);
    if (list.length > MAX_ROLES) throw new StudioError('studio.invalid', `roles: found ${list.length}; expected at most ${MAX_ROLES} (use a category for more)`);
    selection = { roles: list };
  } else throw new StudioError('studio.invalid', 'category or roles: give a category or a list of roles, not both and not neither');
  const text = readText('evidence text', form.text, 2_000, { required: false }) ?? undefined;
  return { change: { dimension, value, selection, text }, note: readText('note', form.note, STUDIO_LIMITS.noteChars, { required: false }) };
}

async function asStudioError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RevisionError && error.code !== 'revision.conflict') throw new StudioError(error.code === 'revision.not_found' ? 'studio.not_found' : 'studio.invalid', error.message);
    throw error;
  }
}

/** Works out the evidence change without writing: the dry-run table (editor and up). */
export async function planBulkEvidence(db: Database, actor: Actor | null, form: BulkEvidenceForm): Promise<BulkPlan> {
  requirePermission(actor, 'evidence.bulk-set');
  const { change } = parseForm(form);
  return asStudioError(() => planEvidenceChange(db, change));
}

/**
 * Publishes the evidence change as one atomic publication (editor and up), through the same
 * publishing use case as `jobzone evidence set`; each revision is based on the one the dry run
 * showed, so a publication in between is refused as a conflict.
 */
export async function publishBulkEvidence(db: Database, actor: Actor | null, form: BulkEvidenceForm): Promise<PublishedRevision[]> {
  const member = requirePermission(actor, 'evidence.bulk-set');
  const { change, note } = parseForm(form);
  if (!note) throw new StudioError('studio.invalid', 'note: found nothing; expected a revision note saying what changed and why');
  const plan = await asStudioError(() => planEvidenceChange(db, change));
  const expected = readText('expected', form.expected, 40_000, { required: true, multiline: false });
  if (expected !== expectedRevisionsOf(plan)) {
    throw new StudioError('studio.conflict', 'the assessments or their revisions changed since the dry run (something was published meanwhile); run the dry run again and check the table before publishing');
  }
  const author = await publicAuthorName(db, member);
  return asStudioError(() =>
    publishAssessments(db, plan.items, {
      note,
      author,
      onPublished: async (tx, revisions) => {
        await onRevisionsPublished(tx, revisions);
        await appendAudit(tx, {
          actor: member,
          action: 'evidence.bulk-published',
          subject: `evidence:${change.dimension}`,
          details: { value: change.value, selection: change.selection, revisions: revisions.map((revision) => `${revision.roleSlug}/${revision.seniority}@${revision.after.revisionNumber}`).slice(0, 500) },
        });
      },
    }),
  );
}
