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
import { withCensusTitles, withEscoTitles } from '../../../src/features/search/added-titles.ts';
import { loadSearchEntries } from '../../../src/features/search/search-entries.ts';
import { buildSearchIndex, type SearchEntry, searchTitles } from '../../../src/features/search/search-index.ts';
import { readCensusTitles } from '../census-occ-index/census-index.ts';
import { benchmarkKeys, displayTitle, wholeTitleKeys } from '../census-occ-index/extract.ts';
import { type NarrowerEscoOccupation, readNarrowerEscoOccupations } from '../esco-hierarchy/esco-narrower.ts';
import { type EscoOccupation, parseCsv, readEscoOccupations } from './esco-occupations.ts';

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

/** What the labelling pass needs besides the occupations: the catalog and the keys it must leave out. */
interface LabelContext {
  catalogCodes: ReadonlySet<string | null>;
  known: ReadonlySet<string>;
  benchmark: ReadonlySet<string>;
  censusKept: ReadonlySet<string>;
  onet2019: ReadonlyMap<string, string>;
}

/** The catalog occupation an ESCO occupation's labels go to, or undefined when its match is weak or leads to none. */
function targetOf(occupation: EscoOccupation, context: LabelContext): string | undefined {
  const code = context.onet2019.get(occupation.onet2010Code);
  return occupation.confidence >= MIN_CONFIDENCE && code !== undefined && context.catalogCodes.has(code) ? code : undefined;
}

/**
 * A label (preferred or alternative) of an occupation is learned under its target when every ESCO
 * occupation using it leads to that same target, and it is not word for word a catalog title or a
 * Census title the index already learns, nor a query of a benchmark (BLS, our held-out set, the error
 * classes, the colloquial set, the Census held-out and tuning parts).
 */
function learnLabels(occupations: readonly EscoOccupation[], context: LabelContext, refused: ReadonlySet<string> = new Set()): { byCode: Map<string, string[]>; counts: Record<string, number> } {
  const counts = { occupations: 0, refused: 0, lowConfidence: 0, unmapped: 0, labels: 0, verbatim: 0, benchmark: 0, heldOut: 0, ambiguous: 0, unmappedLabels: 0, kept: 0 };
  const targetsOfKey = new Map<string, Set<string>>();
  const labelOfKey = new Map<string, string>();
  for (const occupation of occupations) {
    counts.occupations += 1;
    const target = refused.has(occupation.uri) ? undefined : targetOf(occupation, context);
    if (refused.has(occupation.uri)) counts.refused += 1;
    else if (occupation.confidence < MIN_CONFIDENCE) counts.lowConfidence += 1;
    else if (target === undefined) counts.unmapped += 1;
    for (const label of [occupation.preferredLabel, ...occupation.altLabels]) {
      const key = verbatimKey(label);
      if (key === '') continue;
      // Every occupation that uses a label votes, even one left out, so a label two jobs share is never given to one of them.
      targetsOfKey.set(key, (targetsOfKey.get(key) ?? new Set()).add(target ?? `unmapped ${occupation.uri}`));
      if (!labelOfKey.has(key)) labelOfKey.set(key, label.replace(/\s+/g, ' '));
    }
  }
  const byCode = new Map<string, string[]>();
  for (const [key, targets] of targetsOfKey) {
    counts.labels += 1;
    const [target = ''] = targets;
    if (context.known.has(key)) counts.verbatim += 1;
    else if (context.benchmark.has(key)) counts.benchmark += 1;
    else if (context.censusKept.has(key)) counts.heldOut += 1;
    else if (targets.size > 1) counts.ambiguous += 1;
    else if (target.startsWith('unmapped')) counts.unmappedLabels += 1;
    else {
      counts.kept += 1;
      byCode.set(target, [...(byCode.get(target) ?? []), displayTitle(labelOfKey.get(key) ?? '')]);
    }
  }
  return { byCode, counts };
}

/** How far down the answers to a narrower occupation's own name its inherited occupation may be and still count as agreeing. */
export const AGREEMENT_RANK = 3;

/** An inherited match is one step less certain than the level-5 match it comes from, so only Nesta's highest confidence is passed down. */
export const NARROWER_MIN_CONFIDENCE = 2;

/**
 * A narrower occupation only inherits its level-5 occupation's match, and ESCO sometimes files under one
 * level-5 occupation jobs O*NET splits ("adult literacy teacher" under the special needs teacher). It is
 * kept when its level-5 match has NARROWER_MIN_CONFIDENCE and the index without it (catalog, Census
 * titles, level-5 labels) already ranks the inherited occupation among the first AGREEMENT_RANK answers
 * to its preferred label: the two sources agree.
 */
function agreeingNarrower(narrower: readonly NarrowerEscoOccupation[], entries: readonly SearchEntry[], level5Titles: Map<string, string[]>, context: LabelContext): Set<string> {
  const index = buildSearchIndex(withEscoTitles(withCensusTitles(entries), Object.fromEntries(level5Titles)));
  const agreeing = narrower.filter((occupation) => {
    const target = targetOf(occupation, context);
    if (target === undefined || occupation.confidence < NARROWER_MIN_CONFIDENCE) return false;
    return searchTitles(index, occupation.preferredLabel, { limit: AGREEMENT_RANK }).results.some((answer) => answer.onetCode === target);
  });
  return new Set(agreeing.map((occupation) => occupation.uri));
}

/**
 * The ESCO labels the index learns (learnLabels): those of the level-5 occupations Nesta's crosswalk
 * matches and, with learnNarrower, those of their narrower occupations that agree with the inherited
 * match (agreeingNarrower). The shipped module is written without them: bench/README.md, round 7,
 * measured them and the tuning sets did not support them (ADR 0039); without learnNarrower the
 * narrower occupations are not read, and the module is ADR 0036's.
 */
export async function escoTitlesModule(learnNarrower = false): Promise<{ text: string; counts: Record<string, number> }> {
  const entries = await loadSearchEntries(root);
  const context: LabelContext = {
    catalogCodes: new Set(entries.filter((entry) => !entry.expert && entry.onetCode !== null).map((entry) => entry.onetCode)),
    known: new Set([...catalogTitleKeys(entries), ...wholeTitleKeys(entries), ...Object.values(CENSUS_TITLES).flat().map(verbatimKey)]),
    benchmark: benchmarkKeys(),
    censusKept: new Set(readCensusTitles().filter((item) => item.part !== 'index').map((item) => item.key)),
    onet2019: onet2019Of(),
  };
  const level5 = readEscoOccupations();
  let learned = learnLabels(level5, context);
  if (learnNarrower) {
    const narrower = readNarrowerEscoOccupations(level5);
    const agreeing = agreeingNarrower(narrower, entries, learned.byCode, context);
    const refused = new Set(narrower.filter((occupation) => !agreeing.has(occupation.uri)).map((occupation) => occupation.uri));
    learned = learnLabels([...level5, ...narrower], context, refused);
  }
  const { byCode, counts } = learned;
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
  const module = await escoTitlesModule(process.argv.includes('--narrower'));
  writeFileSync(join(root, ESCO_TITLES_PATH), module.text);
  console.log(`${ESCO_TITLES_PATH}: ${JSON.stringify(module.counts)}`);
}
