/**
 * Where the data-derived baseline (method 2) loses rank agreement with the published exposure indices (issue 11):
 * decomposes the score into its layers, gives each layer's Spearman ρ with each index, adds the layers one at a time
 * to show what each does to ρ, and lists the occupations whose rank disagrees most with GPT-4 β and Felten AIOE and
 * which layer moved them, and the baselines whose zone differs from the one the indices' mean rank would give. Reads only
 * the committed catalog; prints Markdown.
 *
 *   node bench/baseline-rank-agreement.ts [--catalog <folder holding catalog/>] [--top <n>]
 */
import { join } from 'node:path';
import { methodologyOf, scoreAssessment, type Assessment } from '../src/methodology/index.ts';
import { readJsonLines, REPOSITORY_ROOT } from '../src/data-pipeline/committed-catalog.ts';
import { BaselineRecordSchema, OccupationRecordSchema } from '../src/data-pipeline/catalog-records.ts';
import { averageRanks, spearman } from '../src/data-pipeline/report/spearman.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? (args[at + 1] as string) : fallback;
};
const root = option('--catalog', REPOSITORY_ROOT);
const top = Math.min(50, Math.max(1, Number.parseInt(option('--top', '15'), 10) || 15));

const baselines = await readJsonLines(join(root, 'catalog', 'baselines.jsonl'), BaselineRecordSchema);
const occupations = new Map((await readJsonLines(join(root, 'catalog', 'occupations.jsonl'), OccupationRecordSchema)).map((record) => [record.onetCode, record]));

const INDICES = [
  ['eloundou-2023-human-beta', 'human β'],
  ['eloundou-2023-gpt4-beta', 'GPT-4 β'],
  ['felten-2021-aioe', 'AIOE'],
  ['felten-2023-lm-aioe', 'LM-AIOE'],
  ['microsoft-2025-ai-applicability', 'Microsoft'],
] as const;
type IndexKey = (typeof INDICES)[number][0];

const GPT4_LEVEL = /GPT-4: T(\d)/;
/** The task layer as GPT-4's automation level alone would score it (no human cap, no physical automation). */
function gpt4OnlyExposure(assessment: Assessment): number {
  return assessment.tasks.reduce((total, task) => {
    const level = GPT4_LEVEL.exec(task.rationale ?? '');
    if (!level) throw new Error(`${assessment.role.title}: task without a GPT-4 level: ${task.name}`);
    return total + (task.share * (Number(level[1]) + 1)) / 100;
  }, 0);
}
/** The task layer without the physical-automation lift: each lifted task back to its label-based score. */
function withoutPhysicalExposure(assessment: Assessment): number {
  return assessment.tasks.reduce((total, task) => {
    const text = task.rationale ?? '';
    let score = task.score;
    if (/Score: .*: \d\.$/.test(text) && !/caps at \d\.$/.test(text)) {
      const cap = /caps at (\d)/.exec(text);
      const level = Number((GPT4_LEVEL.exec(text) as RegExpExecArray)[1]) + 1;
      score = cap ? Math.min(level, Number(cap[1])) : level;
    }
    return total + (task.share * score) / 100;
  }, 0);
}

interface Row {
  code: string;
  title: string;
  score: number;
  x: number;
  xGpt4: number;
  xNoPhysical: number;
  barriers: Record<string, number>;
  evidence: Record<string, number>;
  growth: number;
  index: Partial<Record<IndexKey, number>>;
}

const rows: Row[] = baselines.map(({ onetCode, assessment }) => {
  const result = scoreAssessment(assessment, methodologyOf(assessment.methodology));
  const indices = occupations.get(onetCode)?.indices ?? [];
  return {
    code: onetCode,
    title: assessment.role.title,
    score: result.score,
    x: result.taskExposure,
    xGpt4: gpt4OnlyExposure(assessment),
    xNoPhysical: withoutPhysicalExposure(assessment),
    barriers: Object.fromEntries(Object.entries(assessment.barriers).map(([key, value]) => [key, value.score])),
    evidence: Object.fromEntries(Object.entries(assessment.evidence).map(([key, value]) => [key, value.score])),
    growth: assessment.growth.score,
    index: Object.fromEntries(indices.map((item) => [item.index, item.value])),
  };
});

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
/** log of the raw formula: the score is a monotone function of it, so ranks follow it (ties at 0.1 aside). */
const logParts = (row: Row) => ({
  tasks: Math.log(6 - row.x),
  barriers: Math.log(1 + 0.02 * sum(row.barriers)),
  evidence: Math.log(1 + 0.04 * sum(row.evidence)),
  growth: Math.log(1 + 0.05 * row.growth),
});

