import { describe, expect, it } from 'vitest';
import { committedReadModel } from '../site-pages/test-support/read-model-fixture.ts';
import { searchJobs, SEARCH_API_DEFAULT_LIMIT, SEARCH_API_MAX_LIMIT, SearchQuerySchema } from './api-catalog.ts';
import { parseQuery } from './api-query.ts';
import { ApiError } from './api-errors.ts';

const model = await committedReadModel();
const context = { publicUrl: 'https://jobzone.test' };
const search = (query: string) => searchJobs(model, parseQuery(new URLSearchParams(query), SearchQuerySchema), context);

describe('the search API', () => {
  it('answers with the query and results carrying slug, titles, code, score, zone, label, url, explanation and description, in that order', () => {
    const body = search('q=registered+nurse&limit=3');
    expect(body.query).toBe('registered nurse');
    expect(body.results).toHaveLength(3);
    const first = body.results[0];
    expect(Object.keys(first ?? {})).toEqual(['slug', 'title', 'matchedTitle', 'onetCode', 'score', 'zone', 'label', 'url', 'explanation', 'description']);
    expect(Object.keys(body)).toEqual(['query', 'results', 'notInCatalog', 'meta']);
    expect(body.notInCatalog).toBeNull();
    expect(first).toMatchObject({ slug: 'registered-nurses', title: 'Registered Nurses', onetCode: '29-1141.00', url: '/roles/registered-nurses/all-levels' });
    expect(typeof first?.score).toBe('number');
    expect(first?.label).toMatch(/^(Green|Yellow|Red) \(/);
    expect(first?.description.length).toBeGreaterThan(0);
    expect(first?.description.length).toBeLessThanOrEqual(110);
  });

  it('carries the not-in-catalog notice at the top level for a military title', () => {
    const body = search('q=Staff+Sergeant');
    expect(body.notInCatalog).toEqual({ notice: 'not in the catalog: military ranks have no civilian O*NET occupation', reason: 'military ranks have no civilian O*NET occupation' });
    expect(body.results[0]?.onetCode).toBe('33-1012.00');
  });

  it('returns no results for an empty query', () => {
    expect(search('q=')).toMatchObject({ query: '', results: [], notInCatalog: null });
    expect(search('q=%20%20')).toMatchObject({ query: '', results: [] });
  });

  it('uses eight results by default and refuses a limit outside 1 to the maximum', () => {
    expect(search('q=nurse').results).toHaveLength(SEARCH_API_DEFAULT_LIMIT);
    expect(search(`q=nurse&limit=${SEARCH_API_MAX_LIMIT}`).results.length).toBeLessThanOrEqual(SEARCH_API_MAX_LIMIT);
    expect(() => search(`q=nurse&limit=${SEARCH_API_MAX_LIMIT + 1}`)).toThrow(ApiError);
    expect(() => search('q=nurse&limit=0')).toThrow(ApiError);
  });
});
