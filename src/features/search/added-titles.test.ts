import { describe, expect, it } from 'vitest';
import { withCensusTitles, withEscoTitles, withOfficialTitles, withoutCensusTitles } from './added-titles.ts';
import { CENSUS_TITLES } from './census-titles.ts';
import { ESCO_TITLES } from './esco-titles.ts';
import { buildSearchIndex, searchTitles, type SearchEntry } from './search-index.ts';

const nurses: SearchEntry = { slug: 'registered-nurses', title: 'Registered Nurses', onetCode: '29-1141.00', socCode: '29-1141', titles: [] };
const fishers: SearchEntry = { slug: 'fishing-and-hunting-workers', title: 'Fishing and Hunting Workers', onetCode: '45-3031.00', socCode: '45-3031', titles: [] };
const role: SearchEntry = { ...fishers, slug: 'fisher-role', title: 'Fisher', expert: true };

describe('the Census index titles', () => {
  it('adds each title to the first occupation of its O*NET code, never to an expert role, and leaves the input untouched', () => {
    const census = { '45-3031.00': ['Abalone Diver'], '99-9999.00': ['Nobody'] };
    const entries = withCensusTitles([role, fishers, nurses], census);
    expect(entries[0]?.titles).toEqual([]);
    expect(entries[1]?.titles).toEqual([{ text: 'Abalone Diver', kind: 'census' }]);
    expect(entries[2]).toBe(nurses);
    expect(fishers.titles).toEqual([]);
    expect(withoutCensusTitles(entries)[1]?.titles).toEqual([]);
  });

  it('finds an occupation by a Census title and says where the title comes from', () => {
    const index = buildSearchIndex(withCensusTitles([fishers, nurses], { '45-3031.00': ['Abalone Diver'] }));
    const [first] = searchTitles(index, 'abalone diver').results;
    expect(first?.onetCode).toBe('45-3031.00');
    expect(first?.explanation).toBe('Matches an official title of the Census occupation index: “Abalone Diver”');
  });

  it('ships titles under O*NET codes only, each a non-empty title', () => {
    const codes = Object.keys(CENSUS_TITLES);
    expect(codes.length).toBeGreaterThan(300);
    expect(codes.every((code) => /^\d{2}-\d{4}\.\d{2}$/.test(code))).toBe(true);
    expect(Object.values(CENSUS_TITLES).every((titles) => titles.length > 0 && titles.every((title) => title.trim() !== '' && !title.includes('\\')))).toBe(true);
  });
});

describe('the ESCO occupation labels', () => {
  it('are added beside the Census titles and set aside with them', () => {
    const entries = withEscoTitles(withCensusTitles([fishers, nurses], { '45-3031.00': ['Abalone Diver'] }), { '45-3031.00': ['Fishery Deckhand'] });
    expect(entries[0]?.titles).toEqual([{ text: 'Abalone Diver', kind: 'census' }, { text: 'Fishery Deckhand', kind: 'esco' }]);
    expect(withoutCensusTitles(entries)[0]?.titles).toEqual([]);
  });

  it('finds an occupation by an ESCO label and says where the label comes from', () => {
    const index = buildSearchIndex(withEscoTitles([fishers, nurses], { '29-1141.00': ['Ward Nurse Practitioner Lead'] }));
    const [first] = searchTitles(index, 'ward nurse practitioner lead').results;
    expect(first?.onetCode).toBe('29-1141.00');
    expect(first?.explanation).toBe('Matches a title of the European classification of occupations (ESCO): “Ward Nurse Practitioner Lead”');
  });

  it('ship labels under O*NET codes only, and the product paths add both sources', () => {
    expect(Object.keys(ESCO_TITLES).length).toBeGreaterThan(300);
    expect(Object.keys(ESCO_TITLES).every((code) => /^\d{2}-\d{4}\.\d{2}$/.test(code))).toBe(true);
    const added = withOfficialTitles([{ ...nurses, titles: [] }])[0]?.titles ?? [];
    expect(new Set(added.map((title) => title.kind))).toEqual(new Set(['census', 'esco']));
  });
});
