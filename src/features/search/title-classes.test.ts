import { describe, expect, it } from 'vitest';
import { buildSearchIndex, search, searchTitles } from './search-index.ts';
import { FIXTURE_ENTRIES } from './test-support/search-fixture.ts';
import { TITLE_CLASS_ENTRIES } from './test-support/title-classes-fixture.ts';

const index = buildSearchIndex(TITLE_CLASS_ENTRIES);
const first = (query: string) => search(index, query, { limit: 5 })[0];
const codes = (query: string) => search(index, query, { limit: 5 }).map((result) => result.onetCode);

describe('the head word and kind words decide the occupation', () => {
  it('finds the trade, not its helper, for a title without "helper"', () => {
    expect(first('Toolmaker')?.onetCode).toBe('51-4111.00');
    expect(first('Toolmaker Helper')?.onetCode).toBe('51-9198.00');
  });

  it('finds the supervisors for a "head" of the workers, and the workers without it', () => {
    expect(first('Head Custodian')).toMatchObject({ onetCode: '37-1011.00', matchedTitle: 'Custodian Supervisor' });
    expect(first('Custodian')?.onetCode).toBe('37-2011.00');
  });

  it('finds the aide, not the teacher, for a teaching aide', () => {
    expect(first('Adult Literacy Teaching Aide')?.onetCode).toBe('25-9042.00');
    expect(first('Adult Literacy Teacher')?.onetCode).toBe('25-3011.00');
  });

  it('says when a match adds or drops a kind word', () => {
    const helper = search(index, 'Toolmaker', { limit: 5 }).find((result) => result.onetCode === '51-9198.00');
    expect(helper?.explanation).toBe('Closest title “Toolmaker Helper”; same head word “toolmaker”; a different kind of job, adds “helper”');
  });
});

describe('seniority and grade words', () => {
  it('sets a level aside: a senior engineer II is a software engineer', () => {
    const result = search(buildSearchIndex(FIXTURE_ENTRIES), 'Senior Software Engineer II')[0];
    expect(result).toMatchObject({ onetCode: '15-1252.00', matchedTitle: 'Software Engineer' });
    expect(result?.explanation).toBe('Matches an O*NET alternate title: “Software Engineer” (level set aside: “senior”, “ii”)');
  });
});

describe('rank and office titles', () => {
  it('maps an office to the occupation that does the job, with the reason as the explanation', () => {
    expect(first('Mayor')).toMatchObject({ onetCode: '11-1011.00', matchedTitle: 'Mayor', explanation: 'Mayor → Chief Executives: elected officials who head a government' });
    expect(first('Senator')?.onetCode).toBe('11-1031.00');
  });

  it('keeps the head of "Commissioner of …" before "of"', () => {
    expect(first('Commissioner of Agriculture')?.onetCode).toBe('11-1011.00');
  });

  it('never lets an office title be missing from an index that lacks its occupation', () => {
    const withoutExecutives = buildSearchIndex(TITLE_CLASS_ENTRIES.filter((entry) => entry.onetCode !== '11-1011.00'));
    expect(search(withoutExecutives, 'Mayor').map((result) => result.onetCode)).not.toContain('11-1011.00');
  });
});

describe('a typo correction never beats a known word', () => {
  it('does not read "Mayor" as "Major"', () => {
    expect(codes('Mayor')).not.toContain('11-2033.00');
  });

  it('does not read "Sonar" as "Solar" when a description uses the word', () => {
    const results = search(index, 'Sonar Technician', { limit: 5 });
    expect(results[0]?.onetCode).toBe('49-2093.00');
    expect(results[0]?.explanation).toContain('its description mentions “sonar”');
    for (const result of results) expect(result.explanation).not.toContain('read “sonar”');
  });

  it('still corrects a word that is known nowhere', () => {
    expect(first('Solra Technician')?.onetCode).toBe('47-2152.04');
    expect(first('Solra Technician')?.explanation).toContain('read “solra” as “solar”');
  });
});

describe('close siblings are told apart by their descriptions', () => {
  it('picks the sibling whose description uses the query’s other word', () => {
    const marine = search(buildSearchIndex(TITLE_CLASS_ENTRIES), 'Navigation Electronics Technician', { limit: 3 });
    expect(marine[0]?.onetCode).toBe('49-2093.00');
  });

  it('ranks the same without descriptions when the titles decide', () => {
    const bare = buildSearchIndex(TITLE_CLASS_ENTRIES.map((entry) => ({ ...entry, description: null })));
    expect(search(bare, 'Custodian Supervisor')[0]?.onetCode).toBe('37-1011.00');
  });
});

