/**
 * The BLS SOC 2018 Direct Match Title File as a held-out search benchmark (data/sources/bls-dmtf/).
 * Each title names one SOC 2018 code; every O*NET occupation of that code in the index is a right
 * answer. Titles that are word for word a title of the index are left out (they measure nothing
 * new), and the rest is split in two halves by a hash of the title: tuning may look at the first
 * half only; the second is reported and never listed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../src/data-pipeline/committed-catalog.ts';
import { ADDED_TITLE_KINDS } from '../src/features/search/added-titles.ts';
import type { SearchEntry, SearchIndex } from '../src/features/search/search-index.ts';
import { normalizeText, titleForms } from '../src/features/search/search-text.ts';

export const DMTF_FILE = join(REPOSITORY_ROOT, 'data', 'sources', 'bls-dmtf', 'soc-2018-direct-match-titles.tsv');

export interface DmtfCase {
  query: string;
  socCode: string;
  /** The O*NET codes of the index filed under the title's SOC code. */
  acceptable: ReadonlySet<string>;
}

export interface DmtfSets {
  rows: number;
  /** Titles that are word for word a title of the index (left out). */
  verbatim: number;
  /** Titles whose SOC code has no occupation in the index, or only specialities of an "All Other" code (left out). */
  unmapped: number;
  tuning: DmtfCase[];
  heldOut: DmtfCase[];
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/**
 * The key under which a title counts as word for word the same as another: lower-case words,
 * stop words and a plural "s" dropped, order ignored. Kept here, apart from search's own
 * normalisation, so that a change to search (a spelling folded, a stem) cannot move titles in or
 * out of the "unseen" sets and before/after figures are on the same queries.
 */
export function verbatimKey(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  return [...new Set(words)].sort().join(' ');
}

/**
 * The verbatim keys of every title the index holds, whole and in its parts ("Registered Nurse (RN)"
 * → also "RN"); the Census index titles aside, so that adding them moves no title out of a set.
 */
export function indexTitleKeys(index: SearchIndex): Set<string> {
  const keys = new Set<string>();
  for (const entry of index.entries) {
    const titles = entry.titles.filter((item) => !ADDED_TITLE_KINDS.has(item.kind)).map((item) => item.text);
    for (const title of [entry.title, ...titles]) for (const form of titleForms(title)) keys.add(verbatimKey(form));
  }
  return keys;
}

/** FNV-1a over the normalized title: a split that does not depend on file order or on the ranking. */
export function titleHash(title: string): number {
  let hash = 0x811c9dc5;
  for (const char of normalizeText(title)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Which half a title belongs to: even hashes tune, odd hashes are held out. */
export function isTuningTitle(title: string): boolean {
  return titleHash(title) % 2 === 0;
}

/** Tells whether a SOC 2018 detailed code is an "All Other" residual ("49-9099", "11-9199"). */
export function isResidualCode(socCode: string): boolean {
  return /^\d{2}-\d{3}9$/.test(socCode);
}

/** The O*NET codes of the index that answer for each SOC 2018 code. */
export function onetCodesBySoc(entries: readonly SearchEntry[]): Map<string, Set<string>> {
  const onetBySoc = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (entry.expert || entry.onetCode === null || entry.socCode === null) continue;
    // An "All Other" SOC code (ending in 9) holds whatever has no code of its own; the O*NET
    // specialities filed under it ("Geothermal Technicians" under 49-9099) are not that residue,
    // so only the O*NET occupation that is the whole code (.00) answers for it.
    if (isResidualCode(entry.socCode) && !entry.onetCode.endsWith('.00')) continue;
    onetBySoc.set(entry.socCode, (onetBySoc.get(entry.socCode) ?? new Set()).add(entry.onetCode));
  }
  return onetBySoc;
}

export async function loadDmtfSets(index: SearchIndex, entries: readonly SearchEntry[]): Promise<DmtfSets> {
  const text = await readFile(DMTF_FILE, 'utf8');
  const lines = text.split('\n').slice(1).filter((line) => line.trim() !== '');
  const onetBySoc = onetCodesBySoc(entries);
  const sets: DmtfSets = { rows: lines.length, verbatim: 0, unmapped: 0, tuning: [], heldOut: [] };
  const seen = new Set<string>();
  const known = indexTitleKeys(index);
  for (const [lineNumber, line] of lines.entries()) {
    const [socCode = '', , title = ''] = line.replace(/\r$/, '').split('\t');
    if (!/^\d{2}-\d{4}$/.test(socCode) || title.trim() === '') {
      throw new Error(`${DMTF_FILE} line ${lineNumber + 2}: expected a SOC code like 11-1011 and a title, found "${line.slice(0, 80)}"`);
    }
    const key = verbatimKey(title);
    if (seen.has(key)) continue;
    seen.add(key);
    if (known.has(key)) {
      sets.verbatim += 1;
      continue;
    }
    const acceptable = onetBySoc.get(socCode);
    if (acceptable === undefined) {
      sets.unmapped += 1;
      continue;
    }
    (isTuningTitle(title) ? sets.tuning : sets.heldOut).push({ query: title, socCode, acceptable });
  }
  return sets;
}
