import { answerRoleSearch, type RoleSearchResult } from '../read-model/role-search-answer.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import type { NotInCatalog } from '../search/search-index.ts';
import { normalizeQuery } from '../search/search-text.ts';

/** How many hits the search page shows. */
export const SEARCH_PAGE_LIMIT = 30;

/** What the search page shows for a query, gathered from the read model before the page is built. */
export interface SearchInput {
  /** The query as searched: trimmed and cut to the longest query read. */
  query: string;
  hits: readonly RoleSearchResult[];
  /** Set when the title has no occupation in the catalog; the hits are then the nearest civilian ones. */
  notInCatalog: NotInCatalog | null;
}

/** Gathers the search page's hits for the query in the address, at most SEARCH_PAGE_LIMIT of them. */
export function gatherSearchInput(model: ReadModel, rawQuery: string | null | undefined): SearchInput {
  const query = normalizeQuery(rawQuery);
  return { query, ...answerRoleSearch(model, query, SEARCH_PAGE_LIMIT) };
}
