import { describe, expect, it } from 'vitest';
import { buildSearchApiResponse, buildSearchView, parseSearchLimit, SEARCH_API_DEFAULT_LIMIT, SEARCH_API_MAX_LIMIT } from './search-view.ts';
import { committedReadModel } from './test-support/read-model-fixture.ts';

const model = await committedReadModel();

describe('searching by job title', () => {
  it('shows an abbreviation as the matched title leading to the occupation', () => {
    const view = buildSearchView(model, 'RN');
    const nurses = view.hits.find((hit) => hit.title === 'Registered Nurses');
    expect(view.state).toBe('results');
    expect(nurses?.matchedTitle).toBe('RN');
    expect(nurses?.matchedOther).toBe(true);
    expect(nurses?.url).toBe('/roles/registered-nurses/all-levels');
    expect(nurses?.status).toBe('baseline');
    expect(nurses?.zone).toMatch(/Green|Yellow|Red/);
  });

  it('finds the expert role by one of its aliases', () => {
    const hit = buildSearchView(model, 'vision-language engineer').hits[0];
    expect(hit?.slug).toBe('multimodal-ai-engineer');
    expect(hit?.status).toBe('expert');
    expect(hit?.url).toBe('/roles/multimodal-ai-engineer/mid-level');
  });

  it('offers example searches when the query is empty or finds nothing', () => {
    expect(buildSearchView(model, '  ').state).toBe('empty-query');
    const nothing = buildSearchView(model, 'qqqxxzz');
    expect(nothing.state).toBe('no-results');
    expect(nothing.suggestions[0]?.href).toMatch(/^\/search\?q=/);
  });
});

describe('the search API', () => {
  it('answers with the query and results carrying slug, titles, code, score, zone, label and url', () => {
    const body = buildSearchApiResponse(model, new URLSearchParams({ q: 'registered nurse', limit: '3' }));
    expect(body.query).toBe('registered nurse');
    expect(body.results).toHaveLength(3);
    const first = body.results[0];
    expect(Object.keys(first ?? {}).sort()).toEqual(['label', 'matchedTitle', 'onetCode', 'score', 'slug', 'title', 'url', 'zone']);
    expect(first).toMatchObject({ slug: 'registered-nurses', title: 'Registered Nurses', onetCode: '29-1141.00', url: '/roles/registered-nurses/all-levels' });
    expect(typeof first?.score).toBe('number');
    expect(first?.label).toMatch(/^(Green|Yellow|Red) \(/);
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });

  it('returns no results for an empty query', () => {
    expect(buildSearchApiResponse(model, new URLSearchParams({ q: '' }))).toEqual({ query: '', results: [] });
  });

  it('uses eight results by default and never more than the maximum', () => {
    expect(parseSearchLimit(null)).toBe(SEARCH_API_DEFAULT_LIMIT);
    expect(parseSearchLimit('abc')).toBe(SEARCH_API_DEFAULT_LIMIT);
    expect(parseSearchLimit('0')).toBe(SEARCH_API_DEFAULT_LIMIT);
    expect(parseSearchLimit('500')).toBe(SEARCH_API_MAX_LIMIT);
    expect(parseSearchLimit('5')).toBe(5);
  });
});
