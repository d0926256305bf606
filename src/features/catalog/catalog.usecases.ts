import { sql } from 'drizzle-orm';
import { toScoreJson } from '../../methodology/index.ts';
import { compareSeniority, explainScore, scoreAssessment, type Assessment } from '../../methodology/index.ts';
import type { Database } from '../../store/database.ts';
import { readCatalogToLoad, type CatalogToLoad } from './catalog-source.ts';
import { CatalogError } from './catalog.errors.ts';
import {
  countAssessmentsByKindAndZone,
  countOccupations,
  countTitles,
  findOccupation,
  findRoleBySlug,
  insertAssessments,
  insertDataSources,
  insertIndexValues,
  insertOccupations,
  insertRevisions,
  insertRoles,
  insertTitles,
  listAssessmentsWithoutRevision,
  listCurrentBaselineRevisions,
  listCurrentRevisionsOfRole,
  listRoleKinds,
  listRolesOfOccupation,
  type NewRevision,
  type NewRole,
  type NewTitle,
  type Role,
} from './catalog.repository.ts';
import type { CatalogStats, ScoreJson, ShownAssessment } from './catalog.schemas.ts';
import { normalizeTitle } from './normalize-title.ts';
import { AssessmentSchema } from '../../methodology/index.ts';
import { canonicalJson, republishNote } from '../../catalog/diff/baseline-diff.ts';
import { publishAssessments } from '../revisions/revisions.usecases.ts';
import type { OnRevisionsPublished } from '../revisions/publication-hook.ts';

/** Who published a baseline revision. */
export const BASELINE_AUTHOR = 'jobzone baseline pipeline';
/** Who published a revision read from an expert assessment file. */
export const EXPERT_AUTHOR = 'jobzone editorial team';

/** How many rows of each kind a load offered to the store (rows already stored are left as they were). */
export interface LoadSummary {
  occupations: number;
  roles: number;
  revisionsPublished: number;
  titles: number;
  indexValues: number;
  sources: number;
}

export interface LoadOptions {
  /** Receives one line per step, for progress output. */
  onProgress?: (message: string) => void;
}

// Serialises concurrent loads of one database (two processes starting on an empty PostgreSQL).
const LOAD_LOCK_KEY = 720_417_004;

interface PreparedAssessment {
  key: string;
  roleSlug: string;
  seniority: string;
  assessment: Assessment;
  note: string;
  author: string;
}

function computeFigures(assessment: Assessment): ScoreJson {
  return toScoreJson(scoreAssessment(assessment), explainScore(assessment));
}