const rho = (pick: (row: Row) => number, key: IndexKey): number => {
  const pairs = rows.filter((row) => row.index[key] !== undefined);
  return spearman(pairs.map(pick), pairs.map((row) => -(row.index[key] as number))) ?? Number.NaN;
};
const fmt = (value: number) => (Number.isNaN(value) ? 'n/a' : value.toFixed(3));
const line = (label: string, pick: (row: Row) => number) => `| ${label} | ${INDICES.map(([key]) => fmt(rho(pick, key))).join(' | ')} |`;
const header = (first: string) => [`| ${first} | ${INDICES.map(([, name]) => name).join(' | ')} |`, `|---|${INDICES.map(() => '---:').join('|')}|`];

const out: string[] = ['# Rank agreement of the method-2 baselines with the exposure indices', ''];
out.push('Spearman ρ with each index; every layer is signed so that negative means it ranks resistance the way the index ranks shelter.', '');
out.push('## Each layer alone', '', ...header('Layer'));
out.push(line('score', (row) => row.score));
out.push(line('task layer (6 − X)', (row) => -row.x));
out.push(line('task layer, GPT-4 level alone', (row) => -row.xGpt4));
out.push(line('task layer, no physical-automation lift', (row) => -row.xNoPhysical));
out.push(line('barriers, total', (row) => sum(row.barriers)));
for (const key of Object.keys(rows[0]?.barriers ?? {})) out.push(line(`barrier ${key}`, (row) => row.barriers[key] as number));
out.push(line('evidence, total', (row) => sum(row.evidence)));
for (const key of Object.keys(rows[0]?.evidence ?? {})) out.push(line(`evidence ${key}`, (row) => row.evidence[key] as number));
out.push(line('growth correlation', (row) => row.growth));

out.push('', '## Layers added one at a time (log of the raw formula)', '', ...header('Layers'));
type Part = (row: Row) => number;
const barrier = (key: string) => (row: Row) => Math.log(1 + 0.02 * (row.barriers[key] as number));
const evidenceOf = (key: string) => (row: Row) => 0.04 * (row.evidence[key] as number);
const steps: [string, Part][] = [
  ['tasks', (row) => logParts(row).tasks],
  ['+ physical presence', barrier('physical')],
  ['+ cultural', barrier('cultural')],
  ['+ regulatory', barrier('regulatory')],
  ['+ liability', barrier('liability')],
  ['+ union', barrier('union')],
  ['+ expert consensus', evidenceOf('expertConsensus')],
  ['+ job postings (projections)', evidenceOf('jobPostings')],
  ['+ wages', evidenceOf('wages')],
  ['+ tool maturity', evidenceOf('toolMaturity')],
  ['+ growth correlation', (row) => Math.log(1 + 0.05 * row.growth)],
];
let cumulative: Part = () => 0;
for (const [label, part] of steps) {
  const previous = cumulative;
  cumulative = (row) => previous(row) + part(row);
  const now = cumulative;
  out.push(line(label, now));
}

/** Per occupation: rank of resistance against rank of shelter by one index, and how each layer moved the rank. */
function disagreements(key: IndexKey) {
  const covered = rows.filter((row) => row.index[key] !== undefined);
  const n = covered.length;
  const pct = (values: number[]) => averageRanks(values).map((rank) => (100 * (rank - 0.5)) / n);
  const shelter = pct(covered.map((row) => -(row.index[key] as number)));
  const scoreRank = pct(covered.map((row) => row.score));
  const layerSets: [string, (row: Row) => number][] = [
    ['tasks', (row) => logParts(row).tasks],
    ['barriers', (row) => logParts(row).tasks + logParts(row).barriers],
    ['evidence', (row) => logParts(row).tasks + logParts(row).barriers + logParts(row).evidence],
    ['growth', (row) => logParts(row).tasks + logParts(row).barriers + logParts(row).evidence + logParts(row).growth],
  ];
  const cumulativeRanks = layerSets.map(([name, pick]) => [name, pct(covered.map(pick))] as const);
  const gapSquares = cumulativeRanks.map(([name, ranks]) => [name, ranks.reduce((total, rank, at) => total + (rank - (shelter[at] as number)) ** 2, 0)] as const);
  return {
    gapSquares,
    rows: covered.map((row, at) => {
      const moves = cumulativeRanks.map(([name, ranks], step) => [name, step === 0 ? (ranks[at] as number) - (shelter[at] as number) : (ranks[at] as number) - ((cumulativeRanks[step - 1] as (typeof cumulativeRanks)[number])[1][at] as number)] as const);
      return { row, gap: (scoreRank[at] as number) - (shelter[at] as number), shelter: shelter[at] as number, resistance: scoreRank[at] as number, moves };
    }),
  };
}

