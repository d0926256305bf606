/**
 * Search quality: top-1 and top-3 accuracy on O*NET's reported job titles (each one's occupation
 * is the expected answer), on held-out official titles (bench/queries/official-titles-heldout.tsv),
 * on the labelled error classes of issue 15 (bench/queries/title-error-classes.tsv, per class) and
 * on bench/queries/colloquial.tsv. Run: npm run bench:search-quality (add --misses to list the
 * queries that missed; the held-out set's misses are never listed, so nobody tunes on them).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../src/data-pipeline/committed-catalog.ts';
import { buildSearchIndex, searchTitles, type SearchIndex } from '../src/features/search/search-index.ts';
import { normalizeText } from '../src/features/search/search-text.ts';
import { loadBenchEntries, ONET_FOLDER, readTsv, withoutKind } from './search-bench-data.ts';
import { isCodingNoteTitle } from '../data/sources/census-occ-index/census-index.ts';
import { loadCensusSet } from './search-census.ts';
import { indexTitleKeys, loadDmtfSets, verbatimKey, type DmtfCase } from './search-dmtf.ts';

interface Case {
  query: string;
  /** The expected code, or NOT_IN_CATALOG when the search should say the title has no civilian occupation. */
  expected: string;
  /** Every code the same query is a right answer for (a reported title can belong to several occupations). */
  acceptable: ReadonlySet<string>;
  /** True when a hit on any acceptable code counts as right (the hand-written sets list every right answer). */
  anyCounts?: boolean;
}

interface Figures {
  cases: number;
  top1: number;
  top3: number;
  top1Acceptable: number;
  misses: { query: string; expected: string; got: string }[];
}

const NOT_IN_CATALOG = 'none';

function measure(index: SearchIndex, cases: readonly Case[]): Figures {
  const figures: Figures = { cases: cases.length, top1: 0, top3: 0, top1Acceptable: 0, misses: [] };
  for (const item of cases) {
    const { results, notInCatalog } = searchTitles(index, item.query, { limit: 3 });
    const codes = results.map((result) => result.onetCode);
    if (item.expected === NOT_IN_CATALOG) {
      // Right only when the search says plainly that the title has no civilian occupation.
      const said = notInCatalog !== null;
      if (said) [figures.top1, figures.top3, figures.top1Acceptable] = [figures.top1 + 1, figures.top3 + 1, figures.top1Acceptable + 1];
      else figures.misses.push({ query: item.query, expected: 'not in the catalog', got: results[0] ? `${results[0].onetCode} ${results[0].title}` : 'nothing' });
      continue;
    }
    const right = (code: string | null | undefined) => code !== undefined && code !== null && item.acceptable.has(code);
    if (codes[0] === item.expected || (item.anyCounts && right(codes[0]))) figures.top1 += 1;
    if (codes.includes(item.expected) || (item.anyCounts && codes.some(right))) figures.top3 += 1;
    if (right(codes[0])) figures.top1Acceptable += 1;
    if (notInCatalog !== null) figures.misses.push({ query: item.query, expected: item.expected, got: `not in the catalog (${notInCatalog.reason})` });
    else if (!(codes[0] === item.expected || (item.anyCounts && right(codes[0])))) {
      const first = results[0];
      figures.misses.push({ query: item.query, expected: item.expected, got: first ? `${first.onetCode} ${first.title} (via "${first.matchedTitle}", ${first.score})` : 'nothing' });
    }
  }
  return figures;
}

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;

function report(label: string, figures: Figures, showMisses: boolean): void {
  console.log(
    `${label}: ${figures.cases} queries  top-1 ${percent(figures.top1, figures.cases)}  top-3 ${percent(figures.top3, figures.cases)}  top-1 any right occupation ${percent(figures.top1Acceptable, figures.cases)}`,
  );
  if (showMisses) for (const miss of figures.misses) console.log(`  miss  ${miss.query}  expected ${miss.expected}  got ${miss.got}`);
}

async function reportedCases(knownCodes: ReadonlySet<string>): Promise<{ cases: Case[]; skipped: number; ceiling: number }> {
  const rows = (await readTsv(join(ONET_FOLDER, 'reported-titles.tsv'))).map(([code = '', title = '']) => ({ code, title }));
  const codesByTitle = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = normalizeText(row.title);
    codesByTitle.set(key, (codesByTitle.get(key) ?? new Set()).add(row.code));
  }
  const kept = rows.filter((row) => knownCodes.has(row.code));
  const cases = kept.map((row) => ({ query: row.title, expected: row.code, acceptable: codesByTitle.get(normalizeText(row.title)) ?? new Set([row.code]) }));
  // A title reported for n occupations can be right for only one of its n rows at top-1.
  const ceiling = cases.filter((item) => item.acceptable.size === 1).length + [...codesByTitle.values()].filter((codes) => codes.size > 1).length;
  return { cases, skipped: rows.length - kept.length, ceiling: Math.min(cases.length, ceiling) };
}

async function colloquialCases(): Promise<Case[]> {
  const text = await readFile(join(REPOSITORY_ROOT, 'bench', 'queries', 'colloquial.tsv'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [query = '', expected = ''] = line.split('\t');
      return { query, expected, acceptable: new Set([expected]) };
    });
}

async function readQueryFile(name: string): Promise<string[][]> {
  const text = await readFile(join(REPOSITORY_ROOT, 'bench', 'queries', name), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.replace(/\r$/, '').split('\t'));
}

function listedCase(query: string, codes: string): Case {
  const acceptable = new Set(codes.split(',').map((code) => code.trim()));
  return { query, expected: [...acceptable][0] ?? '', acceptable, anyCounts: true };
}

