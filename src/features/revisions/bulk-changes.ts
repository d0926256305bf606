import { EVIDENCE_KEYS, METHODOLOGIES, type Assessment, type EvidenceKey, type MethodologyDefinition } from '../../methodology/index.ts';
import type { Database } from '../../store/database.ts';
import type { PublishedRevision } from './published-revision.ts';
import { RevisionError } from './revisions.errors.ts';
import { selectCurrentDocuments, type CurrentDocument } from './revisions.repository.ts';
import { RESCORE_AUTHOR, type PlannedChange, type PublishItem, type PublishOptions } from './revisions.schemas.ts';
import { computeRevisionFigures, keyOf, publishAssessments } from './revisions.usecases.ts';

/**
 * Changes across many published assessments at once (one evidence dimension over a category or a
 * list of roles, or a re-score under another methodology version): each is planned first, so a
 * reader can see every headline move, then published as one atomic bulk publication.
 */

/** Accepts an evidence dimension by its key ("jobPostings") or its label in kebab case ("job-postings", "job-posting-trends"). */
export function parseEvidenceDimension(name: string): EvidenceKey | null {
  const plain = name.trim().toLowerCase().replace(/[^a-z]/g, '');
  const labels = new Map<string, EvidenceKey>();
  for (const key of EVIDENCE_KEYS) labels.set(key.toLowerCase(), key);
  const definition = METHODOLOGIES[Object.keys(METHODOLOGIES)[0] ?? ''];
  for (const dimension of definition?.evidence ?? []) labels.set(dimension.label.toLowerCase().replace(/[^a-z]/g, ''), dimension.key);
  labels.set('jobpostingstrends', 'jobPostings');
  labels.set('wagetrends', 'wages');
  labels.set('aitoolmaturity', 'toolMaturity');
  return labels.get(plain) ?? null;
}

/** Which assessments a bulk change covers: a category (by name or slug) or roles ("slug" or "slug/seniority"). */
export type AssessmentSelection = { category: string } | { roles: readonly string[] };

async function selectDocuments(db: Database, selection: AssessmentSelection): Promise<CurrentDocument[]> {
  if ('category' in selection) {
    const wanted = selection.category.trim().toLowerCase();
    const all = await selectCurrentDocuments(db);
    const slug = (text: string) => text.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    const matching = all.filter((row) => row.category.toLowerCase() === wanted || slug(row.category) === slug(wanted));
    if (matching.length === 0) {
      const categories = [...new Set(all.map((row) => row.category))].sort();
      throw new RevisionError('revision.not_found', `no category "${selection.category}"; use one of: ${categories.join('; ')}`);
    }
    return matching;
  }
  const wanted = selection.roles.map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  if (wanted.length === 0) throw new RevisionError('revision.not_found', 'no roles given; list role slugs separated by commas, e.g. registered-nurses,roofers/all-levels');
  const rows = await selectCurrentDocuments(db, { roleSlugs: wanted.map((entry) => entry.split('/')[0] ?? entry) });
  const selected: CurrentDocument[] = [];
  const missing: string[] = [];
  for (const entry of wanted) {
    const [roleSlug, seniority] = entry.split('/');
    const found = rows.filter((row) => row.roleSlug === roleSlug && (seniority === undefined || row.seniority === seniority));
    if (found.length === 0) missing.push(entry);
    for (const row of found) if (!selected.includes(row)) selected.push(row);
  }
  if (missing.length > 0) throw new RevisionError('revision.not_found', `no published assessment of ${missing.join(', ')}; find slugs with: jobzone search "<title>"`);
  return selected;
}

/** A bulk change worked out but not written: each assessment's new document and how its headline moves. */
export interface BulkPlan {
  items: PublishItem[];
  changes: PlannedChange[];
}

function planFrom(rows: readonly CurrentDocument[], change: (document: Assessment) => Assessment, methodologies?: Readonly<Record<string, MethodologyDefinition>>): BulkPlan {
  const items: PublishItem[] = [];
  const changes: PlannedChange[] = [];
  for (const row of rows) {
    const document = change(row.document);
    const after = computeRevisionFigures(document, methodologies);
    items.push({ document, expectedRevision: row.revision, source: keyOf(row.roleSlug, row.seniority) });
    changes.push({
      roleSlug: row.roleSlug,
      seniority: row.seniority,
      title: row.title,
      fromRevision: row.revision,
      before: { score: row.figures.score, zone: row.figures.zone, subLabel: row.figures.subLabel },
      after: { score: after.score, zone: after.zone, subLabel: after.subLabel },
    });
  }
  return { items, changes };
}

/** Works out setting one evidence dimension to a value across the selected assessments, without writing. */
export async function planEvidenceChange(db: Database, change: { dimension: EvidenceKey; value: number; selection: AssessmentSelection; text?: string | undefined }): Promise<BulkPlan> {
  const range = METHODOLOGIES[Object.keys(METHODOLOGIES)[0] ?? '']?.ranges.evidence ?? { min: -2, max: 2 };
  if (!Number.isInteger(change.value) || change.value < range.min || change.value > range.max) {
    throw new RevisionError('revision.invalid', `an evidence value is a whole number from ${range.min} to ${range.max}; found ${change.value}`);
  }
  const rows = await selectDocuments(db, change.selection);
  return planFrom(rows, (document) => ({
    ...document,
    evidence: { ...document.evidence, [change.dimension]: { ...document.evidence[change.dimension], score: change.value, ...(change.text ? { text: change.text } : {}) } },
  }));
}

/** Sets one evidence dimension across the selected assessments as one atomic bulk publication. */
export async function setEvidence(
  db: Database,
  change: { dimension: EvidenceKey; value: number; selection: AssessmentSelection; text?: string | undefined },
  options: PublishOptions,
): Promise<{ plan: BulkPlan; published: PublishedRevision[] }> {
  const plan = await planEvidenceChange(db, change);
  return { plan, published: await publishAssessments(db, plan.items, options) };
}

/** Works out re-scoring every published assessment with a methodology version, without writing. */
export async function planRescore(db: Database, version: string, methodologies: Readonly<Record<string, MethodologyDefinition>> = METHODOLOGIES): Promise<BulkPlan> {
  if (!methodologies[version]) {
    throw new RevisionError('revision.invalid', `"${version}" is not a methodology version jobzone knows; use one of ${Object.keys(methodologies).join(', ')}`);
  }
  return planFrom(await selectCurrentDocuments(db), (document) => ({ ...document, methodology: version }), methodologies);
}

/** Re-scores every published assessment with a methodology version as new revisions whose note names the version; all or none. */
export async function rescoreAll(
  db: Database,
  version: string,
  options: Omit<PublishOptions, 'note' | 'author'> & { note?: string | undefined; author?: string | undefined } = {},
): Promise<{ plan: BulkPlan; published: PublishedRevision[] }> {
  const methodologies = options.methodologies ?? METHODOLOGIES;
  const plan = await planRescore(db, version, methodologies);
  const note = `Re-scored with methodology ${version}${options.note ? `: ${options.note}` : '.'}`;
  const published = await publishAssessments(db, plan.items, { ...options, methodologies, note, author: options.author ?? RESCORE_AUTHOR });
  return { plan, published };
}
