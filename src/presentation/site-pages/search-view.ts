import type { Zone } from '../../methodology/index.ts';
import { isSearchableQuery } from '../../features/search/search-index.ts';
import type { RoleSearchResult } from '../../features/read-model/role-search-answer.ts';
import type { NotInCatalog } from '../../features/search/search-index.ts';
import { SEARCH_PAGE_LIMIT, type SearchInput } from '../../features/site-pages/search-input.ts';
import { formatScore } from '../format.ts';
import { briefOf } from './role-summary.ts';
import { groupHits, type HitGroup } from './search-groups.ts';

/** One search result as the results page and the typeahead show it. */
export interface SearchHitView {
  slug: string;
  title: string;
  matchedTitle: string;
  /** True when the title typed is not the occupation's own ("RN" → "Registered Nurses"). */
  matchedOther: boolean;
  /** Why the title matched, in one short sentence. */
  explanation: string;
  /** One line on what the job is, so same-titled jobs can be told apart. */
  description: string;
  onetCode: string | null;
  score: number | null;
  scoreText: string | null;
  /** "46.1–51.0", or null when the role is not assessed. */
  rangeText: string | null;
  /** One short plain sentence on what the score means, or null when the role is not assessed. */
  plainLine: string | null;
  zone: Zone | null;
  label: string | null;
  status: 'expert' | 'baseline' | null;
  category: string | null;
  url: string;
}

/** What the search page shows for a query. */
export interface SearchView {
  query: string;
  state: 'empty-query' | 'no-results' | 'results';
  hits: SearchHitView[];
  /** The hits grouped: roles answering to the same title under one heading. */
  groups: HitGroup<SearchHitView>[];
  /** Set when the title has no occupation in the catalog (a military rank); the hits are then the nearest civilian ones. */
  notInCatalog: NotInCatalog | null;
  suggestions: { text: string; href: string }[];
}

export { SEARCH_PAGE_LIMIT };
const SUGGESTED_QUERIES = ['registered nurse', 'software developer', 'accountant', 'electrician', 'teacher', 'truck driver'];

// One collator for every hit: localeCompare with options builds a new one per call.
const BASE_LETTERS = new Intl.Collator('en', { sensitivity: 'base' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Whether two titles differ only in case or accents, as the collator says. Printable ASCII has one
 * letter per case pair and nothing the collator ignores, so there lower-casing gives the same answer
 * (checked for every pair of printable characters, and every pair of strings of up to three characters
 * from a 16-character alphabet) at a fraction of ICU's cost, which was 5.7% of a search page's render.
 */
export function sameBaseLetters(left: string, right: string): boolean {
  if (left === right) return true;
  if (PRINTABLE_ASCII.test(left) && PRINTABLE_ASCII.test(right)) return left.toLowerCase() === right.toLowerCase();
  return BASE_LETTERS.compare(left, right) === 0;
}

/** Shapes a gathered hit with its current score, zone and link as the results show it. */
function hitViewOf(hit: RoleSearchResult): SearchHitView {
  const entry = hit.entry;
  const brief = entry ? briefOf(entry) : null;
  return {
    slug: hit.slug,
    title: hit.title,
    matchedTitle: hit.matchedTitle,
    matchedOther: !sameBaseLetters(hit.matchedTitle, hit.title),
    explanation: hit.explanation,
    description: hit.description,
    onetCode: hit.onetCode,
    score: entry?.figures.score ?? null,
    scoreText: entry ? formatScore(entry.figures.score) : null,
    rangeText: brief?.rangeText ?? null,
    plainLine: brief?.plainLine ?? null,
    zone: entry?.figures.zone ?? null,
    label: entry?.figures.label ?? null,
    status: entry?.status ?? null,
    category: entry?.category ?? null,
    url: hit.url,
  };
}

/** Builds the search results page from the gathered hits, with example searches when there is nothing to show. */
export function buildSearchView({ query, hits: found, notInCatalog }: SearchInput): SearchView {
  const hits = found.map(hitViewOf);
  const state = !isSearchableQuery(query) ? 'empty-query' : hits.length === 0 ? 'no-results' : 'results';
  return { query, state, hits, groups: groupHits(hits), notInCatalog, suggestions: SUGGESTED_QUERIES.map((text) => ({ text, href: `/search?q=${encodeURIComponent(text)}` })) };
}
