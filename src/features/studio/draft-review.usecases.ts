import { AssessmentSchema, BARRIER_KEYS, EVIDENCE_KEYS, PROTECTIVE_KEYS } from '../../methodology/index.ts';
import type { Database } from '../../store/database.ts';
import type { Actor } from '../accounts/roles.ts';
import type { ScoreJson } from '../catalog/catalog.schemas.ts';
import { diffRevisions, type RevisionDiff } from '../revisions/revision-diff.ts';
import { RevisionError } from '../revisions/revisions.errors.ts';
import { computeRevisionFigures, getRevision } from '../revisions/revisions.usecases.ts';
import { documentProblems, getDraft, type DraftWithReviews } from './drafts.usecases.ts';

/** What the review page shows: the draft, what was said, and how it differs from the revision it started from. */
export interface DraftReview extends DraftWithReviews {
  problems: string[];
  figures: ScoreJson | null;
  base: { revision: number; figures: ScoreJson } | null;
  diff: RevisionDiff | null;
  /** The inputs a comment can be about, as field paths. */
  inputPaths: string[];
  /** Set when the assessment moved on since the draft started: publishing would be refused. */
  staleBase: { latest: number } | null;
}

/** Gathers a draft's review (assessor and up): its problems, its figures and the diff against its base revision. */
export async function getDraftReview(db: Database, actor: Actor | null, id: unknown): Promise<DraftReview> {
  const loaded = await getDraft(db, actor, id);
  const { draft } = loaded;
  const problems = documentProblems(draft.document);
  const document = problems.length === 0 ? AssessmentSchema.parse(draft.document) : null;
  let figures: ScoreJson | null = null;
  if (document) {
    try {
      figures = computeRevisionFigures(document);
    } catch (error) {
      if (!(error instanceof RevisionError)) throw error;
      problems.push(error.message);
    }
  }
  let base: DraftReview['base'] = null;
  let diff: RevisionDiff | null = null;
  let staleBase: DraftReview['staleBase'] = null;
  if (draft.baseRevision > 0) {
    const [stored, latest] = await Promise.all([getRevision(db, draft.roleSlug, draft.seniority, draft.baseRevision).catch(() => null), getRevision(db, draft.roleSlug, draft.seniority).catch(() => null)]);
    if (stored) {
      base = { revision: stored.revision, figures: stored.figures };
      if (document && figures) diff = diffRevisions({ revision: stored.revision, document: stored.document, figures: stored.figures }, { revision: stored.revision + 1, document, figures });
    }
    if (latest && latest.revision !== draft.baseRevision && draft.state !== 'published') staleBase = { latest: latest.revision };
  }
  const tasks = Array.isArray(draft.document.tasks) ? draft.document.tasks : [];
  const inputPaths = [
    ...tasks.flatMap((_, index) => [`tasks[${index}].share`, `tasks[${index}].score`]),
    ...PROTECTIVE_KEYS.map((key) => `protective.${key}`),
    'growth',
    ...EVIDENCE_KEYS.map((key) => `evidence.${key}`),
    ...BARRIER_KEYS.map((key) => `barriers.${key}`),
    'override',
    'verdict',
  ];
  return { ...loaded, problems, figures, base, diff, inputPaths, staleBase };
}
