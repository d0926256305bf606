import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, search, type SearchEntry } from './search-index.ts';
import { FIXTURE_ENTRIES } from './test-support/search-fixture.ts';

const index = buildSearchIndex(FIXTURE_ENTRIES);
const top = (query: string) => search(index, query, { limit: 5 })[0];
const codes = (query: string, limit = 5) => search(index, query, { limit }).map((result) => result.onetCode);

describe('finding an occupation by the title a person types', () => {
  it('finds the occupation from its own O*NET title with a perfect score', () => {
    expect(top('Registered Nurses')).toMatchObject({ slug: 'registered-nurses', matchedTitle: 'Registered Nurses', score: 1 });
  });

  it('ignores case, plurals, word order and punctuation', () => {
    for (const query of ['registered nurse', 'REGISTERED NURSES', 'nurses, registered', 'Nurse Registered!']) {
      expect(top(query)?.onetCode, query).toBe('29-1141.00');
    }
  });

  it('understands abbreviations O*NET spells out, and names the abbreviation as the matched title', () => {
    expect(top('RN')).toMatchObject({ onetCode: '29-1141.00', matchedTitle: 'RN' });
    expect(top('dba')).toMatchObject({ onetCode: '15-1242.00', matchedTitle: 'DBA' });
    expect(top('cna')?.onetCode).toBe('31-1131.00');
  });

  it('does not count the work a query excludes as words of the job ("exc" as the Census index writes it)', () => {
    expect(top('Elementary School Teacher exc special education')?.onetCode).toBe('25-2021.00');
    expect(top('Elementary School Teacher except special education')?.onetCode).toBe('25-2021.00');
  });

  it('expands abbreviations combined with other words', () => {
    expect(top('nurse rn')?.onetCode).toBe('29-1141.00');
    expect(top('database admin')?.onetCode).toBe('15-1242.00');
  });

  it('expands a curated abbreviation that no title spells out', () => {
    expect(top('swe')).toMatchObject({ onetCode: '15-1252.00', matchedTitle: 'Software Engineer' });
  });

  it('tolerates typos: a missing letter, swapped letters, a misspelt word and a misspelt stop word', () => {
    expect(top('programer')).toMatchObject({ onetCode: '15-1251.00', matchedTitle: 'Programmer' });
    expect(top('regsitered nurse')?.onetCode).toBe('29-1141.00');
    expect(top('softwear developer')?.onetCode).toBe('15-1252.00');
    expect(top('teh cashier')?.onetCode).toBe('41-2011.00');
  });

  it('completes the word still being typed', () => {
    expect(top('cashi')?.onetCode).toBe('41-2011.00');
    expect(top('software dev')?.onetCode).toBe('15-1252.00');
  });

  it('finds an expert role by its title or one of its aliases', () => {
    expect(top('multimodal ai engineer')).toMatchObject({ slug: 'multimodal-ai-engineer', onetCode: '15-1221.00', score: 1 });
    expect(top('vision language engineer')).toMatchObject({ slug: 'multimodal-ai-engineer', matchedTitle: 'Vision-Language Engineer' });
  });

  it('returns nothing for a query with no letters or digits, and nothing it cannot match', () => {
    expect(search(index, '  ?!  ')).toEqual([]);
    expect(search(index, 'zzzzqqqq')).toEqual([]);
  });
});