/** The held-out official titles, and the strict subset that is not word for word a title of the index under any occupation. */
async function heldOutCases(index: SearchIndex): Promise<{ cases: Case[]; strict: Case[] }> {
  const cases = (await readQueryFile('official-titles-heldout.tsv')).map(([query = '', codes = '']) => listedCase(query, codes));
  const known = indexTitleKeys(index);
  return { cases, strict: cases.filter((item) => !known.has(verbatimKey(item.query))) };
}

/**
 * The held-out set counted with one more rule: an answer is also right when the query is, word for
 * word, one of that occupation's own titles (O*NET files the title there). Reported beside the
 * primary figures, never instead of them; the set's labels stay as written.
 */
function filedUnderFigures(index: SearchIndex, cases: readonly Case[]): { cases: number; top1: number; top3: number } {
  const keysByCode = new Map<string, Set<string>>();
  for (const entry of index.entries) {
    if (entry.onetCode === null) continue;
    const keys = keysByCode.get(entry.onetCode) ?? new Set<string>();
    for (const title of [entry.title, ...entry.titles.map((item) => item.text)]) keys.add(verbatimKey(title));
    keysByCode.set(entry.onetCode, keys);
  }
  const figures = { cases: cases.length, top1: 0, top3: 0 };
  for (const item of cases) {
    const key = verbatimKey(item.query);
    const right = (code: string | null) => code !== null && (item.acceptable.has(code) || (keysByCode.get(code)?.has(key) ?? false));
    const codes = searchTitles(index, item.query, { limit: 3 }).results.map((result) => result.onetCode);
    if (right(codes[0] ?? null)) figures.top1 += 1;
    if (codes.some(right)) figures.top3 += 1;
  }
  return figures;
}

async function errorClassCases(): Promise<Map<string, Case[]>> {
  const byClass = new Map<string, Case[]>();
  for (const [label = '', query = '', codes = ''] of await readQueryFile('title-error-classes.tsv')) {
    byClass.set(label, [...(byClass.get(label) ?? []), listedCase(query, codes)]);
  }
  return byClass;
}

async function main(): Promise<void> {
  const showMisses = process.argv.includes('--misses');
  const { entries, source } = await loadBenchEntries();
  console.log(`search quality — titles from ${source}`);
  const full = buildSearchIndex(entries);
  const heldOut = buildSearchIndex(withoutKind(entries, 'reported'));
  const knownCodes = new Set(entries.map((entry) => entry.onetCode ?? ''));
  const reported = await reportedCases(knownCodes);
  console.log(
    `reported titles: ${reported.cases.length} rows (${reported.skipped} skipped: occupation not in the index); best possible top-1 ${percent(reported.ceiling, reported.cases.length)} because some titles are reported for several occupations`,
  );
  report('reported titles, with reported titles in the index', measure(full, reported.cases), false);
  report('reported titles, held out (index without reported titles)', measure(heldOut, reported.cases), showMisses);
  const heldOutTitles = await heldOutCases(full);
  report('held-out official titles (bench/queries/official-titles-heldout.tsv)', measure(full, heldOutTitles.cases), false);
  report('held-out official titles, strict: not word for word an index title', measure(full, heldOutTitles.strict), false);
  const filed = filedUnderFigures(full, heldOutTitles.cases);
  console.log(
    `  secondary rule, not the primary figure: a title that is word for word an O*NET title of the occupation answered also counts: top-1 ${percent(filed.top1, filed.cases)}  top-3 ${percent(filed.top3, filed.cases)}`,
  );
  const dmtf = await loadDmtfSets(full, entries);
  console.log(
    `BLS SOC 2018 direct match titles: ${dmtf.rows} rows; ${dmtf.verbatim} left out as word for word an index title, ${dmtf.unmapped} as a SOC code with no occupation in the index`,
  );
  const dmtfCase = (item: DmtfCase): Case => ({ query: item.query, expected: [...item.acceptable][0] ?? '', acceptable: item.acceptable, anyCounts: true });
  report('BLS direct match titles, unseen, tuning half', measure(full, dmtf.tuning.map(dmtfCase)), showMisses);
  report('BLS direct match titles, unseen, held-out half (never listed)', measure(full, dmtf.heldOut.map(dmtfCase)), false);
  for (const [name, label, listed] of [
    ['census-titles-tuning.tsv', 'Census 2022 index titles, unseen, tuning part', showMisses],
    ['census-titles-heldout.tsv', 'Census 2022 index titles, unseen, held-out part (never listed)', false],
  ] as const) {
    const census = await loadCensusSet(name, entries);
    console.log(`${label}: ${census.titles} titles; ${census.verbatim} left out as word for word a catalog title, ${census.unmapped} as no SOC code with an occupation in the index`);
    report(label, measure(full, census.cases.map(dmtfCase)), listed);
    // The coder's notes ("Mechanic tractor exc garden", "… bachelors degree or higher") are nobody's title as typed.
    report(`  of which plain titles (no coding notes)`, measure(full, census.cases.filter((item) => !isCodingNoteTitle(item.query)).map(dmtfCase)), false);
  }
  const classes = await errorClassCases();
  const allClasses = [...classes.values()].flat();
  report('error classes of issue 15, all (bench/queries/title-error-classes.tsv)', measure(full, allClasses), showMisses);
  for (const [label, cases] of classes) report(`  class ${label}`, measure(full, cases), false);
  const colloquial = await colloquialCases();
  report('colloquial queries (bench/queries/colloquial.tsv)', measure(full, colloquial), showMisses);
  report('colloquial queries, index without reported titles', measure(heldOut, colloquial), false);
}

await main();
