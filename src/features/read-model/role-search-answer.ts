import { isSearchableQuery, type NotInCatalog } from '../search/search-index.ts';
import { assessmentHref } from '../revisions/revision-links.ts';
import { searchRoleTitles, type RoleSearchHit } from './read-model.queries.ts';
import type { ReadModel } from './read-model.ts';

/**
 * The answer to a job-title search that the API, the typeahead and the search page share: each hit
 * with its current assessment, one line on what the job is and where its page lives. The search page
 * adds its own wording (score text, range, plain line) on top; the API passes these fields through.
 */

export interface RoleSearchResult extends RoleSearchHit {
  /** One line on what the job is, so same-titled jobs can be told apart. */
  description: string;
  /** The page of the hit's current assessment, or of the role when it has none. */
  url: string;
}

const SENTENCE_END = /(?<=[a-z)][.;])\s+(?=[A-Z])/;

/** Shortens a description to its first sentence and at most `max` characters, cut at a word. */
export function oneLine(text: string | null | undefined, max = 120): string {
  const first = (text ?? '').trim().split(SENTENCE_END)[0]?.replace(/[.;]$/, '') ?? '';
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[,;:\s]+$/, '')}…`;
}

const stripMarkdown = (text: string | undefined) => (text ?? '').replace(/[*_`#>[\]]/g, '').replace(/\(https?:[^)]*\)/g, '');

/** Describes a hit in one line: an expert role's own summary, else its occupation's description. */
function describeHit(model: ReadModel, hit: RoleSearchHit): string {
  const primaryFunction = hit.entry?.status === 'expert' ? hit.entry.assessment.role.primaryFunction : undefined;
  const occupation = hit.onetCode ? model.occupations.get(hit.onetCode) : undefined;
  return oneLine(stripMarkdown(primaryFunction) || occupation?.description, 110);
}

/** Searches titles for an already normalised query; a query with no searchable word finds nothing. */
export function answerRoleSearch(model: ReadModel, query: string, limit: number): { hits: RoleSearchResult[]; notInCatalog: NotInCatalog | null } {
  if (!isSearchableQuery(query)) return { hits: [], notInCatalog: null };
  const answer = searchRoleTitles(model, query, limit);
  const hits = answer.hits.map((hit) => ({
    ...hit,
    description: describeHit(model, hit),
    url: hit.entry ? assessmentHref(hit.entry.roleSlug, hit.entry.seniority) : `/roles/${encodeURIComponent(hit.slug)}`,
  }));
  return { hits, notInCatalog: answer.notInCatalog };
}