function prepare(catalog: CatalogToLoad) {
  const problems: string[] = [];
  const occupationCodes = new Set(catalog.occupations.map((occupation) => occupation.onetCode));
  const roles = new Map<string, NewRole>();
  const assessments = new Map<string, PreparedAssessment>();
  const sourceNames = catalog.sources.map((source) => source.name).join('; ');
  const baselineNote = `Data-derived baseline, not reviewed: computed by "jobzone catalog build" from ${sourceNames || 'the committed catalog'}.`;

  const addAssessment = (prepared: PreparedAssessment, where: string) => {
    if (assessments.has(prepared.key)) problems.push(`${where}: a second assessment of ${prepared.key}; each role has one per seniority`);
    else assessments.set(prepared.key, prepared);
  };

  for (const [index, { onetCode, assessment }] of catalog.baselines.entries()) {
    const where = `catalog/baselines.jsonl:${index + 1}`;
    const { role } = assessment;
    if (!occupationCodes.has(onetCode)) problems.push(`${where}: onetCode ${onetCode} is not in catalog/occupations.jsonl`);
    if (assessment.status !== 'baseline') problems.push(`${where}: status is "${assessment.status}", expected "baseline"`);
    if (!roles.has(role.slug)) roles.set(role.slug, { slug: role.slug, title: role.title, category: role.category, primaryOnetCode: onetCode, kind: 'baseline' });
    const key = `${role.slug}/${role.seniority}`;
    addAssessment({ key, roleSlug: role.slug, seniority: role.seniority, assessment, note: baselineNote, author: BASELINE_AUTHOR }, where);
  }

  const aliasTitles: NewTitle[] = [];
  for (const { file, assessment } of catalog.experts) {
    const { role } = assessment;
    const primaryOnetCode = role.onetCodes[0] ?? null;
    if (assessment.status !== 'expert') problems.push(`${file}: status is "${assessment.status}", expected "expert" for a file under content/`);
    if (primaryOnetCode !== null && !occupationCodes.has(primaryOnetCode)) {
      problems.push(`${file}: role.onetCodes: ${primaryOnetCode} is not an occupation of the catalog; use an O*NET-SOC code from catalog/occupations.jsonl`);
    }
    const existing = roles.get(role.slug);
    if (existing?.kind === 'baseline') problems.push(`${file}: role.slug "${role.slug}" is already the slug of a baseline; choose another slug`);
    if (!existing) {
      roles.set(role.slug, { slug: role.slug, title: role.title, category: role.category, primaryOnetCode, kind: 'expert' });
      for (const alias of new Set(role.aliases)) {
        aliasTitles.push({ title: alias, normalizedTitle: normalizeTitle(alias), onetCode: primaryOnetCode, roleSlug: role.slug, kind: 'alias' });
      }
    }
    const reviewed = assessment.reviewed ? ` (reviewed ${assessment.reviewed})` : '';
    addAssessment(
      { key: `${role.slug}/${role.seniority}`, roleSlug: role.slug, seniority: role.seniority, assessment, note: `Expert assessment from ${file}${reviewed}.`, author: EXPERT_AUTHOR },
      file,
    );
  }

  const titles: NewTitle[] = [];
  for (const [index, title] of catalog.titles.entries()) {
    if (!occupationCodes.has(title.onetCode)) problems.push(`catalog/titles.jsonl:${index + 1}: onetCode ${title.onetCode} is not in catalog/occupations.jsonl`);
    titles.push({ title: title.title, normalizedTitle: normalizeTitle(title.title), onetCode: title.onetCode, roleSlug: null, kind: title.kind });
  }
  titles.push(...aliasTitles);

  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
    throw new CatalogError('catalog.invalid', `the catalog cannot be loaded; nothing was written:\n${shown.join('\n')}${more}`);
  }
  return { roles: [...roles.values()], assessments: [...assessments.values()], titles };
}

