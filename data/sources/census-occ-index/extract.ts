/**
 * Splits the Census occupation index (census-index.ts) and writes the held-out and tuning titles to
 * bench/queries/census-titles-heldout.tsv and bench/queries/census-titles-tuning.tsv: each title with
 * the detailed SOC 2018 codes the index gives it. Titles whose rows name an aggregate code only in
 * part ("A operator": 43-2021 in one industry, 51-91XX elsewhere) or only aggregates are left out:
 * no single occupation list is their right answer.
 * It also writes the index part to src/features/search/census-titles.ts (see censusIndexTitles).
 * Run: npx node data/sources/census-occ-index/extract.ts (bench/search-census.test.ts checks the committed files
 * equal what it writes, so a change to the catalog's titles or the split rule shows up as a failing test).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogTitleKeys } from '../../../bench/search-census.ts';
import { DMTF_FILE, isResidualCode, verbatimKey } from '../../../bench/search-dmtf.ts';
import { loadSearchEntries } from '../../../src/features/search/search-entries.ts';
import type { SearchEntry } from '../../../src/features/search/search-index.ts';
import { isCodingNoteTitle, readCensusTitles, withoutCodingNotes, type CensusTitle } from './census-index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const titles = readCensusTitles();
const byTitle = (left: CensusTitle, right: CensusTitle) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0);

function queryFile(part: CensusTitle['part'], purpose: string): { text: string; count: number } {
  const rows = titles.filter((item) => item.part === part && !item.aggregate && item.socCodes.length > 0).sort(byTitle);
  const header = [
    `# ${purpose}`,
    '# Census Bureau, 2022 alphabetical index of occupations (data/sources/census-occ-index/), split by census-index.ts.',
    '# Written by data/sources/census-occ-index/extract.ts; do not edit. Columns: title, SOC 2018 codes (any is right).',
  ];
  return { text: `${[...header, ...rows.map((item) => `${item.title}\t${item.socCodes.join(',')}`)].join('\n')}\n`, count: rows.length };
}

/** The verbatim keys of every query of the other benchmarks, which the index must not learn from another source. */
export function benchmarkKeys(): Set<string> {
  const keys = new Set<string>();
  for (const line of readFileSync(DMTF_FILE, 'utf8').split('\n').slice(1)) keys.add(verbatimKey(line.split('\t')[2] ?? ''));
  const queries = (name: string, column: number) => {
    for (const line of readFileSync(join(root, 'bench', 'queries', name), 'utf8').split('\n')) {
      if (line.trim() !== '' && !line.startsWith('#')) keys.add(verbatimKey(line.split('\t')[column] ?? ''));
    }
  };
  queries('official-titles-heldout.tsv', 0);
  queries('title-error-classes.tsv', 1);
  queries('colloquial.tsv', 0);
  return keys;
}

/**
 * The one O*NET occupation a SOC code stands for: the only occupation filed under it, or O*NET's
 * occupation for the whole code (".00") when O*NET splits it into specialities; none when the code
 * has specialities only (which of them a title means is not known), or is an "All Other" code
 * without its own ".00" occupation.
 */
function occupationOfSoc(entries: readonly SearchEntry[]): Map<string, string> {
  const bySoc = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.expert || entry.onetCode === null || entry.socCode === null) continue;
    bySoc.set(entry.socCode, [...(bySoc.get(entry.socCode) ?? []), entry.onetCode]);
  }
  const one = new Map<string, string>();
  for (const [soc, codes] of bySoc) {
    const whole = codes.find((code) => code.endsWith('.00'));
    if (whole !== undefined) one.set(soc, whole);
    else if (codes.length === 1 && !isResidualCode(soc)) one.set(soc, codes[0] ?? '');
  }
  return one;
}

/**
 * Titles that only a coder with the whole record can place: the index's coding notes ("\\",
 * "exc.", "n.s.", "n.e.c.") and one-word titles that hold in some industries only ("Member").
 */
function isCodingNote(title: string, restricted: boolean): boolean {
  return title.includes('\\') || /\b(exc|ns|nec|etc)\b/i.test(title) || (restricted && !title.trim().includes(' '));
}

/** The verbatim keys of the catalog's titles as whole titles too ("Preschool Teachers, Except Special Education"). */
export function wholeTitleKeys(entries: readonly SearchEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of entries) for (const title of [entry.title, ...entry.titles.map((item) => item.text)]) keys.add(verbatimKey(title));
  return keys;
}

/** A display form in the catalog's style: each lower-case word capitalised, small words and acronyms kept. */
export function displayTitle(title: string): string {
  const small = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
  return title
    .split(' ')
    .map((word, position) => (position > 0 && small.has(word) ? word : /^[a-z]/.test(word) ? word[0]?.toUpperCase() + word.slice(1) : word))
    .join(' ');
}