describe('titles with no civilian occupation', () => {
  it('says plainly that a military rank is not in the catalog and offers the nearest civilian occupations', () => {
    const answer = searchTitles(index, 'Sergeant');
    expect(answer.notInCatalog).toEqual({ notice: 'not in the catalog: military ranks have no civilian O*NET occupation', reason: 'military ranks have no civilian O*NET occupation' });
    expect(answer.results.slice(0, 3).map((result) => result.onetCode)).toEqual(['33-1012.00', '33-1091.00', '33-1011.00']);
    expect(answer.results[0]?.explanation).toBe('Nearest civilian occupation to “Sergeant”: supervises police officers');
  });

  it('recognises ranks and specialities with the service named, and several words long', () => {
    for (const query of ['Infantryman', 'Private First Class', 'US Army Staff Sergeant', 'Lieutenant Colonel', 'Special Forces Operator']) {
      expect(searchTitles(index, query).notInCatalog, query).not.toBeNull();
    }
  });

  it('keeps a civilian title that uses a rank word: a police sergeant or a state trooper', () => {
    for (const [query, code] of [
      ['Police Sergeant', '33-1012.00'],
      ['Trooper', '33-3051.00'],
    ] as const) {
      const answer = searchTitles(index, query);
      expect(answer.notInCatalog, query).toBeNull();
      expect(answer.results[0]?.onetCode, query).toBe(code);
    }
  });

  it('keeps scores in (0, 1] and in order for the nearest civilian occupations', () => {
    const scores = searchTitles(index, 'Admiral').results.map((result) => result.score);
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
    expect([...scores].sort((left, right) => right - left)).toEqual(scores);
  });
});

describe('every result explains its match', () => {
  it('names the title typed and its kind', () => {
    const basic = buildSearchIndex(FIXTURE_ENTRIES);
    expect(search(basic, 'Registered Nurses')[0]?.explanation).toBe('Matches the occupation’s own title');
    expect(search(basic, 'RN')[0]?.explanation).toBe('Matches an O*NET short title: “RN”');
    expect(search(basic, 'staff nurse')[0]?.explanation).toBe('Matches an O*NET alternate title: “Staff Nurse”');
    expect(search(basic, 'nurse rn')[0]?.explanation).toBe('Matches the occupation’s own title');
    expect(search(basic, 'rn educator')[0]?.explanation).toContain('“rn” read as “registered nurse”');
    for (const query of ['nurse', 'programer', 'cashi', 'truck driver', 'software dev']) {
      for (const result of search(basic, query)) expect(result.explanation, query).not.toBe('');
    }
  });
});

describe('rank words in front of a job', () => {
  const rankIndex = buildSearchIndex([
    { slug: 'assemblers', title: 'Team Assemblers', onetCode: '51-2092.00', socCode: '51-2092', titles: [{ text: 'Team Assembler', kind: 'alternate' }] },
    {
      slug: 'production-supervisors',
      title: 'First-Line Supervisors of Production and Operating Workers',
      onetCode: '51-1011.00',
      socCode: '51-1011',
      titles: [
        { text: 'Assembly Supervisor', kind: 'alternate' },
        { text: 'Team Lead', kind: 'alternate' },
      ],
    },
  ]);

  it('files a lead worker with the workers led, and says the rank was set aside', () => {
    const result = search(rankIndex, 'Lead Team Assembler')[0];
    expect(result).toMatchObject({ onetCode: '51-2092.00', matchedTitle: 'Team Assemblers' });
    expect(result?.explanation).toContain('level set aside: “lead”');
  });

  it('keeps "lead" as the job when it is the last word', () => {
    expect(search(rankIndex, 'Team Lead')[0]?.onetCode).toBe('51-1011.00');
  });

  it('sets a pay band with its number aside, and keeps a band that is not a grade', () => {
    const bands = buildSearchIndex([
      { slug: 'registered-nurses', title: 'Registered Nurses', onetCode: '29-1141.00', socCode: '29-1141', titles: [{ text: 'Staff Nurse', kind: 'alternate' }] },
      { slug: 'music-directors', title: 'Music Directors and Composers', onetCode: '27-2041.00', socCode: '27-2041', titles: [{ text: 'Band Director', kind: 'alternate' }] },
    ]);
    const nurse = search(bands, 'Band 5 Staff Nurse')[0];
    expect(nurse).toMatchObject({ onetCode: '29-1141.00', matchedTitle: 'Staff Nurse' });
    expect(nurse?.explanation).toContain('“band”');
    expect(search(bands, 'Band Director')[0]?.onetCode).toBe('27-2041.00');
  });
});

describe('an unknown compound read as its known last part', () => {
  const compounds = buildSearchIndex([
    { slug: 'botanists', title: 'Soil and Plant Scientists', onetCode: '19-1013.00', socCode: '19-1013', titles: [{ text: 'Botanist', kind: 'alternate' }] },
    { slug: 'registered-nurses', title: 'Registered Nurses', onetCode: '29-1141.00', socCode: '29-1141', titles: [{ text: 'Staff Nurse', kind: 'alternate' }] },
  ]);

  it('finds the botanists for a paleobotanist, below an exact match', () => {
    const result = search(compounds, 'Paleobotanist')[0];
    expect(result?.onetCode).toBe('19-1013.00');
    expect(result?.score).toBeLessThan(0.9);
  });

  it('never reads a compound as a word that only says "people"', () => {
    expect(search(compounds, 'Waitstaff')).toEqual([]);
  });
});
