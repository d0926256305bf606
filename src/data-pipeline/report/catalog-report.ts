import { methodologyOf, scoreAssessment, type Zone } from '../../methodology/index.ts';
import { INDEX_DEFINITIONS } from '../build/index-values.ts';
import { compareText } from '../build/slugs.ts';
import type { CommittedCatalog } from '../committed-catalog.ts';
import { spearman } from './spearman.ts';

/** One occupation as the report sees it. */
export interface ReportRow {
  onetCode: string;
  title: string;
  category: string;
  score: number;
  zone: Zone;
  label: string;
  /** Mean exposure percentile over the published indices covering the occupation. */
  meanIndexPercentile: number | null;
  /** Where the baseline ranks on resistance, 0 = least resistant, 100 = most. */
  resistancePercentile: number;
}

export interface IndexCorrelation {
  key: string;
  name: string;
  covered: number;
  rho: number | null;
  hasExpectedSign: boolean;
}

export interface CatalogReport {
  total: number;
  byZone: Record<Zone, number>;
  bySubLabel: { label: string; count: number }[];
  histogram: { from: number; to: number; count: number }[];
  mostResistant: ReportRow[];
  leastResistant: ReportRow[];
  correlations: IndexCorrelation[];
  /** Spearman's ρ between each pair of indices, over the occupations both cover (rows and columns in INDEX_DEFINITIONS order). */
  indexMatrix: (number | null)[][];
  /** Baseline says resistant, indices say exposed. */
  resistantButExposed: ReportRow[];
  /** Baseline says exposed, indices say sheltered. */
  exposedButSheltered: ReportRow[];
  byCategory: { category: string; count: number; meanScore: number; green: number; red: number }[];
  checks: ReportRow[];
}

