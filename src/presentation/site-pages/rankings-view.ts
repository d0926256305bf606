import type { CategoryEntry } from '../../features/read-model/read-model.ts';
import { RANKING_SORTS, type RankingSort, type RankingsInput, type RankingsQuery } from '../../features/site-pages/rankings-input.ts';
import { parseZone } from './browse-view.ts';
import { summarize, type RoleSummary } from './role-summary.ts';
import { ZONES } from './zone-bar.ts';

export type { RankingsQuery };

export const RANKINGS_PAGE_SIZE = 50;

const SORT_LABELS: Record<RankingSort, string> = {
  'score-desc': 'Score, most resistant first',
  'score-asc': 'Score, least resistant first',
  title: 'Title, A to Z',
  updated: 'Recently updated',
};

/** One option of a select in the filter form. */
export interface FilterOption {
  value: string;
  label: string;
  selected: boolean;
}

/** The rankings page: the filter form's options, one page of rows and the pager. */
export interface RankingsView {
  query: RankingsQuery;
  total: number;
  rows: (RoleSummary & { rank: number })[];
  firstShown: number;
  lastShown: number;
  pageCount: number;
  previousHref: string | null;
  nextHref: string | null;
  pages: { number: number; href: string; current: boolean }[];
  options: { category: FilterOption[]; zone: FilterOption[]; status: FilterOption[]; sort: FilterOption[] };
  description: string;
}

/** Reads the rankings filters from a query string, ignoring values that are not valid options. */
export function parseRankingsQuery(params: URLSearchParams, categories: readonly CategoryEntry[]): RankingsQuery {
  const category = params.get('category');
  const status = params.get('status');
  const sort = params.get('sort');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    category: category && categories.some((entry) => entry.slug === category) ? category : null,
    zone: parseZone(params.get('zone')),
    status: status === 'expert' || status === 'baseline' ? status : null,
    sort: RANKING_SORTS.find((each) => each === sort) ?? 'score-desc',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** Writes the rankings URL for a query, leaving out the defaults so URLs stay short. */
export function rankingsHref(query: RankingsQuery): string {
  const params = new URLSearchParams();
  if (query.category) params.set('category', query.category);
  if (query.zone) params.set('zone', query.zone);
  if (query.status) params.set('status', query.status);
  if (query.sort !== 'score-desc') params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `/rankings?${text}` : '/rankings';
}

function describe(query: RankingsQuery, categories: readonly CategoryEntry[], total: number): string {
  const category = categories.find((entry) => entry.slug === query.category)?.name;
  const parts = [
    `${total} ${query.status ?? ''} assessment${total === 1 ? '' : 's'}`.replace(/\s+/g, ' '),
    category ? `in ${category}` : '',
    query.zone ? `in the ${query.zone} zone` : '',
  ].filter(Boolean);
  return `${parts.join(' ')}, sorted by ${SORT_LABELS[query.sort].toLowerCase()}.`;
}

/** Builds one page of the rankings from its gathered matches; a page past the end shows the last page. */
export function buildRankingsView({ query: parsed, categories, matching }: RankingsInput): RankingsView {
  const pageCount = Math.max(1, Math.ceil(matching.length / RANKINGS_PAGE_SIZE));
  const query = { ...parsed, page: Math.min(parsed.page, pageCount) };
  const start = (query.page - 1) * RANKINGS_PAGE_SIZE;
  const rows = matching.slice(start, start + RANKINGS_PAGE_SIZE).map((entry, index) => ({ ...summarize(entry), rank: start + index + 1 }));
  const pageHref = (page: number) => rankingsHref({ ...query, page });
  return {
    query,
    total: matching.length,
    rows,
    firstShown: rows.length === 0 ? 0 : start + 1,
    lastShown: start + rows.length,
    pageCount,
    previousHref: query.page > 1 ? pageHref(query.page - 1) : null,
    nextHref: query.page < pageCount ? pageHref(query.page + 1) : null,
    pages: Array.from({ length: pageCount }, (_, index) => ({ number: index + 1, href: pageHref(index + 1), current: index + 1 === query.page })),
    options: {
      category: [{ value: '', label: 'All categories', selected: query.category === null }, ...categories.map((entry) => ({ value: entry.slug, label: entry.name, selected: entry.slug === query.category }))],
      zone: [{ value: '', label: 'All zones', selected: query.zone === null }, ...ZONES.map((zone) => ({ value: zone, label: zone, selected: zone === query.zone }))],
      status: [
        { value: '', label: 'Expert and baseline', selected: query.status === null },
        { value: 'expert', label: 'Expert assessments', selected: query.status === 'expert' },
        { value: 'baseline', label: 'Data-derived baselines', selected: query.status === 'baseline' },
      ],
      sort: RANKING_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort], selected: sort === query.sort })),
    },
    description: describe(query, categories, matching.length),
  };
}
