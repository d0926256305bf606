/**
 * Writes src/features/search/esco-titles.ts: the English labels of ESCO occupations (esco-occupations.ts)
 * that the search index may learn, each under the one O*NET occupation of the catalog that Nesta's
 * crosswalk and O*NET's own 2010 → 2019 crosswalk lead to.
 * Run: npx node data/sources/esco-onet/extract.ts (bench/search-esco.test.ts checks the committed module
 * equals what it writes, so a change to the catalog's titles or to the rule shows up as a failing test).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogTitleKeys } from '../../../bench/search-census.ts';
import { verbatimKey } from '../../../bench/search-dmtf.ts';
import { CENSUS_TITLES } from '../../../src/features/search/census-titles.ts';
import { loadSearchEntries } from '../../../src/features/search/search-entries.ts';
import { readCensusTitles } from '../census-occ-index/census-index.ts';
import { benchmarkKeys, displayTitle, wholeTitleKeys } from '../census-occ-index/extract.ts';
import { parseCsv, readEscoOccupations } from './esco-occupations.ts';

const root = join(import.meta.dirname, '..', '..', '..');
/** O*NET's crosswalk between its 2010 and 2019 taxonomies, in the raw O*NET files beside the checkout. */
export const ONET_2010_TO_2019_FILE = join(root, '..', 'shared', 'data', 'onet', 'crosswalk-onet2010-to-onet2019.csv');

/** Nesta's lowest confidence (0.5) marks matches its authors assigned by hand where the automatic ones disagreed. */
export const MIN_CONFIDENCE = 1;

/** Each O*NET-SOC 2010 code that O*NET carries into exactly one 2019 code, with that code; codes split or merged into several are left out. */
function onet2019Of(): Map<string, string> {
  const targets = new Map<string, Set<string>>();
  for (const [from = '', , to = ''] of parseCsv(readFileSync(ONET_2010_TO_2019_FILE, 'utf8')).slice(1)) {
    if (from !== '' && to !== '') targets.set(from, (targets.get(from) ?? new Set()).add(to));
  }
  return new Map([...targets].filter(([, codes]) => codes.size === 1).map(([from, codes]) => [from, [...codes][0] ?? '']));
}

/**
 * The ESCO labels the index learns: a label (preferred or alternative) of an occupation matched with
 * confidence ≥ MIN_CONFIDENCE to an O*NET 2010 code that becomes one catalog occupation, whose every
 * ESCO occupation leads to that same catalog occupation, that is not word for word a catalog title or
 * a Census title the index already learns, and that is no query of a benchmark (BLS, our held-out set,
 * the error classes, the colloquial set, the Census held-out and tuning parts).
 */
export async function escoTitlesModule(): Promise<{ text: string; counts: Record<string, number> }> {
  const entries = await loadSearchEntries(root);
  const catalogCodes = new Set(entries.filter((entry) => !entry.expert && entry.onetCode !== null).map((entry) => entry.onetCode));
  const known = new Set([...catalogTitleKeys(entries), ...wholeTitleKeys(entries), ...Object.values(CENSUS_TITLES).flat().map(verbatimKey)]);
  const benchmark = benchmarkKeys();
  const censusKept = new Set(readCensusTitles().filter((item) => item.part !== 'index').map((item) => item.key));
  const onet2019 = onet2019Of();
  const counts = { occupations: 0, lowConfidence: 0, unmapped: 0, labels: 0, verbatim: 0, benchmark: 0, heldOut: 0, ambiguous: 0, unmappedLabels: 0, kept: 0 };
  const targetsOfKey = new Map<string, Set<string>>();
  const labelOfKey = new Map<string, string>();
  for (const occupation of readEscoOccupations()) {
    counts.occupations += 1;
    const code = onet2019.get(occupation.onet2010Code);
    const target = code !== undefined && catalogCodes.has(code) ? code : undefined;
    if (occupation.confidence < MIN_CONFIDENCE) counts.lowConfidence += 1;
    else if (target === undefined) counts.unmapped += 1;
    for (const label of [occupation.preferredLabel, ...occupation.altLabels]) {
      const key = verbatimKey(label);
      if (key === '') continue;
      // Every occupation that uses a label votes, even one left out, so a label two jobs share is never given to one of them.
      targetsOfKey.set(key, (targetsOfKey.get(key) ?? new Set()).add(occupation.confidence >= MIN_CONFIDENCE && target !== undefined ? target : `unmapped ${occupation.uri}`));
      if (!labelOfKey.has(key)) labelOfKey.set(key, label.replace(/\s+/g, ' '));
    }
  }
  const byCode = new Map<string, string[]>();
  for (const [key, targets] of targetsOfKey) {
    counts.labels += 1;
    const [target = ''] = targets;
    if (known.has(key)) counts.verbatim += 1;
    else if (benchmark.has(key)) counts.benchmark += 1;
    else if (censusKept.has(key)) counts.heldOut += 1;
    else if (targets.size > 1) counts.ambiguous += 1;
    else if (target.startsWith('unmapped')) counts.unmappedLabels += 1;
    else {
      counts.kept += 1;
      byCode.set(target, [...(byCode.get(target) ?? []), displayTitle(labelOfKey.get(key) ?? '')]);
    }
  }
  const lines = [...byCode.entries()]
    .sort(([left], [right]) => (left < right ? -1 : 1))
    .map(([code, list]) => `  '${code}': ${JSON.stringify(list.sort())},`);
  const text = [
    '// Generated by data/sources/esco-onet/extract.ts from ESCO occupation labels (© European Union, reused under Commission',
    '// Decision 2011/833/EU) and Nesta\'s ESCO → O*NET crosswalk (MIT); see data/sources/esco-onet/README.md. Do not edit.',
    '/** English ESCO occupation labels the catalog lacks, by the one O*NET occupation their ESCO occupation is matched to. */',
    'export const ESCO_TITLES: Readonly<Record<string, readonly string[]>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
  return { text, counts };
}

export const ESCO_TITLES_PATH = 'src/features/search/esco-titles.ts';

if (import.meta.main) {
  const module = await escoTitlesModule();
  writeFileSync(join(root, ESCO_TITLES_PATH), module.text);
  console.log(`${ESCO_TITLES_PATH}: ${JSON.stringify(module.counts)}`);
}
