import type { Zone } from '../../methodology/index.ts';
import type { NotInCatalog } from '../../features/search/search-index.ts';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import { normalizeQuery } from '../../features/search/search-text.ts';
import { findAnswer } from '../site-pages/search-view.ts';

export const SEARCH_API_DEFAULT_LIMIT = 8;
export const SEARCH_API_MAX_LIMIT = 20;

/** The JSON body of GET /api/v1/search. */
export interface SearchApiResponse {
  query: string;
  results: {
    slug: string;
    title: string;
    matchedTitle: string;
    onetCode: string | null;
    score: number | null;
    zone: Zone | null;
    label: string | null;
    url: string;
    /** Why the title matched, in one short sentence. */
    explanation: string;
    /** One line on what the job is. */
    description: string;
  }[];
  /** Set when the title has no occupation in the catalog (a military rank); the results are then the nearest civilian ones. */
  notInCatalog: NotInCatalog | null;
}

/** Reads the limit parameter of the search API: the default when absent or unusable, at most the maximum. */
export function parseSearchLimit(raw: string | null): number {
  const value = raw === null ? Number.NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value < 1) return SEARCH_API_DEFAULT_LIMIT;
  return Math.min(value, SEARCH_API_MAX_LIMIT);
}

/** Answers GET /api/v1/search?q=…&limit=… for the typeahead and API clients. */
export function buildSearchApiResponse(model: ReadModel, params: URLSearchParams): SearchApiResponse {
  const query = normalizeQuery(params.get('q'));
  const { hits, notInCatalog } = findAnswer(model, query, parseSearchLimit(params.get('limit')));
  return {
    query,
    results: hits.map(({ slug, title, matchedTitle, onetCode, score, zone, label, url, explanation, description }) => ({ slug, title, matchedTitle, onetCode, score, zone, label, url, explanation, description })),
    notInCatalog,
  };
}
