import { publicationPayload } from './publication-signal.ts';
import {
  AssessmentSchema,
  METHODOLOGIES,
  compareSeniority,
  findMethodology,
  explainScore,
  formatPath,
  scoreAssessment,
  toScoreJson,
  validateAssessment,
  type Assessment,
  type MethodologyDefinition,
} from '../../methodology/index.ts';
import type { Database } from '../../store/database.ts';
import type { ScoreJson } from '../catalog/catalog.schemas.ts';
import type { PublishedRevision, RevisionHeadline } from './published-revision.ts';
import { RevisionError } from './revisions.errors.ts';
import {
  insertMissingAssessments,
  insertRevisionsAndAdvance,
  listKnownOnetCodes,
  listPublishedSeniorities,
  listRoleSlugs,
  notifyPublication,
  readCurrentAssessments,
  selectRevision,
  selectRevisions,
  upsertRoles,
  type CurrentAssessment,
  type RevisionToInsert,
  insertRoleTitles,
} from './revisions.repository.ts';
import {
  PUBLICATION_CHANNEL,
  type ExportedAssessment,
  type PublishItem,
  type PublishOptions,
  type RevisionSummary,
  type StoredRevision,
} from './revisions.schemas.ts';

export const keyOf = (roleSlug: string, seniority: string) => `${roleSlug}/${seniority}`;

interface Prepared {
  key: string;
  source: string;
  document: Assessment;
  figures: ScoreJson;
  expectedRevision: number | undefined;
  note?: string;
}

/** Scores a document with the methodology version it names; the figures stored with a revision. */
export function computeRevisionFigures(document: Assessment, methodologies: Readonly<Record<string, MethodologyDefinition>> = METHODOLOGIES): ScoreJson {
  const definition = findMethodology(document.methodology, methodologies);
  if (!definition) {
    throw new RevisionError(
      'revision.invalid',
      `methodology: "${document.methodology}" is not a methodology version jobzone knows; use one of ${Object.keys(methodologies).join(', ')}`,
    );
  }
  return toScoreJson(scoreAssessment(document, definition), explainScore(document, definition));
}

function headlineOf(revisionNumber: number, figures: ScoreJson): RevisionHeadline {
  return { revisionNumber, score: figures.score, zone: figures.zone, subLabel: figures.subLabel, label: figures.label };
}

function referencedSlugs(document: Assessment): string[] {
  return [...document.role.notThisRole.map((related) => related.slug), ...(document.peerCheck?.peers ?? []).map((peer) => peer.slug)].filter(
    (slug): slug is string => slug !== undefined,
  );
}

function invalid(problems: readonly string[]): RevisionError {
  const shown = problems.slice(0, 20);
  const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
  return new RevisionError('revision.invalid', `nothing was published:\n${shown.join('\n')}${more}`);
}

function parseItems(items: readonly PublishItem[], methodologies: PublishOptions['methodologies']): { parsed: { item: PublishItem; document: Assessment; source: string }[]; problems: string[] } {
  const problems: string[] = [];
  const parsed: { item: PublishItem; document: Assessment; source: string }[] = [];
  items.forEach((item, index) => {
    const source = item.source ?? `assessment ${index + 1}`;
    const result = validateAssessment(item.document, methodologies ? { methodologies } : {});
    if (!result.ok) {
      for (const problem of result.problems) if (problem.severity === 'error') problems.push(`${source}: ${formatPath(problem.path) || 'document'}: ${problem.message}`);
      return;
    }
    const { basedOnRevision, ...document } = result.assessment;
    if (item.expectedRevision !== undefined && basedOnRevision !== undefined && item.expectedRevision !== basedOnRevision) {
      problems.push(`${source}: basedOnRevision is ${basedOnRevision} but --expect-revision is ${item.expectedRevision}; give one or make them agree`);
      return;
    }
    parsed.push({ item: { ...item, expectedRevision: item.expectedRevision ?? basedOnRevision }, document, source });
  });
  return { parsed, problems };
}