/**
 * The titles of the index part the search index learns: one detailed SOC code in every row (no
 * aggregate), an O*NET occupation for that code, not word for word a catalog title already (those
 * add nothing) and not a query of another benchmark.
 */
async function censusTitlesModule(): Promise<{ text: string; counts: Record<string, number> }> {
  const entries = await loadSearchEntries(root);
  const known = new Set([...catalogTitleKeys(entries), ...wholeTitleKeys(entries)]);
  // A title made plain ("Histopathologist Masters Degree or Higher" → "Histopathologist") must not
  // become a held-out or tuning title.
  const kept = new Set(titles.filter((item) => item.part !== 'index').map((item) => item.key));
  const benchmark = benchmarkKeys();
  const occupation = occupationOfSoc(entries);
  // Rows that differ only in a schooling or activity note can name different jobs ("Bank cashier associate
  // degree or higher" is the bank's officer, "… less than associate degree" a teller): once the notes are
  // cut, such a title is ambiguous and is not learned at all.
  const occupationsOfPlain = new Map<string, Set<string>>();
  for (const item of titles) {
    if (item.part !== 'index' || item.aggregate || item.socCodes.length !== 1) continue;
    const key = verbatimKey(withoutCodingNotes(item.title));
    occupationsOfPlain.set(key, (occupationsOfPlain.get(key) ?? new Set()).add(occupation.get(item.socCodes[0] ?? '') ?? `soc ${item.socCodes[0]}`));
  }
  const counts = { index: 0, aggregate: 0, several: 0, codingNote: 0, verbatim: 0, benchmark: 0, heldOut: 0, ambiguous: 0, duplicate: 0, unmapped: 0, kept: 0 };
  const byCode = new Map<string, string[]>();
  const added = new Set<string>();
  for (const item of titles) {
    if (item.part !== 'index') continue;
    counts.index += 1;
    if (item.aggregate || item.socCodes.length === 0) counts.aggregate += 1;
    else if (item.socCodes.length > 1) counts.several += 1;
    else if (isCodingNote(item.title, item.restricted)) counts.codingNote += 1;
    else {
      const plain = withoutCodingNotes(item.title);
      const key = verbatimKey(plain);
      if (known.has(key)) counts.verbatim += 1;
      else if (benchmark.has(key)) counts.benchmark += 1;
      else if (kept.has(key)) counts.heldOut += 1;
      else if ((occupationsOfPlain.get(key)?.size ?? 0) > 1) counts.ambiguous += 1;
      else if (added.has(key)) counts.duplicate += 1;
      else {
        const code = occupation.get(item.socCodes[0] ?? '');
        if (code === undefined) counts.unmapped += 1;
        else {
          counts.kept += 1;
          added.add(key);
          byCode.set(code, [...(byCode.get(code) ?? []), displayTitle(plain)]);
        }
      }
    }
  }
  const lines = [...byCode.entries()]
    .sort(([left], [right]) => (left < right ? -1 : 1))
    .map(([code, list]) => `  '${code}': ${JSON.stringify(list.sort())},`);
  const module = [
    '// Generated by data/sources/census-occ-index/extract.ts from the Census Bureau\'s 2022 alphabetical index of occupations',
    '// (public domain; the index part of its split, see data/sources/census-occ-index/README.md); do not edit.',
    '/** Official job titles of the Census index that the catalog lacks, by the O*NET occupation of their SOC 2018 code. */',
    'export const CENSUS_TITLES: Readonly<Record<string, readonly string[]>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
  return { text: module, counts };
}

/** Every file the split writes, by its path in the repository, with what it holds (for the log). */
export async function censusSplitFiles(): Promise<{ path: string; text: string; summary: string }[]> {
  const heldOut = queryFile('heldout', 'Held out: never read by the index, never tuned on, misses never listed.');
  const tuning = queryFile('tuning', 'Tuning: never read by the index; its misses may be listed and looked at.');
  const module = await censusTitlesModule();
  return [
    { path: 'bench/queries/census-titles-heldout.tsv', text: heldOut.text, summary: `${heldOut.count} titles` },
    { path: 'bench/queries/census-titles-tuning.tsv', text: tuning.text, summary: `${tuning.count} titles` },
    { path: 'src/features/search/census-titles.ts', text: module.text, summary: JSON.stringify(module.counts) },
  ];
}

if (import.meta.main) {
  for (const file of await censusSplitFiles()) {
    writeFileSync(join(root, file.path), file.text);
    console.log(`${file.path}: ${file.summary}`);
  }
}
