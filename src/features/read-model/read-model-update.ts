import { isDeepStrictEqual } from 'node:util';
import {
  assessmentEntryOf,
  assessmentKey,
  categoriesOf,
  compareRanked,
  historyByKey,
  takeVersion,
  type AssessmentEntry,
  type ReadModel,
  type ReadModelInput,
} from './read-model.ts';

/** A read model with the input it was built from, which the next update patches. */
export interface ReadModelWithInput {
  model: ReadModel;
  input: ReadModelInput;
}

/** What the store holds of some roles right after a publication: their rows, current assessments, every revision and their titles. */
export interface PublishedRoles {
  roles: ReadModelInput['roles'];
  assessments: ReadModelInput['assessments'];
  history: NonNullable<ReadModelInput['history']>;
  /** The titles filed under these roles (aliases of expert roles), in store order. */
  titles: ReadModelInput['titles'];
}

const bySlug = <T extends { roleSlug: string | null }>(rows: readonly T[], slugs: ReadonlySet<string>) => rows.filter((row) => row.roleSlug !== null && slugs.has(row.roleSlug));

/**
 * Whether a publication changed only revisions of assessments that were already published: the same
 * roles with the same titles, categories and aliases, the same seniorities. Anything else (a new role
 * or seniority, a renamed role, new aliases) moves roles, listings and the search index, and is left
 * to a full rebuild, which is rare.
 */
function changesOnlyRevisions(previous: ReadModelInput, slugs: ReadonlySet<string>, published: PublishedRoles): boolean {
  if (published.roles.some((role) => !slugs.has(role.slug)) || bySlug(published.assessments, slugs).length !== published.assessments.length) return false;
  const rolesBefore = previous.roles.filter((role) => slugs.has(role.slug));
  const sortedRoles = (roles: ReadModelInput['roles']) => [...roles].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  if (!isDeepStrictEqual(sortedRoles(rolesBefore), sortedRoles(published.roles))) return false;
  if (!isDeepStrictEqual(bySlug(previous.titles, slugs), published.titles)) return false;
  const keys = (rows: ReadModelInput['assessments']) => rows.map((row) => assessmentKey(row.roleSlug, row.seniority)).sort();
  return isDeepStrictEqual(keys(bySlug(previous.assessments, slugs)), keys(published.assessments));
}

/** Inserts entries into a list in compareRanked order (binary search: the list is already in that order). */
function insertRanked(ranked: AssessmentEntry[], entries: readonly AssessmentEntry[]): void {
  for (const entry of entries) {
    let low = 0;
    let high = ranked.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = ranked[middle];
      if (other !== undefined && compareRanked(other, entry) < 0) low = middle + 1;
      else high = middle;
    }
    ranked.splice(low, 0, entry);
  }
}

/**
 * Brings a read model up to a publication of some roles without rebuilding it (ADR 0177): only those
 * roles' assessment entries are made again, the rankings and category counts that list them are
 * patched, and everything else (other entries, roles, occupations, the search index) is shared with
 * the previous model. The result equals buildReadModel over the store's new input. Returns null when
 * the publication changed more than revisions (see changesOnlyRevisions): rebuild in full then.
 */
export function applyPublishedRoles(previous: ReadModelWithInput, roleSlugs: readonly string[], published: PublishedRoles): ReadModelWithInput | null {
  const slugs = new Set(roleSlugs);
  if (slugs.size === 0 || !previous.input.history || !changesOnlyRevisions(previous.input, slugs, published)) return null;
  const rolesInput = new Map(published.roles.map((role) => [role.slug, role]));
  const revisions = historyByKey(published.history);
  const replaced = new Map<string, AssessmentEntry>();
  for (const row of published.assessments) {
    const role = rolesInput.get(row.roleSlug);
    if (!role) return null;
    const key = assessmentKey(row.roleSlug, row.seniority);
    replaced.set(key, assessmentEntryOf(row, role, revisions.get(key)));
  }
  const publishedByKey = new Map(published.assessments.map((row) => [assessmentKey(row.roleSlug, row.seniority), row]));
  const input: ReadModelInput = {
    ...previous.input,
    assessments: previous.input.assessments.map((row) => publishedByKey.get(assessmentKey(row.roleSlug, row.seniority)) ?? row),
    history: [...previous.input.history.filter((row) => !slugs.has(row.roleSlug)), ...published.history],
  };
  // Same keys as before, so every replaced entry keeps its place in the map's order.
  const assessments = new Map(previous.model.assessments);
  for (const [key, entry] of replaced) assessments.set(key, entry);
  const ranked = previous.model.ranked.filter((entry) => !replaced.has(entry.key));
  insertRanked(ranked, [...replaced.values()]);
  const model: ReadModel = {
    ...previous.model,
    version: takeVersion(),
    builtAt: new Date(),
    assessments,
    ranked,
    categories: categoriesOf(assessments.values()),
  };
  return { model, input };
}