function describeLatest(latest: NonNullable<CurrentAssessment['latest']>): string {
  return `revision ${latest.number} is now the latest (published ${latest.publishedAt.toISOString()} by ${latest.author})`;
}

function conflictLine(key: string, expected: number, latest: NonNullable<CurrentAssessment['latest']>): string {
  const edited = expected === 0 ? `you published ${key} as a new assessment` : `you edited revision ${expected} of ${key}`;
  return `${edited} but ${describeLatest(latest)}: export it again (jobzone export ${key}) and reapply your change`;
}

function conflict(lines: readonly string[]): RevisionError {
  const shown = lines.slice(0, 20);
  const more = lines.length > shown.length ? `\n… and ${lines.length - shown.length} more` : '';
  const text = shown.length === 1 ? shown[0] : `\n${shown.join('\n')}${more}`;
  return new RevisionError('revision.conflict', `${text}\nNothing was published; your file is unchanged.`);
}

function isRevisionNumberClash(error: unknown): boolean {
  for (let current = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
    if (current.code === '23505' && (current.constraint === undefined || current.constraint === 'revisions_assessment_revision_unique')) return true;
  }
  return false;
}

/** Publishes several assessments as new revisions in one transaction: all of them or, on any problem or conflict, none. */
export async function publishAssessments(db: Database, items: readonly PublishItem[], options: PublishOptions): Promise<PublishedRevision[]> {
  const note = options.note.trim();
  const author = options.author.trim();
  if (!note) throw new RevisionError('revision.invalid', 'a revision needs a note saying what changed and why; nothing was published');
  if (!author) throw new RevisionError('revision.invalid', 'a revision needs an author; nothing was published');
  if (items.length === 0) return [];
  const { parsed, problems } = parseItems(items, options.methodologies);
  if (problems.length > 0) throw invalid(problems);

  const prepared: Prepared[] = [];
  const seen = new Map<string, string>();
  for (const { item, document, source } of parsed) {
    const key = keyOf(document.role.slug, document.role.seniority);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${source}: ${key} is also published by ${first}; publish each assessment once`);
      continue;
    }
    seen.set(key, source);
    try {
      const itemNote = item.note?.trim();
      prepared.push({ key, source, document, figures: computeRevisionFigures(document, options.methodologies), expectedRevision: item.expectedRevision, ...(itemNote ? { note: itemNote } : {}) });
    } catch (error) {
      if (!(error instanceof RevisionError)) throw error;
      problems.push(`${source}: ${error.message}`);
    }
  }
  if (problems.length > 0) throw invalid(problems);
  // The base of an edit without a stated one is the latest revision at read time, so a publication racing it is refused, not silently stacked on.
  const roleSlugs = [...new Set(prepared.map((entry) => entry.document.role.slug))];
  const readTime = new Map((await readCurrentAssessments(db, roleSlugs, false)).map((current) => [keyOf(current.roleSlug, current.seniority), current.latest?.number ?? 0]));
  for (const entry of prepared) entry.expectedRevision ??= readTime.get(entry.key) ?? 0;
  // Locks are taken in one order (assessment id) by every publisher.
  prepared.sort((a, b) => a.key.localeCompare(b.key));

  try {
    return await db.transaction(async (tx) => {
      const knownSlugs = await listRoleSlugs(tx);
      for (const entry of prepared) knownSlugs.add(entry.document.role.slug);
      const before = new Map((await readCurrentAssessments(tx, roleSlugs, false)).map((current) => [keyOf(current.roleSlug, current.seniority), current]));
      const onetCodes = await listKnownOnetCodes(tx, [...new Set(prepared.flatMap((entry) => entry.document.role.onetCodes.slice(0, 1)))]);
      for (const entry of prepared) {
        // Links already published stay publishable (a round trip must be accepted); a publication may not add a link to a role that does not exist.
        const previous = before.get(entry.key)?.latest?.document;
        const known = new Set([...knownSlugs, ...(previous ? referencedSlugs(previous) : [])]);
        const result = validateAssessment(entry.document, { knownRoleSlugs: known, ...(options.methodologies ? { methodologies: options.methodologies } : {}) });
        if (!result.ok) for (const problem of result.problems) if (problem.severity === 'error') problems.push(`${entry.source}: ${formatPath(problem.path)}: ${problem.message}`);
        const code = entry.document.role.onetCodes[0];
        if (code !== undefined && !onetCodes.has(code)) {
          problems.push(`${entry.source}: role.onetCodes[0]: ${code} is not an occupation of the catalog; use an O*NET-SOC code from catalog/occupations.jsonl`);
        }
      }
      if (problems.length > 0) throw invalid(problems);

      const roles = new Map(
        prepared.map(({ document }) => [
          document.role.slug,
          { slug: document.role.slug, title: document.role.title, category: document.role.category, primaryOnetCode: document.role.onetCodes[0] ?? null, kind: document.status },
        ]),
      );
      await upsertRoles(tx, [...roles.values()]);
      await insertRoleTitles(
        tx,
        prepared.filter(({ document }) => document.status === 'expert').map(({ document }) => ({ slug: document.role.slug, titles: [document.role.title, ...document.role.aliases] })),
      );
      await insertMissingAssessments(tx, prepared.map(({ document }) => ({ roleSlug: document.role.slug, seniority: document.role.seniority })));
      const current = new Map((await readCurrentAssessments(tx, roleSlugs, true)).map((row) => [keyOf(row.roleSlug, row.seniority), row]));

      const conflicts: string[] = [];
      const toInsert: RevisionToInsert[] = [];
      const rows: { entry: Prepared; state: CurrentAssessment }[] = [];
      for (const entry of prepared) {
        const state = current.get(entry.key);
        if (!state) throw new Error(`assessment ${entry.key} vanished while publishing`);
        const latestNumber = state.latest?.number ?? 0;
        const expected = entry.expectedRevision ?? latestNumber;
        if (state.latest && latestNumber !== expected) {
          conflicts.push(conflictLine(entry.key, expected, state.latest));
          continue;
        }
        if (!state.latest && expected !== 0) {
          conflicts.push(`you edited revision ${expected} of ${entry.key} but it has no published revision: remove basedOnRevision (or --expect-revision) to publish it as new`);
          continue;
        }
        toInsert.push({ assessmentId: state.assessmentId, revisionNumber: latestNumber + 1, document: entry.document, figures: entry.figures, author, note: entry.note ?? note });
        rows.push({ entry, state });
      }
      if (conflicts.length > 0) throw conflict(conflicts);

      const written = await insertRevisionsAndAdvance(tx, toInsert);
      const published: PublishedRevision[] = rows.map(({ entry, state }, index) => {
        const row = written[index];
        const revision = toInsert[index];
        if (!row || !revision) throw new Error('a written revision is missing its id');
        return {
          assessmentId: state.assessmentId,
          revisionId: row.id,
          roleSlug: entry.document.role.slug,
          seniority: entry.document.role.seniority,
          title: entry.document.role.title,
          category: entry.document.role.category,
          note: revision.note,
          author,
          publishedAt: row.publishedAt,
          methodologyVersion: entry.figures.methodologyVersion,
          notify: options.notify ?? false,
          before: state.latest ? headlineOf(state.latest.number, state.latest.figures) : null,
          after: headlineOf(revision.revisionNumber, entry.figures),
        };
      });
      await options.onPublished?.(tx, published);
      await notifyPublication(tx, PUBLICATION_CHANNEL, publicationPayload(published.length, options.followsCatalogLoad ? null : published.map((revision) => revision.roleSlug)));
      return published;
    });
  } catch (error) {
    if (error instanceof RevisionError || !isRevisionNumberClash(error)) throw error;
    // Another publisher committed the same revision number between our read and our write.
    const latest = await readCurrentAssessments(db, roleSlugs, false);
    const lines = latest.flatMap((state) => {
      const entry = prepared.find((candidate) => candidate.key === keyOf(state.roleSlug, state.seniority));
      return entry && state.latest && state.latest.number !== entry.expectedRevision ? [conflictLine(entry.key, entry.expectedRevision ?? 0, state.latest)] : [];
    });
    throw conflict(lines.length > 0 ? lines : ['another publication of the same assessment won the race: export it again and reapply your change']);
  }
}

/** Publishes one assessment as a new revision; refused with revision.conflict when the revision it was edited from is no longer the latest. */
export async function publishAssessment(db: Database, document: unknown, options: PublishOptions & { expectedRevision?: number | undefined; source?: string }): Promise<PublishedRevision> {
  const [published] = await publishAssessments(db, [{ document, expectedRevision: options.expectedRevision, source: options.source }], options);
  if (!published) throw new Error('publishing one assessment wrote no revision');
  return published;
}

/** Finds which assessment of a role "<slug>" or "<slug>/<seniority>" names; a role assessed at several seniorities needs the seniority. */
export async function resolveAssessmentKey(db: Database, key: string): Promise<{ roleSlug: string; seniority: string }> {
  const [roleSlug = '', seniority, extra] = key.trim().toLowerCase().split('/');
  if (!roleSlug || extra !== undefined) throw new RevisionError('revision.not_found', `"${key}" is not <role-slug> or <role-slug>/<seniority>, e.g. registered-nurses/all-levels`);
  const seniorities = (await listPublishedSeniorities(db, roleSlug)).sort(compareSeniority);
  if (seniorities.length === 0) throw new RevisionError('revision.not_found', `no published assessment of "${roleSlug}"; find the role's slug with: jobzone search "${roleSlug.replace(/-/g, ' ')}"`);
  if (seniority !== undefined) {
    if (!seniorities.includes(seniority)) {
      throw new RevisionError('revision.not_found', `${roleSlug} has no published assessment at "${seniority}"; it is assessed at: ${seniorities.join(', ')}`);
    }
    return { roleSlug, seniority };
  }
  const [only] = seniorities;
  if (only === undefined || seniorities.length > 1) {
    throw new RevisionError('revision.not_found', `${roleSlug} is assessed at ${seniorities.join(', ')}: name one, e.g. ${roleSlug}/${seniorities[0] ?? 'all-levels'}`);
  }
  return { roleSlug, seniority: only };
}

/** Lists the revisions of an assessment, newest first, with their figures. */
export async function listRevisions(db: Database, roleSlug: string, seniority: string): Promise<RevisionSummary[]> {
  const revisions = await selectRevisions(db, roleSlug, seniority);
  if (revisions.length === 0) throw new RevisionError('revision.not_found', `no published revision of ${keyOf(roleSlug, seniority)}`);
  return revisions;
}

/** Finds one revision of an assessment with its document; the current one when no number is given. */
export async function getRevision(db: Database, roleSlug: string, seniority: string, revision?: number): Promise<StoredRevision> {
  const found = await selectRevision(db, roleSlug, seniority, revision);
  if (!found) {
    const which = revision === undefined ? 'no published revision' : `no revision ${revision}`;
    throw new RevisionError('revision.not_found', `${keyOf(roleSlug, seniority)} has ${which}; list them with: jobzone revisions ${keyOf(roleSlug, seniority)}`);
  }
  return found;
}

/** Returns the current revision of an assessment as a document `publish` accepts back, marked with the revision it came from. */
export async function exportAssessment(db: Database, roleSlug: string, seniority: string): Promise<ExportedAssessment> {
  const current = await getRevision(db, roleSlug, seniority);
  // JSONB keeps keys in its own order; parsing restores the schema's field order for a readable file.
  const document = AssessmentSchema.parse(current.document);
  return { roleSlug, seniority, revision: current.revision, document: { basedOnRevision: current.revision, ...document } };
}
