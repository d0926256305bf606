import { describe, expect, it } from 'vitest';
import { buildDomainIndex, queryDomains } from './domain-scoring.ts';
import { DOMAIN_ROWS, domainWords } from './domain-words.ts';
import { buildSearchIndex, search, type SearchEntry } from './search-index.ts';
import { tokenize } from './search-text.ts';

const entry = (slug: string, title: string, onetCode: string, titles: string[], employment = 100_000): SearchEntry => ({
  slug,
  title,
  onetCode,
  socCode: onetCode.slice(0, 7),
  employment,
  titles: [{ text: title, kind: 'onet' }, ...titles.map((text) => ({ text, kind: 'alternate' as const }))],
});

const ENTRIES: SearchEntry[] = [
  entry('writers', 'Writers and Authors', '27-3043.00', ['Technical Writer', 'Author', 'Copy Writer'], 150_000),
  entry('lawyers', 'Lawyers', '23-1011.00', ['Attorney', 'Legal Writer', 'Counsel'], 800_000),
  entry('public-relations', 'Public Relations Specialists', '27-3031.00', ['Press Officer', 'Briefing Officer'], 300_000),
  entry('clerks', 'Office Clerks, General', '43-9061.00', ['Clerk', 'Office Clerk'], 2_500_000),
  entry('nurses', 'Registered Nurses', '29-1141.00', ['School Nurse', 'Nurse'], 3_000_000),
  entry('special-education', 'Special Education Teachers, Elementary School', '25-2056.00', ['Elementary School Teacher', 'Special Education Teacher', 'Grade School Teacher'], 200_000),
  entry('elementary', 'Elementary School Teachers, Except Special Education', '25-2021.00', ['Classroom Teacher', 'Teacher'], 1_400_000),
];
const index = buildSearchIndex(ENTRIES);
const domainRow = (id: string) => DOMAIN_ROWS.findIndex((row) => row.id === id);

describe('domain words: what a title’s modifier means (WordNet) decides between occupations', () => {
  it('reads a modifier as a domain, a phrase only when all its words are typed, and never the head word', () => {
    const domains = buildDomainIndex(ENTRIES, new Int32Array(ENTRIES.length));
    expect(queryDomains(domains, tokenize('Brief Writer'), 'writer')).toEqual([{ row: domainRow('legal-papers'), words: 'brief' }]);
    expect(queryDomains(domains, tokenize('Grades 1 Through 5 Teacher'), 'teacher')).toEqual([{ row: domainRow('elementary-school'), words: 'grade' }]);
    expect(queryDomains(domains, tokenize('Nursery School Teacher'), 'teacher').map((found) => found.words)).toEqual(['nursery school']);
    expect(queryDomains(domains, tokenize('Nursery Worker'), 'worker')).toEqual([]);
    expect(queryDomains(domains, tokenize('Brief'), 'brief')).toEqual([]);
  });

  it('sends a "Brief Writer" to the lawyers and says why', () => {
    const [first, second] = search(index, 'Brief Writer', { limit: 3 });
    expect(first?.onetCode).toBe('23-1011.00');
    expect(second?.onetCode).toBe('27-3043.00');
    expect(first?.explanation).toContain('“brief” is a legal paper (WordNet): lawyers and paralegals draft legal papers');
    expect(search(index, 'Report Writer', { limit: 1 })[0]?.onetCode).toBe('27-3043.00');
  });

  it('lets the head word decide what the job is: an elementary school nurse is a nurse, an affidavit clerk a clerk', () => {
    const nurse = search(index, 'Elementary School Nurse', { limit: 5 });
    expect(nurse[0]?.onetCode).toBe('29-1141.00');
    expect(nurse.map((result) => result.onetCode)).toContain('25-2021.00');
    expect(nurse.filter((result) => result.explanation.includes('(WordNet)'))).toEqual([]);
    expect(search(index, 'Affidavit Clerk', { limit: 1 })[0]?.onetCode).toBe('43-9061.00');
  });

  it('picks the sibling of the domain among teachers: a music teacher of an elementary school, a grade 3 teacher', () => {
    expect(search(index, 'Elementary School Music Teacher', { limit: 1 })[0]?.onetCode).toBe('25-2021.00');
    const [first] = search(index, 'Grade 3 Teacher', { limit: 1 });
    expect(first?.onetCode).toBe('25-2021.00');
    expect(first?.explanation).toContain('“grade” is a class of an elementary school (WordNet)');
  });

  it('leaves a title typed exactly as it is', () => {
    expect(search(index, 'Grade School Teacher', { limit: 1 })[0]).toMatchObject({ onetCode: '25-2056.00', score: 0.98 });
  });

  it('takes every row’s words from the WordNet extract, without the words left out as ambiguous', () => {
    for (const row of DOMAIN_ROWS) {
      const words = domainWords(row);
      expect(words.length, row.id).toBeGreaterThan(0);
      for (const excluded of row.exclude) expect(words, `${row.id}: ${excluded}`).not.toContain(excluded);
      expect(row.onetCodes.length, row.id).toBeGreaterThan(0);
    }
    expect(domainWords(DOMAIN_ROWS[domainRow('legal-papers')]!)).toEqual(expect.arrayContaining(['brief', 'affidavit', 'deed', 'subpoena']));
  });
});
