import type { Zone } from '../../methodology/index.ts';
import { rankAssessments, RANKING_SORTS, type RankingSort } from '../read-model/read-model.queries.ts';
import type { AssessmentEntry, CategoryEntry, ReadModel } from '../read-model/read-model.ts';

export { RANKING_SORTS, type RankingSort };

/** The rankings filters as read from the URL, each already validated. */
export interface RankingsQuery {
  category: string | null;
  zone: Zone | null;
  status: 'expert' | 'baseline' | null;
  sort: RankingSort;
  page: number;
}

/** What the rankings page shows: the query, every category for the filter form, and every match in order. */
export interface RankingsInput {
  query: RankingsQuery;
  categories: readonly CategoryEntry[];
  matching: readonly AssessmentEntry[];
}

/** Gathers the assessments a rankings query matches, sorted as it asks; paging is left to the view. */
export function gatherRankingsInput(model: ReadModel, query: RankingsQuery): RankingsInput {
  const matching = rankAssessments(model, { category: query.category ?? undefined, zone: query.zone ?? undefined, status: query.status ?? undefined, sort: query.sort });
  return { query, categories: model.categories, matching };
}
