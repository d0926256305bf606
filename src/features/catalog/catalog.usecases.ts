import { sql } from 'drizzle-orm';
import { compareSeniority, type Assessment } from '../../methodology/index.ts';
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
  type Role,
} from './catalog.repository.ts';
import type { CatalogStats, ShownAssessment } from './catalog.schemas.ts';
import { BASELINE_AUTHOR, figuresOf, planCatalog } from './catalog-plan.ts';
import { AssessmentSchema } from '../../methodology/index.ts';
import { canonicalJson, republishNote } from '../../data-pipeline/diff/baseline-diff.ts';
import { publishAssessments } from '../revisions/revisions.usecases.ts';
import type { OnRevisionsPublished } from '../revisions/publication-hook.ts';

export { BASELINE_AUTHOR, EXPERT_AUTHOR } from './catalog-plan.ts';

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

/** Loads the committed catalog and the expert assessments into the store in one transaction; loading again adds only what is missing. */
export async function loadCommittedCatalog(db: Database, catalog: CatalogToLoad, options: LoadOptions = {}): Promise<LoadSummary> {
  const progress = options.onProgress ?? (() => undefined);
  const prepared = planCatalog(catalog);
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
      const itemFigures = figuresOf(item.assessment);
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
  const published = items.length === 0 ? [] : await publishAssessments(db, items, { note: 'Data-derived baseline republished from the committed catalog.', author: BASELINE_AUTHOR, onPublished: options.onPublished, followsCatalogLoad: true });
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
    ...figuresOf(document),
  };
}