describe('ranking', () => {
  it('puts an exact O*NET title above an exact alternate title above a partial match', () => {
    const results = search(index, 'nurse', { limit: 5 });
    expect(results[0]).toMatchObject({ onetCode: '29-1141.00', matchedTitle: 'Nurse', score: 0.98 });
    expect(top('Cashiers')?.score).toBeGreaterThan(top('checker')?.score ?? 1);
    expect(top('checker')?.score).toBeGreaterThan(top('checker clerk')?.score ?? 1);
  });

  it('puts an exact match above a typo-tolerant one', () => {
    expect(top('programmer')?.score).toBeGreaterThan(top('programer')?.score ?? 1);
  });

  it('returns each occupation once, naming its best-matching title', () => {
    const results = search(index, 'truck driver', { limit: 10 });
    const slugs = results.map((result) => result.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(results.slice(0, 2).map((result) => result.matchedTitle)).toEqual(['Truck Driver', 'Truck Driver']);
  });

  it('breaks a tie between equal alternate titles toward the occupation whose own title fits better', () => {
    expect(codes('elementary teacher', 2)).toEqual(['25-2021.00', '25-2056.00']);
  });

  it('never matches the words an O*NET title excludes with "Except"', () => {
    expect(codes('special education')).toEqual(['25-2056.00']);
  });

  it('prefers an expert role over an occupation when both match equally', () => {
    const twin: SearchEntry = { slug: 'nurse-occupation', title: 'Nurse Navigator', onetCode: '29-1141.00', socCode: '29-1141', titles: [] };
    const role: SearchEntry = { ...twin, slug: 'nurse-role', expert: true };
    expect(search(buildSearchIndex([twin, role]), 'nurse navigator').map((result) => result.slug)).toEqual(['nurse-role', 'nurse-occupation']);
  });

  it('respects the limit', () => {
    expect(search(index, 'engineer', { limit: 1 })).toHaveLength(1);
    expect(search(index, 'engineer', { limit: 0 })).toEqual([]);
  });

  it('orders results the same way whatever order the entries were given in', () => {
    const reversed = buildSearchIndex([...FIXTURE_ENTRIES].reverse());
    for (const query of ['truck driver', 'nurse', 'developer', 'teacher', 'rn']) {
      expect(search(reversed, query).map((result) => result.slug), query).toEqual(search(index, query).map((result) => result.slug));
    }
  });

  it('gives the same answer when asked twice', () => {
    expect(search(index, 'nurse')).toEqual(search(index, 'nurse'));
  });
});

describe('robustness', () => {
  it('never throws and always returns well-formed results, whatever the query', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 0, max: 20 }), (query, limit) => {
        const results = search(index, query, { limit });
        expect(results.length).toBeLessThanOrEqual(limit);
        for (const result of results) {
          expect(result.score).toBeGreaterThan(0);
          expect(result.score).toBeLessThanOrEqual(1);
          expect(result.matchedTitle).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on unicode, emoji and very long queries', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (query) => Array.isArray(search(index, query))));
    expect(search(index, 'nurse '.repeat(200)).length).toBeGreaterThan(0);
  });
});

describe('the learned title matcher in the ranking', () => {
  const horses = buildSearchIndex([
    { slug: 'tool-and-die-makers', title: 'Tool and Die Makers', onetCode: '51-4111.00', socCode: '51-4111', titles: [{ text: 'Toolmaker', kind: 'alternate' }] },
    { slug: 'barbers', title: 'Barbers', onetCode: '39-5011.00', socCode: '39-5011', titles: [{ text: 'Master Barber', kind: 'alternate' }] },
    { slug: 'animal-trainers', title: 'Animal Trainers', onetCode: '39-2011.00', socCode: '39-2011', titles: [{ text: 'Horse Trainer', kind: 'alternate' }, { text: 'Racehorse Exercise Rider', kind: 'alternate' }, { text: 'Horse Breaker', kind: 'alternate' }] },
    { slug: 'athletes', title: 'Athletes and Sports Competitors', onetCode: '27-2021.00', socCode: '27-2021', titles: [{ text: 'Exerciser', kind: 'alternate' }, { text: 'Jockey', kind: 'alternate' }] },
  ]);

  it('names a similar title of the occupation when the nearest titles support a partial match', () => {
    expect(search(horses, 'Exercise Horse')[0]).toMatchObject({
      onetCode: '39-2011.00',
      explanation: 'Closest title “Horse Trainer”; same head word “horse”; similar titles filed here, such as “Racehorse Exercise Rider”',
    });
  });

  it('never lifts a partial match above a title typed exactly', () => {
    expect(search(horses, 'Exerciser').map((result) => [result.onetCode, result.score])).toEqual([['27-2021.00', 0.98]]);
  });
});