/** Occupations a reader would use to judge the catalog at a glance. */
export const COMMON_SENSE_CODES = [
  '47-2181.00', // Roofers
  '47-2111.00', // Electricians
  '47-2152.00', // Plumbers
  '29-1141.00', // Registered Nurses
  '29-1242.00', // Orthopedic Surgeons, Except Pediatric
  '29-1215.00', // Family Medicine Physicians
  '31-1131.00', // Nursing Assistants
  '31-1122.00', // Personal Care Aides
  '39-9011.00', // Childcare Workers
  '35-2014.00', // Cooks, Restaurant
  '15-1252.00', // Software Developers
  '23-1011.00', // Lawyers
  '13-2011.00', // Accountants and Auditors
  '43-9021.00', // Data Entry Keyers
  '41-9041.00', // Telemarketers
  '43-4051.00', // Customer Service Representatives
  '43-3031.00', // Bookkeeping, Accounting, and Auditing Clerks
  '43-4171.00', // Receptionists and Information Clerks
  '53-3032.00', // Heavy and Tractor-Trailer Truck Drivers
  '27-3091.00', // Interpreters and Translators
];

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Computes the sanity report of a committed catalog: distributions, extremes, correlations with published indices and disagreements. */
export function computeCatalogReport(catalog: Pick<CommittedCatalog, 'occupations' | 'baselines'>, listLength = 15): CatalogReport {
  const occupations = new Map(catalog.occupations.map((record) => [record.onetCode, record]));
  const scored = catalog.baselines.map((baseline) => {
    const result = scoreAssessment(baseline.assessment, methodologyOf(baseline.assessment.methodology));
    const occupation = occupations.get(baseline.onetCode);
    const percentiles = (occupation?.indices ?? []).filter((value) => value.index !== 'eloundou-2023-gpt4-beta').map((value) => value.percentile);
    return {
      onetCode: baseline.onetCode,
      title: occupation?.title ?? baseline.assessment.role.title,
      category: occupation?.category ?? baseline.assessment.role.category,
      score: result.score,
      zone: result.zone,
      label: result.label,
      meanIndexPercentile: percentiles.length > 0 ? round1(percentiles.reduce((sum, value) => sum + value, 0) / percentiles.length) : null,
      indices: occupation?.indices ?? [],
    };
  });
  const sortedScores = [...scored].sort((a, b) => a.score - b.score);
  const rankOf = new Map<string, number>();
  sortedScores.forEach((row, index) => rankOf.set(row.onetCode, sortedScores.length > 1 ? round1((index / (sortedScores.length - 1)) * 100) : 50));
  const rows: ReportRow[] = scored.map(({ indices: _indices, ...row }) => ({ ...row, resistancePercentile: rankOf.get(row.onetCode) ?? 50 }));

  const byZone: Record<Zone, number> = { Green: 0, Yellow: 0, Red: 0 };
  const subLabels = new Map<string, number>();
  for (const row of rows) {
    byZone[row.zone] += 1;
    subLabels.set(row.label, (subLabels.get(row.label) ?? 0) + 1);
  }
  const histogram = Array.from({ length: 10 }, (_, bin) => ({
    from: bin * 10,
    to: bin * 10 + 10,
    count: rows.filter((row) => Math.min(9, Math.floor(row.score / 10)) === bin).length,
  }));
  const byScore = [...rows].sort((a, b) => b.score - a.score || compareText(a.onetCode, b.onetCode));

  const correlations = INDEX_DEFINITIONS.map((definition): IndexCorrelation => {
    const pairs = scored.flatMap((row) => row.indices.filter((value) => value.index === definition.key).map((value) => [row.score, value.value] as const));
    const rho = spearman(
      pairs.map((pair) => pair[0]),
      pairs.map((pair) => pair[1]),
    );
    return { key: definition.key, name: definition.name, covered: pairs.length, rho: rho === null ? null : Math.round(rho * 1000) / 1000, hasExpectedSign: rho !== null && rho < 0 };
  });

  const valueOf = (row: (typeof scored)[number], key: string) => row.indices.find((value) => value.index === key)?.value;
  const indexMatrix = INDEX_DEFINITIONS.map((a) =>
    INDEX_DEFINITIONS.map((b) => {
      const pairs = scored.flatMap((row) => {
        const x = valueOf(row, a.key);
        const y = valueOf(row, b.key);
        return x === undefined || y === undefined ? [] : [[x, y] as const];
      });
      const rho = spearman(
        pairs.map((pair) => pair[0]),
        pairs.map((pair) => pair[1]),
      );
      return rho === null ? null : Math.round(rho * 100) / 100;
    }),
  );

  const withIndices = rows.filter((row) => row.meanIndexPercentile !== null);
  // Disagreement: the baseline's resistance rank against the indices' shelter rank (100 − exposure).
  const gap = (row: ReportRow) => row.resistancePercentile - (100 - (row.meanIndexPercentile ?? 50));
  const resistantButExposed = [...withIndices].sort((a, b) => gap(b) - gap(a) || compareText(a.onetCode, b.onetCode)).slice(0, listLength);
  const exposedButSheltered = [...withIndices].sort((a, b) => gap(a) - gap(b) || compareText(a.onetCode, b.onetCode)).slice(0, listLength);

  const categories = new Map<string, ReportRow[]>();
  for (const row of rows) categories.set(row.category, [...(categories.get(row.category) ?? []), row]);
  const byCategory = [...categories]
    .map(([category, list]) => ({
      category,
      count: list.length,
      meanScore: round1(list.reduce((sum, row) => sum + row.score, 0) / list.length),
      green: list.filter((row) => row.zone === 'Green').length,
      red: list.filter((row) => row.zone === 'Red').length,
    }))
    .sort((a, b) => b.meanScore - a.meanScore || compareText(a.category, b.category));

  const rowByCode = new Map(rows.map((row) => [row.onetCode, row]));
  return {
    total: rows.length,
    byZone,
    bySubLabel: [...subLabels].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || compareText(a.label, b.label)),
    histogram,
    mostResistant: byScore.slice(0, listLength),
    leastResistant: byScore.slice(-listLength).reverse(),
    correlations,
    indexMatrix,
    resistantButExposed,
    exposedButSheltered,
    byCategory,
    checks: COMMON_SENSE_CODES.flatMap((code) => rowByCode.get(code) ?? []),
  };
}

const pct = (count: number, total: number) => `${total === 0 ? 0 : Math.round((count / total) * 100)}%`;
const cell = (text: string) => text.replace(/\|/g, '\\|');

function rowTable(rows: readonly ReportRow[]): string {
  return [
    '| O*NET-SOC | Occupation | AIJRI | Zone | Mean index exposure pct. |',
    '|---|---|---:|---|---:|',
    ...rows.map((row) => `| ${row.onetCode} | ${cell(row.title)} | ${row.score.toFixed(1)} | ${row.label} | ${row.meanIndexPercentile ?? '—'} |`),
  ].join('\n');
}