/** Loads the committed catalog and the expert assessments into the store in one transaction; loading again adds only what is missing. */
export async function loadCommittedCatalog(db: Database, catalog: CatalogToLoad, options: LoadOptions = {}): Promise<LoadSummary> {
  const progress = options.onProgress ?? (() => undefined);
  const prepared = prepare(catalog);
  let revisionsPublished = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOAD_LOCK_KEY})`);
    const storedKinds = await listRoleKinds(tx);
    for (const role of prepared.roles) {
      const stored = storedKinds.get(role.slug);
      if (stored && stored !== role.kind) {
        throw new CatalogError('catalog.invalid', `role "${role.slug}" is stored as ${stored} but the catalog has it as ${role.kind}; nothing was written`);
      }
    }
    progress(`storing ${catalog.occupations.length} occupations`);
    await insertOccupations(
      tx,
      catalog.occupations.map((occupation) => ({
        onetCode: occupation.onetCode,
        socCode: occupation.socCode,
        slug: occupation.slug,
        title: occupation.title,
        description: occupation.description,
        category: occupation.category,
        jobZone: occupation.jobZone,
        facts: {
          employment2024: occupation.employment2024,
          medianWage2024: occupation.medianWage2024,
          medianWage2021: occupation.medianWage2021,
          projectedEmployment2034: occupation.projectedEmployment2034,
          projectedChangePercent: occupation.projectedChangePercent,
          annualOpenings: occupation.annualOpenings,
          typicalEducation: occupation.typicalEducation,
          relatedOnetCodes: occupation.relatedOnetCodes,
        },
      })),
    );
    progress(`storing ${catalog.sources.length} data sources and the published index values`);
    await insertDataSources(tx, catalog.sources);
    await insertIndexValues(
      tx,
      catalog.occupations.flatMap((occupation) =>
        occupation.indices.map((value) => ({
          onetCode: occupation.onetCode,
          indexKey: value.index,
          value: value.value,
          percentile: value.percentile,
          crosswalked: value.crosswalked,
        })),
      ),
    );
    progress(`storing ${prepared.roles.length} roles and their assessments`);
    await insertRoles(tx, prepared.roles);
    await insertAssessments(tx, prepared.assessments);
    const unpublished = await listAssessmentsWithoutRevision(tx);
    const toPublish = prepared.assessments.filter((item) => unpublished.has(item.key));
    progress(`scoring ${toPublish.length} assessments`);
    const revisions: NewRevision[] = [];
    for (const item of toPublish) {
      const assessmentId = unpublished.get(item.key);
      if (assessmentId === undefined) continue;
      const itemFigures = computeFigures(item.assessment);
      revisions.push({
        assessmentId,
        revisionNumber: 1,
        document: item.assessment,
        figures: itemFigures,
        score: itemFigures.score,
        zone: itemFigures.zone,
        methodologyVersion: itemFigures.methodologyVersion,
        author: item.author,
        note: item.note,
      });
    }
    progress(`publishing ${revisions.length} revisions`);
    await insertRevisions(tx, revisions);
    revisionsPublished = revisions.length;
    progress(`storing ${prepared.titles.length} titles`);
    await insertTitles(tx, prepared.titles);
  });
  return {
    occupations: catalog.occupations.length,
    roles: prepared.roles.length,
    revisionsPublished,
    titles: prepared.titles.length,
    indexValues: catalog.occupations.reduce((total, occupation) => total + occupation.indices.length, 0),
    sources: catalog.sources.length,
  };
}

/** What bringing a store up to the committed catalog did. */
export interface SyncSummary extends LoadSummary {
  /** Baselines published as a new revision because the committed catalog changed them. */
  republished: number;
  /** Baselines whose current revision is not the pipeline's (someone edited them): left as they are. */
  keptEdited: string[];
}

export interface SyncOptions extends LoadOptions {
  /** Runs inside the publication's transaction (subscriber notifications); the publishing service passes its hooks. */
  onPublished?: OnRevisionsPublished;
}

/** Both sides are schema output (the store keeps what the loader parsed), so sorted-key JSON compares them whatever JSONB did to key order. */
const comparable = (document: unknown) => canonicalJson(document);

/**
 * Brings a store up to the committed catalog: loads what is missing (an empty store gets everything), then
 * publishes every baseline the committed catalog changed as a new revision whose note names the method
 * version and the inputs that moved. Baselines someone else published a revision of are left alone and
 * listed. Running it again changes nothing.
 */
export async function syncCommittedCatalog(db: Database, catalog: CatalogToLoad, options: SyncOptions = {}): Promise<SyncSummary> {
  const progress = options.onProgress ?? (() => undefined);
  const loaded = await loadCommittedCatalog(db, catalog, options);
  const committed = new Map(catalog.baselines.map(({ assessment }) => [`${assessment.role.slug}/${assessment.role.seniority}`, assessment]));
  const items: { document: Assessment; expectedRevision: number; source: string; note: string }[] = [];
  const keptEdited: string[] = [];
  for (const current of await listCurrentBaselineRevisions(db)) {
    const key = `${current.roleSlug}/${current.seniority}`;
    const next = committed.get(key);
    if (!next || comparable(current.document) === comparable(next)) continue;
    if (current.author !== BASELINE_AUTHOR) {
      keptEdited.push(key);
      continue;
    }
    const before = AssessmentSchema.parse(current.document);
    items.push({ document: next, expectedRevision: current.revisionNumber, source: `catalog/baselines.jsonl (${key})`, note: republishNote(before, next) });
  }
  items.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  if (items.length > 0) progress(`publishing ${items.length} changed baselines as new revisions`);
  const published = items.length === 0 ? [] : await publishAssessments(db, items, { note: 'Data-derived baseline republished from the committed catalog.', author: BASELINE_AUTHOR, onPublished: options.onPublished });
  return { ...loaded, republished: published.length, keptEdited: keptEdited.sort() };
}

/** Tells whether the committed catalog holds baselines the store does not have as current revisions (new or changed). */
export async function isCatalogNewerThanStore(db: Database, catalog: CatalogToLoad): Promise<boolean> {
  const stored = new Map((await listCurrentBaselineRevisions(db)).map((current) => [`${current.roleSlug}/${current.seniority}`, current]));
  return catalog.baselines.some(({ assessment }) => {
    const current = stored.get(`${assessment.role.slug}/${assessment.role.seniority}`);
    return current === undefined || (current.author === BASELINE_AUTHOR && comparable(current.document) !== comparable(assessment));
  });
}

/**
 * At start: loads an empty store, and brings a loaded one up to the committed catalog when the catalog is newer
 * (the same step as `jobzone catalog load`). Returns what it did, or null when the store was current.
 */
export async function ensureCatalogCurrent(
  db: Database,
  options: SyncOptions & { read?: () => Promise<CatalogToLoad> } = {},
): Promise<SyncSummary | null> {
  const catalog = await (options.read ?? (() => readCatalogToLoad()))();
  // An empty store only needs the load: there is nothing in it to republish.
  if (await isCatalogEmpty(db)) return { ...(await loadCommittedCatalog(db, catalog, options)), republished: 0, keptEdited: [] };
  if (!(await isCatalogNewerThanStore(db, catalog))) return null;
  return syncCommittedCatalog(db, catalog, options);
}

/** Tells whether the store holds no catalog yet. */
export async function isCatalogEmpty(db: Database): Promise<boolean> {
  return (await countOccupations(db)) === 0;
}

/** Loads the committed catalog when the store is empty; returns what was loaded, or null when it was already there. */
export async function ensureCatalogLoaded(
  db: Database,
  options: LoadOptions & { read?: () => Promise<CatalogToLoad> } = {},
): Promise<LoadSummary | null> {
  if (!(await isCatalogEmpty(db))) return null;
  const catalog = await (options.read ?? (() => readCatalogToLoad()))();
  return loadCommittedCatalog(db, catalog, options);
}

/** Counts occupations, assessments by kind, titles, and assessments by the zone of their current revision. */
export async function getCatalogStats(db: Database): Promise<CatalogStats> {
  const stats: CatalogStats = { occupations: await countOccupations(db), assessments: 0, baseline: 0, expert: 0, titles: await countTitles(db), byZone: { Green: 0, Yellow: 0, Red: 0 } };
  for (const { kind, zone, total } of await countAssessmentsByKindAndZone(db)) {
    stats.assessments += total;
    stats[kind] += total;
    if (zone === 'Green' || zone === 'Yellow' || zone === 'Red') stats.byZone[zone] += total;
  }
  return stats;
}

async function findRole(db: Database, key: string): Promise<Role | undefined> {
  const trimmed = key.trim();
  const code = /^\d{2}-\d{4}$/.test(trimmed) ? `${trimmed}.00` : trimmed;
  if (/^\d{2}-\d{4}\.\d{2}$/.test(code)) {
    const [role] = await listRolesOfOccupation(db, code);
    return role;
  }
  const slug = trimmed.toLowerCase();
  const role = await findRoleBySlug(db, slug);
  if (role) return role;
  const occupation = await findOccupation(db, { slug });
  if (!occupation) return undefined;
  const [baseline] = await listRolesOfOccupation(db, occupation.onetCode);
  return baseline;
}

/** Shows the current assessment of an occupation (its baseline) or of a role, by slug or O*NET-SOC code, with the figures of `jobzone score --json`. */
export async function showOccupation(db: Database, slugOrOnetCode: string): Promise<ShownAssessment> {
  const role = await findRole(db, slugOrOnetCode);
  const notFound = () =>
    new CatalogError('catalog.not_found', `no occupation or role "${slugOrOnetCode}" in the catalog; find its slug with: jobzone search "${slugOrOnetCode}"`);
  if (!role) throw notFound();
  const current = (await listCurrentRevisionsOfRole(db, role.slug)).sort((a, b) => compareSeniority(a.seniority, b.seniority))[0];
  if (!current) throw notFound();
  const { revision, seniority } = current;
  const document = revision.document;
  return {
    slug: role.slug,
    title: role.title,
    onetCode: role.primaryOnetCode,
    status: document.status,
    kind: role.kind,
    seniority,
    revision: { number: revision.revisionNumber, author: revision.author, note: revision.note, publishedAt: revision.publishedAt.toISOString() },
    ...computeFigures(document),
  };
}
