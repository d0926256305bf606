import { describe, expect, it } from 'vitest';
import { buildSearchView, sameBaseLetters } from './search-view.ts';
import { gatherSearchInput, SEARCH_PAGE_LIMIT } from '../../features/site-pages/search-input.ts';
import type { RoleSearchResult } from '../../features/read-model/role-search-answer.ts';
import { committedReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';

const model = await committedReadModel();

describe('searching by job title', () => {
  it('shows an abbreviation as the matched title leading to the occupation', () => {
    const view = buildSearchView(gatherSearchInput(model, 'RN'));
    const nurses = view.hits.find((hit) => hit.title === 'Registered Nurses');
    expect(view.state).toBe('results');
    expect(nurses?.matchedTitle).toBe('RN');
    expect(nurses?.matchedOther).toBe(true);
    expect(nurses?.url).toBe('/roles/registered-nurses/all-levels');
    expect(nurses?.status).toBe('baseline');
    expect(nurses?.zone).toMatch(/Green|Yellow|Red/);
  });

  it('finds the expert role by one of its aliases', () => {
    const hit = buildSearchView(gatherSearchInput(model, 'vision-language engineer')).hits[0];
    expect(hit?.slug).toBe('multimodal-ai-engineer');
    expect(hit?.status).toBe('expert');
    expect(hit?.url).toBe('/roles/multimodal-ai-engineer/mid-level');
  });

  it('explains each hit and names an office title’s reason', () => {
    const hit = buildSearchView(gatherSearchInput(model, 'Mayor')).hits[0];
    expect(hit).toMatchObject({ slug: 'chief-executives', explanation: 'Mayor → Chief Executives: elected officials who head a government' });
  });

  it('says when a military title is not in the catalog and shows the nearest civilian occupations', () => {
    const view = buildSearchView(gatherSearchInput(model, 'Infantryman'));
    expect(view.state).toBe('results');
    expect(view.notInCatalog?.notice).toBe('not in the catalog: military specialities have no civilian O*NET occupation');
    expect(view.hits[0]?.explanation).toMatch(/^Nearest civilian occupation to “Infantryman”/);
    expect(buildSearchView(gatherSearchInput(model, 'registered nurse')).notInCatalog).toBeNull();
  });

  it('groups the jobs that answer to “nurse” under one heading, each with a line saying what it is', () => {
    const view = buildSearchView(gatherSearchInput(model, 'nurse'));
    const group = view.groups.find((each) => each.heading === 'Nurse');
    expect(group?.hits.map((hit) => hit.title)).toEqual(['Registered Nurses', 'Critical Care Nurses', 'Acute Care Nurses', 'Advanced Practice Psychiatric Nurses']);
    const descriptions = group?.hits.map((hit) => hit.description) ?? [];
    expect(new Set(descriptions).size).toBe(4);
    expect(descriptions.every((text) => text.length > 20 && text.length <= 110)).toBe(true);
    expect(view.groups.filter((each) => each.heading === 'Nurse')).toHaveLength(1);
  });

  it('offers example searches when the query is empty or finds nothing', () => {
    expect(buildSearchView(gatherSearchInput(model, '  ')).state).toBe('empty-query');
    const nothing = buildSearchView(gatherSearchInput(model, 'qqqxxzz'));
    expect(nothing.state).toBe('no-results');
    expect(nothing.suggestions[0]?.href).toMatch(/^\/search\?q=/);
  });

  it('gathers at most a page of hits, and shows a hit without an assessment with no score', () => {
    expect(gatherSearchInput(model, 'manager').hits).toHaveLength(SEARCH_PAGE_LIMIT);
    const hit: RoleSearchResult = { slug: 'x-role', title: 'X Role', matchedTitle: 'x role', explanation: 'Matches the title.', description: 'Does x.', onetCode: null, entry: null, url: '/roles/x-role' };
    const view = buildSearchView({ query: 'x role', hits: [hit], notInCatalog: null });
    expect(view.state).toBe('results');
    expect(view.hits[0]).toMatchObject({ matchedOther: false, score: null, scoreText: null, rangeText: null, zone: null, url: '/roles/x-role' });
  });
});

describe('telling a matched title from the occupation’s own', () => {
  const collator = new Intl.Collator('en', { sensitivity: 'base' });

  it('agrees with the collator on printable ASCII, where it takes the quick path', () => {
    const alphabet = " -./&'(),aAbBzZ09";
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let pair = 0; pair < 20_000; pair += 1) {
      const word = () => Array.from({ length: next() % 5 }, () => alphabet[next() % alphabet.length]).join('');
      const left = word();
      const right = pair % 3 === 0 ? left.toUpperCase() : word();
      expect(sameBaseLetters(left, right), `${left} | ${right}`).toBe(collator.compare(left, right) === 0);
    }
  });

  it('leaves accents and other scripts to the collator', () => {
    expect(sameBaseLetters('Café Manager', 'cafe manager')).toBe(true);
    expect(sameBaseLetters('Cafe\u0301', 'CAFE')).toBe(true);
    expect(sameBaseLetters('Café', 'Cafes')).toBe(false);
    expect(sameBaseLetters('Registered Nurses', 'registered nurses')).toBe(true);
    expect(sameBaseLetters('RN', 'Registered Nurses')).toBe(false);
  });
});
