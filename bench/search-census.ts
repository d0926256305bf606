/**
 * The Census Bureau's 2022 occupation index as search benchmarks: the held-out and tuning titles
 * written by data/sources/census-occ-index/extract.ts (neither is ever read by the index). A title
 * counts only when it is not word for word a title of the catalog (computed from the catalog's own
 * titles, so that nothing search adds can move a title in or out) and when one of its SOC codes has
 * an occupation in the index; any O*NET occupation of any of its codes is a right answer.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../src/data-pipeline/committed-catalog.ts';
import { ADDED_TITLE_KINDS } from '../src/features/search/added-titles.ts';
import type { SearchEntry } from '../src/features/search/search-index.ts';
import { titleForms } from '../src/features/search/search-text.ts';
import { onetCodesBySoc, verbatimKey, type DmtfCase } from './search-dmtf.ts';

export interface CensusSet {
  titles: number;
  /** Word for word a title of the catalog (left out). */
  verbatim: number;
  /** No SOC code with an occupation in the index (left out). */
  unmapped: number;
  cases: DmtfCase[];
}

/** The verbatim keys of the catalog's and the expert roles' own titles, whole and in their parts (Census titles aside). */
export function catalogTitleKeys(entries: readonly SearchEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of entries) {
    const titles = entry.titles.filter((item) => !ADDED_TITLE_KINDS.has(item.kind)).map((item) => item.text);
    for (const title of [entry.title, ...titles]) for (const form of titleForms(title)) keys.add(verbatimKey(form));
  }
  return keys;
}

export async function loadCensusSet(name: 'census-titles-heldout.tsv' | 'census-titles-tuning.tsv', entries: readonly SearchEntry[]): Promise<CensusSet> {
  const file = join(REPOSITORY_ROOT, 'bench', 'queries', name);
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const known = catalogTitleKeys(entries);
  const onetBySoc = onetCodesBySoc(entries);
  const set: CensusSet = { titles: lines.length, verbatim: 0, unmapped: 0, cases: [] };
  for (const [lineNumber, line] of lines.entries()) {
    const [query = '', codes = ''] = line.replace(/\r$/, '').split('\t');
    const socCodes = codes.split(',');
    if (query.trim() === '' || !socCodes.every((code) => /^\d{2}-\d{4}$/.test(code))) {
      throw new Error(`${file}: data line ${lineNumber + 1}: expected a title and SOC codes like 11-1011, found "${line.slice(0, 80)}"`);
    }
    if (known.has(verbatimKey(query))) {
      set.verbatim += 1;
      continue;
    }
    const acceptable = new Set(socCodes.flatMap((code) => [...(onetBySoc.get(code) ?? [])]));
    if (acceptable.size === 0) {
      set.unmapped += 1;
      continue;
    }
    set.cases.push({ query, socCode: socCodes.join(','), acceptable });
  }
  return set;
}
