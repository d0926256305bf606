import type { ReadModel } from '../read-model.ts';
import {
  findAssessment,
  firstPublishedAt,
  peersOf,
  RANKING_SORTS,
  rankAssessments,
  recentlyChanged,
  recentlyUpdated,
  searchRoleTitles,
  zoneDistribution,
} from '../read-model.queries.ts';

/** Everything a page can ask a read model, as plain data: what a full rebuild and an update must agree on. */
export function answers(model: ReadModel) {
  const { version: _version, builtAt: _builtAt, search: _search, ...data } = model;
  return {
    ...data,
    roles: [...model.roles.entries()],
    assessments: [...model.assessments.entries()],
    occupations: [...model.occupations.entries()],
    found: [...model.roles.keys()].map((slug) => findAssessment(model, slug)),
    peers: model.ranked.map((entry) => peersOf(model, entry, 5).map((peer) => peer.key)),
    rankings: RANKING_SORTS.flatMap((sort) => [rankAssessments(model, { sort }), rankAssessments(model, { sort, zone: 'Green' }), rankAssessments(model, { sort, status: 'expert' })]),
    zones: zoneDistribution(model),
    recentlyUpdated: recentlyUpdated(model, 50),
    recentlyChanged: recentlyChanged(model, 50),
    firstPublishedAt: firstPublishedAt(model),
    searches: ['ward nurse', 'nurse', 'telemarketer', 'customer service'].map((query) => searchRoleTitles(model, query, 5)),
  };
}