/** Renders the sanity report as Markdown. */
export function renderCatalogReport(report: CatalogReport): string {
  const { total, byZone } = report;
  const wrongSign = report.correlations.filter((item) => item.rho !== null && !item.hasExpectedSign);
  return `# Catalog sanity report

Generated by \`npx jobzone catalog report\` from the committed catalog (\`catalog/\`). Every score here is a
**data-derived baseline, not reviewed**; the mapping is described in [baseline-method.md](baseline-method.md).

## Zones

| Zone | Occupations | Share |
|---|---:|---:|
| Green (≥ 48) | ${byZone.Green} | ${pct(byZone.Green, total)} |
| Yellow (25–47.9) | ${byZone.Yellow} | ${pct(byZone.Yellow, total)} |
| Red (< 25) | ${byZone.Red} | ${pct(byZone.Red, total)} |
| **All** | **${total}** | |

By label: ${report.bySubLabel.map((item) => `${item.label} ${item.count}`).join(', ')}.

## Score distribution

| AIJRI | Occupations | |
|---|---:|---|
${report.histogram.map((bin) => `| ${bin.from}–${bin.to === 100 ? 100 : bin.to - 0.1} | ${bin.count} | ${'█'.repeat(Math.round((bin.count / Math.max(1, total)) * 100))} |`).join('\n')}

## By SOC major group

| Category | Occupations | Mean AIJRI | Green | Red |
|---|---:|---:|---:|---:|
${report.byCategory.map((item) => `| ${cell(item.category)} | ${item.count} | ${item.meanScore.toFixed(1)} | ${item.green} | ${item.red} |`).join('\n')}

## Common-sense checks

Occupations a reader would check first: manual trades, care work and surgeons should sit in Green or
high Yellow; clerical, data-entry and telemarketing roles in Red or low Yellow.

${rowTable(report.checks)}

## Most resistant

${rowTable(report.mostResistant)}

## Least resistant

${rowTable(report.leastResistant)}

## Correlation with published indices

Spearman's ρ between the baseline score and each published index, over the occupations that index
covers. The AIJRI is a *resistance* score and the indices measure *exposure*, so the expected sign is
**negative**. Each index measures something different (abilities, tasks, observed use; 2013 to 2025
technology); none is ground truth. Part of each correlation is by construction: the task scores come from
the same Eloundou et al. labels as both β, and the expert-consensus evidence signal reads the Felten and
Microsoft indices (and Frey–Osborne where robots or autonomous vehicles are in scope).

| Index | Covers | Spearman ρ | Expected sign |
|---|---:|---:|---|
${report.correlations.map((item) => `| ${cell(item.name)} | ${item.covered} | ${item.rho === null ? '—' : item.rho.toFixed(3)} | ${item.rho === null ? '—' : item.hasExpectedSign ? 'yes (negative)' : '**no**'} |`).join('\n')}

${wrongSign.length === 0 ? 'Every correlation has the expected sign.' : `Unexpected sign: ${wrongSign.map((item) => item.name).join(', ')}. See the agreement of the indices with one another below before reading this as a fault of the baseline.`}

### How the indices agree with one another

Spearman's ρ between each pair of indices, over the occupations both cover. An index that correlates
negatively with the others measures a different thing; a score that follows the others will then
correlate *positively* with it.

| | ${INDEX_DEFINITIONS.map((definition, index) => `(${index + 1})`).join(' | ')} |
|---|${INDEX_DEFINITIONS.map(() => '---:').join('|')}|
${INDEX_DEFINITIONS.map((definition, row) => `| (${row + 1}) ${cell(definition.name)} | ${(report.indexMatrix[row] ?? []).map((value) => (value === null ? '—' : value.toFixed(2))).join(' | ')} |`).join('\n')}

## Where the baseline and the indices disagree most

Disagreement compares the baseline's rank on resistance with the indices' mean rank on shelter
(100 − mean exposure percentile, GPT-4 β left out).

### Baseline resistant, indices exposed

${rowTable(report.resistantButExposed)}

### Baseline exposed, indices sheltered

${rowTable(report.exposedButSheltered)}
`;
}
