import { normalizeQuery } from '../search/search-text.ts';

/** The query parameters one route reads; every other parameter leaves the page unchanged. */
interface RouteQuery {
  path: RegExp;
  reads: readonly (string | RegExp)[];
  /** Rewrites the parameters read into the form the page acts on, so addresses showing the same page share one entry. */
  normalise?: (read: [string, string][]) => [string, string][];
}

// Keep in step with the pages: a parameter a page reads but that is missing here would be served
// from the entry of the page without it. Pages not listed read no parameters.
const ROUTE_QUERIES: readonly RouteQuery[] = [
  // The page reads the first q only, trimmed and cut as the search view does.
  { path: /^\/search$/, reads: ['q'], normalise: (read) => read.slice(0, 1).map(([name, value]) => [name, normalizeQuery(value)]) },
  { path: /^\/compare$/, reads: ['roles', 'add'] },
  { path: /^\/rankings$/, reads: ['category', 'status', 'sort', 'page', 'zone'] },
  { path: /^\/movers$/, reads: ['days', 'since', 'until'] },
  { path: /^\/roles\/[^/]+\/[^/]+\/changes$/, reads: ['from', 'to'] },
  { path: /^\/roles\/[^/]+(?:\/[^/]+)?$/, reads: ['subscribe'] },
  { path: /^\/browse\/[^/]+$/, reads: ['zone', 'subscribe'] },
  { path: /^\/report$/, reads: ['role', 'level', 'drop', 'add', 'c', 't', 'ctx', 'design', 'q', /^s(?:[1-9]\d{0,2}|a[1-9]\d?)$/, /^c(?:[1-9]\d{0,2}|a[1-9]\d?)$/] },
];

/** Every parameter name some page reads (patterns as their source), for the test that keeps the table in step with the pages. */
export function parametersReadByPages(): string[] {
  return [...new Set(ROUTE_QUERIES.flatMap((route) => route.reads.map((read) => (typeof read === 'string' ? read : read.source))))];
}

// Longer keys are not cached at all: no page a reader links to has such an address.
const MAX_PATH_LENGTH = 300;
const MAX_KEY_LENGTH = 2_048;

function isRead(route: RouteQuery | undefined, name: string): boolean {
  return route?.reads.some((read) => (typeof read === 'string' ? read === name : read.test(name))) ?? false;
}

/**
 * Makes the render-cache key of a URL from the parameters its page actually reads, in a fixed
 * order, so `?x=<random>` or a reordered query finds the same entry. Repeated values keep their
 * order (a page may read all of them). Null means the page must not be cached.
 */
export function renderCacheKeyOf(url: URL): string | null {
  const path = url.pathname;
  if (path.length > MAX_PATH_LENGTH) return null;
  // Studio pages differ per signed-in member and per draft version; sign-in pages act on a token: never shared.
  if (path === '/studio' || path.startsWith('/studio/') || isSignInPath(path)) return null;
  const route = ROUTE_QUERIES.find((candidate) => candidate.path.test(path));
  if (!route || url.search === '') return path;
  const found = [...url.searchParams].filter(([name]) => isRead(route, name));
  const read = route.normalise ? route.normalise(found) : found;
  if (read.length === 0) return path;
  const names = [...new Set(read.map(([name]) => name))].sort();
  const query = new URLSearchParams(names.flatMap((name) => read.filter(([each]) => each === name)));
  const key = `${path}?${query.toString()}`;
  return key.length > MAX_KEY_LENGTH ? null : key;
}

function isSignInPath(path: string): boolean {
  return path === '/sign-in' || path.startsWith('/sign-in/') || path === '/sign-out';
}
