/**
 * The Census Bureau's alphabetical index of occupations (2022 edition, 2018 Census occupation codes
 * and the 2018 SOC codes they crosswalk to), read from occupation-index-2022.tsv beside this file,
 * and its fixed split: each title goes by a hash of its word-for-word key to one of ten buckets;
 * bucket 0 is held out (benchmark only, never listed), bucket 1 is kept out of the index for tuning,
 * buckets 2–9 are the part the search index may learn.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verbatimKey } from '../../../bench/search-dmtf.ts';

export const CENSUS_INDEX_FILE = join(import.meta.dirname, 'occupation-index-2022.tsv');

/** The first line of data: the file starts with the index's title, date and column names. */
const HEADER = '2022 Occupation Title\t2022 Census Industry Code Restriction\t2018 Census Occupation Code\t2018 SOC Code';

export type CensusPart = 'heldout' | 'tuning' | 'index';

export interface CensusTitle {
  /** The title as the index writes it (first spelling met for its key). */
  title: string;
  key: string;
  /** The detailed SOC 2018 codes the title's rows give (aggregates such as "51-91XX" or "25-1070" left out). */
  socCodes: string[];
  /** True when some row of the title names only an aggregate of several SOC codes. */
  aggregate: boolean;
  /** True when some row of the title holds only in some industries ("Member": state legislature). */
  restricted: boolean;
  part: CensusPart;
}

/** A detailed SOC code: two digits, a dash, four digits not ending in 0 (a code ending in 0 is a broad group). */
export function isDetailedSocCode(code: string): boolean {
  return /^\d{2}-\d{3}[1-9]$/.test(code);
}

/** FNV-1a over the title's key, salted with the source's name, so the split depends neither on file order nor on search. */
export function censusBucket(key: string): number {
  let hash = 0x811c9dc5;
  for (const char of `census-2022\u0000${key}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 10;
}

export function censusPart(key: string): CensusPart {
  const bucket = censusBucket(key);
  return bucket === 0 ? 'heldout' : bucket === 1 ? 'tuning' : 'index';
}

/** Reads every title of the index, one per word-for-word key, with its detailed SOC codes and its part. */
export function readCensusTitles(file: string = CENSUS_INDEX_FILE): CensusTitle[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.indexOf(HEADER);
  if (start < 0) throw new Error(`${file}: the column line "${HEADER.replaceAll('\t', ' | ')}" was not found; is this the 2022 Census occupation index?`);
  const byKey = new Map<string, CensusTitle>();
  for (const [offset, line] of lines.slice(start + 1).entries()) {
    if (line.trim() === '') continue;
    const [title = '', restriction = '', censusCode = '', socCode = ''] = line.replace(/\r$/, '').split('\t');
    // Cross-references ("Account representative See "Account executive"") carry no code.
    if (socCode.trim() === '' || /\bSee "/.test(title)) continue;
    if (!/^\d{4}$/.test(censusCode.trim()) || !/^\d{2}-[0-9X]{4}$/.test(socCode.trim())) {
      throw new Error(`${file} line ${start + offset + 2}: expected a 4-digit Census code and a SOC code like 11-1011, found "${line.slice(0, 100)}"`);
    }
    const key = verbatimKey(title);
    if (key === '') continue;
    const entry = byKey.get(key) ?? { title: title.trim(), key, socCodes: [], aggregate: false, restricted: false, part: censusPart(key) };
    if (restriction.trim() !== '') entry.restricted = true;
    const code = socCode.trim();
    if (isDetailedSocCode(code)) {
      if (!entry.socCodes.includes(code)) entry.socCodes.push(code);
    } else entry.aggregate = true;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

const DEGREE_NOTE = /\s+(less than\s+)?(an?\s+)?(associate|bachelors?|masters?|professional|doctoral|doctorate)('s)?\s+degree(\s+or\s+higher)?$/i;
const ACTIVITY_NOTE = /\s+any\s+(activity|other\s+type|type)$/i;

/** The title without the coder's trailing notes on schooling or activity ("Histopathologist Masters Degree or Higher" → "Histopathologist"). */
export function withoutCodingNotes(title: string): string {
  return title.replace(DEGREE_NOTE, '').replace(ACTIVITY_NOTE, '').trim();
}

/**
 * A title only a coder with the whole record can place: the index's coding notes ("\\", "exc.",
 * "n.s.", "n.e.c.", "etc."), a trailing note on schooling or activity, or a title that names the
 * industry or the schooling as the deciding fact. Such titles are no one's job title as typed.
 */
export function isCodingNoteTitle(title: string): boolean {
  return title.includes('\\') || /\b(exc|ns|nec|etc)\b/i.test(title) || withoutCodingNotes(title) !== title.trim();
}
