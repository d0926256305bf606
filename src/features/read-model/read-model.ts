import { createHash } from 'node:crypto';
import type { DataSource, IndexValue, OccupationRecord } from '../../data-pipeline/catalog-records.ts';
import { compareSeniority, type Assessment, type Zone } from '../../methodology/index.ts';
import type { ScoreJson } from '../catalog/catalog.schemas.ts';
import { slugify } from '../../shared/slug.ts';
import { withOfficialTitles } from '../search/added-titles.ts';
import { buildSearchIndex, type SearchEntry, type SearchIndex } from '../search/search-index.ts';

/** The revision an assessment is currently published at. */
export interface RevisionInfo {
  number: number;
  publishedAt: Date;
  author: string;
  note: string;
  methodologyVersion: string;
}

/** One stored revision of an assessment, for history, diffs, movers and feeds. */
export interface RevisionRecord extends RevisionInfo {
  document: Assessment;
  figures: ScoreJson;
}

/** One published assessment (a role at one seniority) with its stored figures. */
export interface AssessmentEntry {
  key: string;
  roleSlug: string;
  seniority: string;
  status: Assessment['status'];
  title: string;
  category: string;
  onetCode: string | null;
  assessment: Assessment;
  figures: ScoreJson;
  revision: RevisionInfo;
  /** Every revision, oldest first; the last is the current one. */
  revisions: readonly RevisionRecord[];
}

/** A role with the seniorities it is assessed at, in career order. */
export interface RoleEntry {
  slug: string;
  title: string;
  category: string;
  kind: 'baseline' | 'expert';
  onetCode: string | null;
  seniorities: string[];
  defaultSeniority: string;
}

export interface OccupationEntry extends Omit<OccupationRecord, 'indices'> {
  indices: IndexValue[];
  /** Expert-assessed roles that map to this occupation. */
  expertRoleSlugs: string[];
}

export interface CategoryEntry {
  name: string;
  slug: string;
  count: number;
  byZone: Record<Zone, number>;
}

/** What the read model is built from: the current revision of everything published. */
export interface ReadModelInput {
  occupations: readonly (Omit<OccupationRecord, 'indices'> & { indices: readonly IndexValue[] })[];
  roles: readonly { slug: string; title: string; category: string; kind: 'baseline' | 'expert'; primaryOnetCode: string | null }[];
  assessments: readonly { roleSlug: string; seniority: string; document: Assessment; figures: ScoreJson; revision: RevisionInfo }[];
  /** Every revision of every assessment (the current ones included); missing means only the current ones. */
  history?: readonly ({ roleSlug: string; seniority: string } & RevisionRecord)[];
  titles: readonly { title: string; kind: SearchEntry['titles'][number]['kind']; onetCode: string | null; roleSlug: string | null }[];
  sources: readonly DataSource[];
}

/** The in-memory view of the published catalog that every page reads; rebuilt when something is published. */
export interface ReadModel {
  version: number;
  builtAt: Date;
  roles: ReadonlyMap<string, RoleEntry>;
  assessments: ReadonlyMap<string, AssessmentEntry>;
  /** Current assessments sorted by score, highest first (ties by title). */
  ranked: readonly AssessmentEntry[];
  occupations: ReadonlyMap<string, OccupationEntry>;
  categories: readonly CategoryEntry[];
  sources: readonly DataSource[];
  search: SearchIndex;
}

const PREFERRED_DEFAULT_SENIORITY = 'mid-level';

/** Returns the key of an assessment: role slug and seniority. */
export function assessmentKey(roleSlug: string, seniority: string): string {
  return `${roleSlug}/${seniority}`;
}

/** Turns a category name into a URL slug ("Healthcare Practitioners and Technical" → "healthcare-practitioners-and-technical"). */
export const categorySlug = slugify;

const byTitle = (left: { title: string }, right: { title: string }) => left.title.localeCompare(right.title, 'en');

function emptyZones(): Record<Zone, number> {
  return { Green: 0, Yellow: 0, Red: 0 };
}

// A publication changes scores, rarely titles or descriptions: the search index costs seconds of CPU on
// the server's main thread, so it is kept while the entries it is built from stay the same. Queries are
// synchronous, so the old and the new read model can share its scratch buffers. The entries are
// fingerprinted only when a second build comes to compare them: a process that builds once (the MCP
// command, a test file) never pays for it.
let lastSearchIndex: { entries: readonly SearchEntry[]; fingerprint?: string; index: SearchIndex } | undefined;

const fingerprintOf = (entries: readonly SearchEntry[]) => createHash('sha256').update(JSON.stringify(entries)).digest('hex');

function searchIndexFor(entries: readonly SearchEntry[]): SearchIndex {
  if (lastSearchIndex) {
    lastSearchIndex.fingerprint ??= fingerprintOf(lastSearchIndex.entries);
    const fingerprint = fingerprintOf(entries);
    if (fingerprint === lastSearchIndex.fingerprint) return lastSearchIndex.index;
    lastSearchIndex = { entries, fingerprint, index: buildSearchIndex(entries) };
    return lastSearchIndex.index;
  }
  lastSearchIndex = { entries, index: buildSearchIndex(entries) };
  return lastSearchIndex.index;
}

