/**
 * Splits the Census occupation index (census-index.ts) and writes the held-out and tuning titles to
 * bench/queries/census-titles-heldout.tsv and bench/queries/census-titles-tuning.tsv: each title with
 * the detailed SOC 2018 codes the index gives it. Titles whose rows name an aggregate code only in
 * part ("A operator": 43-2021 in one industry, 51-91XX elsewhere) or only aggregates are left out:
 * no single occupation list is their right answer.
 * Run: npx node data/sources/census-occ-index/extract.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCensusTitles, type CensusTitle } from './census-index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const titles = readCensusTitles();
const byTitle = (left: CensusTitle, right: CensusTitle) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0);

function writeQueries(name: string, part: CensusTitle['part'], purpose: string): void {
  const rows = titles.filter((item) => item.part === part && !item.aggregate && item.socCodes.length > 0).sort(byTitle);
  const header = [
    `# ${purpose}`,
    '# Census Bureau, 2022 alphabetical index of occupations (data/sources/census-occ-index/), split by census-index.ts.',
    '# Written by data/sources/census-occ-index/extract.ts; do not edit. Columns: title, SOC 2018 codes (any is right).',
  ];
  writeFileSync(join(root, 'bench', 'queries', name), `${[...header, ...rows.map((item) => `${item.title}\t${item.socCodes.join(',')}`)].join('\n')}\n`);
  console.log(`${name}: ${rows.length} titles`);
}

writeQueries('census-titles-heldout.tsv', 'heldout', 'Held out: never read by the index, never tuned on, misses never listed.');
writeQueries('census-titles-tuning.tsv', 'tuning', 'Tuning: never read by the index; its misses may be listed and looked at.');