const drivers = (row: Row) => {
  const notes: string[] = [];
  notes.push(`X ${row.x.toFixed(2)} (GPT-4 alone ${row.xGpt4.toFixed(2)}${row.xNoPhysical !== row.x ? `, without physical lift ${row.xNoPhysical.toFixed(2)}` : ''})`);
  notes.push(`B ${sum(row.barriers)} [${Object.entries(row.barriers).map(([key, value]) => `${key.slice(0, 3)} ${value}`).join(', ')}]`);
  notes.push(`E ${sum(row.evidence)} [${Object.entries(row.evidence).filter(([, value]) => value !== 0).map(([key, value]) => `${key} ${value > 0 ? '+' : ''}${value}`).join(', ')}]`);
  if (row.growth !== 0) notes.push(`G ${row.growth}`);
  return notes.join('; ');
};

for (const [key, name] of INDICES.filter(([key]) => key === 'eloundou-2023-gpt4-beta' || key === 'felten-2021-aioe')) {
  const { gapSquares, rows: ranked } = disagreements(key);
  out.push('', `## Rank disagreement with ${name}`, '');
  out.push('Sum of squared percentile-rank gaps (resistance rank − shelter rank) as the layers are added (smaller = closer; ρ ≈ 1 − 6·Σd²/n³ in ranks):', '');
  out.push(`| after | ${gapSquares.map(([label]) => label).join(' | ')} |`, `|---|${gapSquares.map(() => '---:').join('|')}|`, `| Σd² (pct²) | ${gapSquares.map(([, value]) => value.toFixed(0)).join(' | ')} |`);
  for (const [direction, sign] of [
    ['baseline more resistant than the index says', 1],
    ['baseline more exposed than the index says', -1],
  ] as const) {
    out.push('', `### ${direction}`, '', '| O*NET-SOC | Occupation | AIJRI | resistance pct | shelter pct | gap | tasks | barriers | evidence | growth | inputs |', '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const item of [...ranked].sort((a, b) => sign * (b.gap - a.gap)).slice(0, top))
      out.push(
        `| ${item.row.code} | ${item.row.title} | ${item.row.score.toFixed(1)} | ${item.resistance.toFixed(0)} | ${item.shelter.toFixed(0)} | ${item.gap.toFixed(0)} | ${item.moves.map(([, move]) => move.toFixed(0)).join(' | ')} | ${drivers(item.row)} |`,
      );
  }
}

/**
 * Zones against the modern indices taken together: each index read as a percentile rank among the occupations it covers,
 * averaged over the indices that cover the occupation; the catalog's own scores are then dealt out in that order, so an
 * occupation gets the zone the indices' mean rank would give it. Listed: where that zone differs, largest rank gap first.
 */
function zoneDisagreements() {
  const percentileOf = new Map<string, number[]>();
  for (const [key] of INDICES) {
    const covered = rows.filter((row) => row.index[key] !== undefined);
    const ranks = averageRanks(covered.map((row) => row.index[key] as number));
    covered.forEach((row, at) => percentileOf.set(row.code, [...(percentileOf.get(row.code) ?? []), (100 * ((ranks[at] as number) - 0.5)) / covered.length]));
  }
  const covered = rows.filter((row) => percentileOf.has(row.code));
  const meanExposure = (row: Row) => {
    const values = percentileOf.get(row.code) as number[];
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  const n = covered.length;
  const byShelter = [...covered].sort((a, b) => meanExposure(b) - meanExposure(a) || a.code.localeCompare(b.code));
  const scores = covered.map((row) => row.score).sort((a, b) => a - b);
  const zoneOf = (score: number) => (score >= 48 ? 'Green' : score >= 25 ? 'Yellow' : 'Red');
  const scoreRank = new Map(averageRanks(covered.map((row) => row.score)).map((rank, at) => [(covered[at] as Row).code, (100 * (rank - 0.5)) / n]));
  return byShelter
    .map((row, at) => ({ row, zone: zoneOf(row.score), indexZone: zoneOf(scores[at] as number), gap: (scoreRank.get(row.code) as number) - (100 * (at + 0.5)) / n, exposure: meanExposure(row) }))
    .filter((item) => item.zone !== item.indexZone)
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || a.row.code.localeCompare(b.row.code));
}

const zoneList = zoneDisagreements();
out.push('', '## Zones against the mean rank of the modern indices', '');
out.push(`${zoneList.length} baselines sit in another zone than the catalog's scores dealt out in the order of the indices' mean exposure rank would give them; the ${top} largest rank gaps (positive: the baseline more resistant than the indices say):`, '');
out.push('| O*NET-SOC | Occupation | AIJRI | zone | zone by the indices | mean exposure pct | gap | inputs |', '|---|---|---:|---|---|---:|---:|---|');
for (const item of zoneList.slice(0, top))
  out.push(`| ${item.row.code} | ${item.row.title} | ${item.row.score.toFixed(1)} | ${item.zone} | ${item.indexZone} | ${item.exposure.toFixed(0)} | ${item.gap.toFixed(0)} | ${drivers(item.row)} |`);

console.log(out.join('\n'));