function buildSearchEntries(input: ReadModelInput, roles: ReadonlyMap<string, RoleEntry>): SearchEntry[] {
  const byOccupation = new Map<string, SearchEntry['titles']>();
  const byRole = new Map<string, SearchEntry['titles']>();
  for (const title of input.titles) {
    const target = title.roleSlug ? byRole : byOccupation;
    const key = title.roleSlug ?? title.onetCode;
    if (!key) continue;
    const list = target.get(key) ?? [];
    list.push({ text: title.title, kind: title.kind });
    target.set(key, list);
  }
  const entries: SearchEntry[] = [];
  for (const occupation of input.occupations) {
    entries.push({
      slug: occupation.slug,
      title: occupation.title,
      onetCode: occupation.onetCode,
      socCode: occupation.socCode,
      employment: occupation.employment2024?.value ?? null,
      description: occupation.description,
      titles: byOccupation.get(occupation.onetCode) ?? [{ text: occupation.title, kind: 'onet' }],
    });
  }
  for (const role of roles.values()) {
    if (role.kind !== 'expert') continue;
    entries.push({
      slug: role.slug,
      title: role.title,
      onetCode: role.onetCode,
      socCode: role.onetCode?.slice(0, 7) ?? null,
      expert: true,
      titles: withTitle(role.title, byRole.get(role.slug) ?? []),
    });
  }
  return entries;
}

function withTitle(title: string, titles: SearchEntry['titles']): SearchEntry['titles'] {
  return titles.some((entry) => entry.text === title) ? titles : [{ text: title, kind: 'alias' }, ...titles];
}

let nextVersion = 1;

/** Takes the next version number; every read model built or updated gets its own. */
export function takeVersion(): number {
  return nextVersion++;
}

/** Builds the entry of one current assessment from its row, its role and its revisions (the current one alone when the input has no history). */
export function assessmentEntryOf(row: ReadModelInput['assessments'][number], role: ReadModelInput['roles'][number], history: RevisionRecord[] | undefined): AssessmentEntry {
  const key = assessmentKey(row.roleSlug, row.seniority);
  return {
    key,
    roleSlug: row.roleSlug,
    seniority: row.seniority,
    status: row.document.status,
    title: role.title,
    category: role.category,
    onetCode: role.primaryOnetCode,
    assessment: row.document,
    figures: row.figures,
    revision: row.revision,
    revisions: (history ?? [{ ...row.revision, document: row.document, figures: row.figures }]).sort((a, b) => a.number - b.number),
  };
}

/** Groups revisions by assessment key, in input order. */
export function historyByKey(history: ReadModelInput['history']): Map<string, RevisionRecord[]> {
  const byKey = new Map<string, RevisionRecord[]>();
  for (const { roleSlug, seniority, ...record } of history ?? []) {
    const key = assessmentKey(roleSlug, seniority);
    const list = byKey.get(key);
    if (list) list.push(record);
    else byKey.set(key, [record]);
  }
  return byKey;
}

/** The order of the rankings: score, highest first, then title, then key (a total order, so any way of sorting gives the same list). */
export function compareRanked(a: AssessmentEntry, b: AssessmentEntry): number {
  return b.figures.score - a.figures.score || byTitle(a, b) || a.key.localeCompare(b.key);
}

/** Counts the current assessments per category and zone, categories sorted by name. */
export function categoriesOf(assessments: Iterable<AssessmentEntry>): CategoryEntry[] {
  const categories = new Map<string, CategoryEntry>();
  for (const entry of assessments) {
    const category = categories.get(entry.category) ?? { name: entry.category, slug: categorySlug(entry.category), count: 0, byZone: emptyZones() };
    category.count += 1;
    category.byZone[entry.figures.zone] += 1;
    categories.set(entry.category, category);
  }
  return [...categories.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** Builds the read model from the current revisions; pure apart from numbering versions. */
export function buildReadModel(input: ReadModelInput): ReadModel {
  const assessments = new Map<string, AssessmentEntry>();
  const revisionsByKey = input.history ? historyByKey(input.history) : new Map<string, RevisionRecord[]>();
  const rolesInput = new Map(input.roles.map((role) => [role.slug, role]));
  const senioritiesByRole = new Map<string, string[]>();
  for (const row of input.assessments) {
    const role = rolesInput.get(row.roleSlug);
    if (!role) continue;
    const key = assessmentKey(row.roleSlug, row.seniority);
    assessments.set(key, assessmentEntryOf(row, role, revisionsByKey.get(key)));
    senioritiesByRole.set(row.roleSlug, [...(senioritiesByRole.get(row.roleSlug) ?? []), row.seniority]);
  }

  const roles = new Map<string, RoleEntry>();
  for (const role of input.roles) {
    const seniorities = (senioritiesByRole.get(role.slug) ?? []).sort(compareSeniority);
    const [first] = seniorities;
    if (first === undefined) continue;
    const defaultSeniority = seniorities.includes(PREFERRED_DEFAULT_SENIORITY) ? PREFERRED_DEFAULT_SENIORITY : first;
    roles.set(role.slug, { slug: role.slug, title: role.title, category: role.category, kind: role.kind, onetCode: role.primaryOnetCode, seniorities, defaultSeniority });
  }

  const occupations = new Map<string, OccupationEntry>();
  for (const occupation of input.occupations) occupations.set(occupation.onetCode, { ...occupation, indices: [...occupation.indices], expertRoleSlugs: [] });
  for (const role of roles.values()) {
    if (role.kind === 'expert' && role.onetCode) occupations.get(role.onetCode)?.expertRoleSlugs.push(role.slug);
  }

  return {
    version: takeVersion(),
    builtAt: new Date(),
    roles,
    assessments,
    ranked: [...assessments.values()].sort(compareRanked),
    occupations,
    categories: categoriesOf(assessments.values()),
    sources: input.sources,
    search: searchIndexFor(withOfficialTitles(buildSearchEntries(input, roles))),
  };
}
