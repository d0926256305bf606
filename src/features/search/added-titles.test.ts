import { describe, expect, it } from 'vitest';
import { withCensusTitles, withoutCensusTitles } from './added-titles.ts';
import { CENSUS_TITLES } from './census-titles.ts';
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
