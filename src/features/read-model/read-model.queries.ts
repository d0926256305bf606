import type { Zone } from '../../methodology/index.ts';
import { searchTitles, type NotInCatalog } from '../search/search-index.ts';
import { assessmentKey, categorySlug, type AssessmentEntry, type ReadModel, type RoleEntry } from './read-model.ts';

/** Finds a role and one of its assessments (its default seniority when none is named). */
export function findAssessment(model: ReadModel, slug: string, seniority?: string): { role: RoleEntry; entry: AssessmentEntry } | null {
  const role = model.roles.get(slug);
  if (!role) return null;
  const entry = model.assessments.get(assessmentKey(slug, seniority ?? role.defaultSeniority));
  return entry ? { role, entry } : null;
}

/** Returns the current assessment of a role at its default seniority. */
export function currentOf(model: ReadModel, slug: string): AssessmentEntry | null {
  return findAssessment(model, slug)?.entry ?? null;
}

/** Lists the assessed roles nearest in score to this one within its category (other roles only). */
export function peersOf(model: ReadModel, entry: AssessmentEntry, limit = 3): AssessmentEntry[] {
  return model.ranked
    .filter((other) => other.category === entry.category && other.roleSlug !== entry.roleSlug)
    .map((other) => ({ other, distance: Math.abs(other.figures.score - entry.figures.score) }))
    .sort((a, b) => a.distance - b.distance || (a.other.status === 'expert' ? -1 : 0) - (b.other.status === 'expert' ? -1 : 0) || a.other.key.localeCompare(b.other.key))
    .slice(0, limit)
    .map(({ other }) => other)
    .sort((a, b) => b.figures.score - a.figures.score);
}

/** Counts current assessments per zone. */
export function zoneDistribution(model: ReadModel, entries: Iterable<AssessmentEntry> = model.assessments.values()): Record<Zone, number> {
  const counts: Record<Zone, number> = { Green: 0, Yellow: 0, Red: 0 };
  for (const entry of entries) counts[entry.figures.zone] += 1;
  return counts;
}

/** Lists the most recently published assessments, newest first. */
export function recentlyUpdated(model: ReadModel, limit: number): AssessmentEntry[] {
  return [...model.assessments.values()]
    .sort((a, b) => b.revision.publishedAt.getTime() - a.revision.publishedAt.getTime() || (a.status === 'expert' ? -1 : 0) - (b.status === 'expert' ? -1 : 0) || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/**
 * Lists the assessments whose latest revision replaced an earlier one, newest first. A first
 * revision is how the assessment entered the catalog (the initial load publishes them all at
 * once), not a change to it, so it never counts as an update.
 */
export function recentlyChanged(model: ReadModel, limit: number): AssessmentEntry[] {
  return [...model.assessments.values()]
    .filter((entry) => entry.revisions.length > 1 && entry.revision.number > (entry.revisions[0]?.number ?? entry.revision.number))
    .sort((a, b) => b.revision.publishedAt.getTime() - a.revision.publishedAt.getTime() || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** Returns when the catalog was first published: the earliest first revision of any assessment, or null for an empty catalog. */
export function firstPublishedAt(model: ReadModel): Date | null {
  let earliest: Date | null = null;
  for (const entry of model.assessments.values()) {
    const first = entry.revisions[0]?.publishedAt ?? entry.revision.publishedAt;
    if (!earliest || first < earliest) earliest = first;
  }
  return earliest;
}

export type RankingSort = 'score-desc' | 'score-asc' | 'title' | 'updated';
export const RANKING_SORTS: readonly RankingSort[] = ['score-desc', 'score-asc', 'title', 'updated'];

export interface RankingFilter {
  category?: string | undefined;
  zone?: Zone | undefined;
  status?: 'expert' | 'baseline' | undefined;
  sort?: RankingSort | undefined;
}

/** Filters and sorts the current assessments for the rankings and browse pages. */
export function rankAssessments(model: ReadModel, filter: RankingFilter = {}): AssessmentEntry[] {
  const matching = model.ranked.filter(
    (entry) =>
      (!filter.category || categorySlug(entry.category) === filter.category) &&
      (!filter.zone || entry.figures.zone === filter.zone) &&
      (!filter.status || entry.status === filter.status),
  );
  switch (filter.sort ?? 'score-desc') {
    case 'score-asc':
      return [...matching].reverse();
    case 'title':
      return [...matching].sort((a, b) => a.title.localeCompare(b.title, 'en') || a.key.localeCompare(b.key));
    case 'updated':
      return [...matching].sort((a, b) => b.revision.publishedAt.getTime() - a.revision.publishedAt.getTime() || a.key.localeCompare(b.key));
    default:
      return matching;
  }
}

export interface RoleSearchHit {
  slug: string;
  title: string;
  matchedTitle: string;
  onetCode: string | null;
  /** Why the title matched ("Mayor → Chief Executives: elected officials who head a government"). */
  explanation: string;
  entry: AssessmentEntry | null;
}

/** Searches titles, attaches each hit's current assessment, and says when the title is not in the catalog at all. */
export function searchRoleTitles(model: ReadModel, query: string, limit = 10): { hits: RoleSearchHit[]; notInCatalog: NotInCatalog | null } {
  const answer = searchTitles(model.search, query, { limit });
  return {
    hits: answer.results.map((hit) => ({
      slug: hit.slug,
      title: hit.title,
      matchedTitle: hit.matchedTitle,
      onetCode: hit.onetCode,
      explanation: hit.explanation,
      entry: currentOf(model, hit.slug),
    })),
    notInCatalog: answer.notInCatalog,
  };
}

/** Searches titles and attaches each hit's current assessment. */
export function searchRoles(model: ReadModel, query: string, limit = 10): RoleSearchHit[] {
  return searchRoleTitles(model, query, limit).hits;
}
