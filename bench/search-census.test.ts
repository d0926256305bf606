import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CENSUS_INDEX_FILE,
  censusBucket,
  censusPart,
  isCodingNoteTitle,
  isDetailedSocCode,
  readCensusTitles,
  withoutCodingNotes,
} from '../data/sources/census-occ-index/census-index.ts';
import { censusSplitFiles } from '../data/sources/census-occ-index/extract.ts';
import { CENSUS_TITLES } from '../src/features/search/census-titles.ts';
import { REPOSITORY_ROOT } from '../src/data-pipeline/committed-catalog.ts';
import { catalogTitleKeys, loadCensusSet } from './search-census.ts';
import { DMTF_FILE, verbatimKey } from './search-dmtf.ts';

const queryLines = async (name: string) =>
  (await readFile(join(REPOSITORY_ROOT, 'bench', 'queries', name), 'utf8')).split('\n').filter((line) => line !== '' && !line.startsWith('#'));

describe('the Census occupation index as search benchmarks', () => {
  it('does not learn a title whose rows name different jobs once their schooling notes are cut', () => {
    // "Bank cashier associate degree or higher" → 11-3031 (the bank's officer), "… less than associate degree" → 43-3071 (a teller).
    const learned = Object.values(CENSUS_TITLES).flat();
    expect(learned).not.toContain('Bank Cashier');
    expect(learned).toContain('Bank Director');
  });

  it('commits exactly the files extract.ts writes (query files and the titles the index learns)', async () => {
    for (const file of await censusSplitFiles()) {
      expect(await readFile(join(REPOSITORY_ROOT, file.path), 'utf8'), `${file.path} differs from what data/sources/census-occ-index/extract.ts writes; run it`).toBe(file.text);
    }
  });

  it('keeps the committed index in the expected shape: the title lines, then title, restriction, Census code, SOC code', async () => {
    const lines = (await readFile(CENSUS_INDEX_FILE, 'utf8')).split('\n').filter((line) => line !== '');
    expect(lines[0]?.startsWith('2022 Census Alphabetical Index of Occupations')).toBe(true);
    expect(lines).toHaveLength(34546);
    expect(lines).toContain('911 dispatcher\t\t5521\t43-5031');
  });

  it('reads one title per word-for-word key, with detailed SOC codes only', () => {
    const titles = readCensusTitles();
    expect(titles).toHaveLength(29633);
    const operator = titles.find((item) => item.key === verbatimKey('A operator'));
    expect(operator).toMatchObject({ socCodes: ['43-2021'], aggregate: true });
    expect(titles.every((item) => item.socCodes.every(isDetailedSocCode))).toBe(true);
    expect(['25-1070', '51-91XX', '51-9199'].map(isDetailedSocCode)).toEqual([false, false, true]);
  });

  it('splits by a salted hash of the key into ten buckets: 0 held out, 1 tuning, the rest for the index', () => {
    const parts = readCensusTitles().map((item) => item.part);
    const share = (part: string) => parts.filter((item) => item === part).length / parts.length;
    expect(share('heldout')).toBeGreaterThan(0.08);
    expect(share('heldout')).toBeLessThan(0.12);
    expect(share('tuning')).toBeGreaterThan(0.08);
    expect(censusPart('911 dispatcher')).toBe(censusBucket('911 dispatcher') === 0 ? 'heldout' : censusBucket('911 dispatcher') === 1 ? 'tuning' : 'index');
  });

  it('writes every held-out and tuning title of the split, and no other, to the query files', async () => {
    const titles = readCensusTitles().filter((item) => !item.aggregate && item.socCodes.length > 0);
    for (const [name, part] of [['census-titles-heldout.tsv', 'heldout'], ['census-titles-tuning.tsv', 'tuning']] as const) {
      const keys = (await queryLines(name)).map((line) => verbatimKey(line.split('\t')[0] ?? ''));
      expect(new Set(keys)).toEqual(new Set(titles.filter((item) => item.part === part).map((item) => item.key)));
    }
  });

  it('leaves out titles that are word for word a catalog title, and accepts any occupation of any of a title’s codes', async () => {
    const entries = [
      { slug: 'dispatchers', title: 'Police, Fire, and Ambulance Dispatchers', onetCode: '43-5031.00', socCode: '43-5031', titles: [{ text: '911 Dispatcher', kind: 'alternate' as const }] },
    ];
    expect(catalogTitleKeys(entries).has(verbatimKey('911 dispatcher'))).toBe(true);
    const set = await loadCensusSet('census-titles-heldout.tsv', entries);
    expect(set.cases.length).toBeGreaterThan(0);
    expect(set.cases.every((item) => [...item.acceptable].every((code) => code === '43-5031.00'))).toBe(true);
    expect(set.verbatim + set.unmapped + set.cases.length).toBe(set.titles);
  });

  it('tells the coder\'s notes from titles and cuts the trailing ones', () => {
    expect(withoutCodingNotes('Histopathologist masters degree or higher')).toBe('Histopathologist');
    expect(withoutCodingNotes('Surveyor surveying land less than bachelors degree')).toBe('Surveyor surveying land');
    expect(withoutCodingNotes('Legal secretary any activity')).toBe('Legal secretary');
    expect(['Mechanic tractor exc garden', 'Food server\\ ns', 'Dental surgeon bachelors degree or higher'].map(isCodingNoteTitle)).toEqual([true, true, true]);
    expect(['Abalone fisherman', 'Degree auditor', 'Exchange clerk'].map(isCodingNoteTitle)).toEqual([false, false, false]);
  });

  it('never lets the index learn a held-out or tuning title, nor a query of another benchmark', async () => {
    const learned = new Set(Object.values(CENSUS_TITLES).flat().map(verbatimKey));
    for (const name of ['census-titles-heldout.tsv', 'census-titles-tuning.tsv', 'official-titles-heldout.tsv', 'colloquial.tsv']) {
      for (const line of await queryLines(name)) expect(learned.has(verbatimKey(line.split('\t')[0] ?? '')), `${name}: ${line}`).toBe(false);
    }
    for (const line of await queryLines('title-error-classes.tsv')) expect(learned.has(verbatimKey(line.split('\t')[1] ?? '')), line).toBe(false);
    for (const line of (await readFile(DMTF_FILE, 'utf8')).split('\n').slice(1)) expect(learned.has(verbatimKey(line.split('\t')[2] ?? '')), line).toBe(false);
    const held = readCensusTitles().filter((item) => item.part !== 'index').map((item) => item.key);
    expect(held.some((key) => learned.has(key))).toBe(false);
  });
});
