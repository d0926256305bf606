import { describe, expect, it } from 'vitest';
import { buildSearchApiResponse, parseSearchLimit, SEARCH_API_DEFAULT_LIMIT, SEARCH_API_MAX_LIMIT } from './search-api.ts';
import { committedReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';

const model = await committedReadModel();

describe('the search API', () => {
  it('answers with the query and results carrying slug, titles, code, score, zone, label and url', () => {
    const body = buildSearchApiResponse(model, new URLSearchParams({ q: 'registered nurse', limit: '3' }));
    expect(body.query).toBe('registered nurse');
    expect(body.results).toHaveLength(3);
    const first = body.results[0];
    expect(Object.keys(first ?? {}).sort()).toEqual(['description', 'explanation', 'label', 'matchedTitle', 'onetCode', 'score', 'slug', 'title', 'url', 'zone']);
    expect(body.notInCatalog).toBeNull();
    expect(first).toMatchObject({ slug: 'registered-nurses', title: 'Registered Nurses', onetCode: '29-1141.00', url: '/roles/registered-nurses/all-levels' });
    expect(typeof first?.score).toBe('number');
    expect(first?.label).toMatch(/^(Green|Yellow|Red) \(/);
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });

  it('carries the not-in-catalog notice at the top level for a military title', () => {
    const body = buildSearchApiResponse(model, new URLSearchParams({ q: 'Staff Sergeant' }));
    expect(body.notInCatalog).toEqual({ notice: 'not in the catalog: military ranks have no civilian O*NET occupation', reason: 'military ranks have no civilian O*NET occupation' });
    expect(body.results[0]?.onetCode).toBe('33-1012.00');
  });

  it('returns no results for an empty query', () => {
    expect(buildSearchApiResponse(model, new URLSearchParams({ q: '' }))).toEqual({ query: '', results: [], notInCatalog: null });
  });

  it('uses eight results by default and never more than the maximum', () => {
    expect(parseSearchLimit(null)).toBe(SEARCH_API_DEFAULT_LIMIT);
    expect(parseSearchLimit('abc')).toBe(SEARCH_API_DEFAULT_LIMIT);
    expect(parseSearchLimit('0')).toBe(SEARCH_API_DEFAULT_LIMIT);
    expect(parseSearchLimit('500')).toBe(SEARCH_API_MAX_LIMIT);
    expect(parseSearchLimit('5')).toBe(5);
  });
});
