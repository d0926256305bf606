import { BARRIER_KEYS, EVIDENCE_KEYS, PROTECTIVE_KEYS, methodologyOf, scoreAssessment, type Assessment } from '../../methodology/index.ts';

/** An expert assessment with the baseline it is compared with and the published indices of its occupation. */
export interface CalibrationPair {
  expert: Assessment;
  baseline: Assessment;
  onetCode: string;
  indices: { indexKey: string; value: number; percentile: number }[];
}

/** One input compared across every pair: the spread of expert − baseline. */
export interface InputDistribution {
  input: string;
  count: number;
  mean: number;
  min: number;
  max: number;
  /** How many pairs show each difference, from the lowest to the highest seen. */
  histogram: { difference: number; count: number }[];
}

/** One expert assessment beside its baseline. */
export interface CalibrationRow {
  roleSlug: string;
  seniority: string;
  title: string;
  onetCode: string;
  expertScore: number;
  baselineScore: number;
  gap: number;
  indices: CalibrationPair['indices'];
  isOutlier: boolean;
}

export interface Calibration {
  rows: CalibrationRow[];
  distributions: InputDistribution[];
  gap: { mean: number; sd: number };
  outliers: CalibrationRow[];
}

/** A gap this far from the mean (in standard deviations), or this many points whatever the spread, makes an outlier. */
export const OUTLIER_SDS = 2;
export const OUTLIER_POINTS = 20;

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

function inputsOf(document: Assessment, taskExposure: number): Map<string, number> {
  const values = new Map<string, number>([['taskExposure', taskExposure], ['growth', document.growth.score]]);
  for (const key of PROTECTIVE_KEYS) values.set(`protective.${key}`, document.protective[key].score);
  for (const key of EVIDENCE_KEYS) values.set(`evidence.${key}`, document.evidence[key].score);
  for (const key of BARRIER_KEYS) values.set(`barriers.${key}`, document.barriers[key].score);
  return values;
}

/** Compares every expert assessment with its baseline: score gaps, the distribution of expert − baseline per input, and the outliers. */
export function buildCalibration(pairs: readonly CalibrationPair[]): Calibration {
  const differences = new Map<string, number[]>();
  const rows: CalibrationRow[] = pairs.map((pair) => {
    const expert = scoreAssessment(pair.expert, methodologyOf(pair.expert.methodology));
    const baseline = scoreAssessment(pair.baseline, methodologyOf(pair.baseline.methodology));
    const a = inputsOf(pair.expert, expert.taskExposure);
    const b = inputsOf(pair.baseline, baseline.taskExposure);
    for (const [input, value] of a) {
      const list = differences.get(input) ?? [];
      list.push(round(value - (b.get(input) ?? 0)));
      differences.set(input, list);
    }
    return {
      roleSlug: pair.expert.role.slug,
      seniority: pair.expert.role.seniority,
      title: pair.expert.role.title,
      onetCode: pair.onetCode,
      expertScore: expert.score,
      baselineScore: baseline.score,
      gap: round(expert.score - baseline.score, 1),
      indices: pair.indices,
      isOutlier: false,
    };
  });
  const gaps = rows.map((row) => row.gap);
  const mean = gaps.length ? gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length : 0;
  const sd = gaps.length > 1 ? Math.sqrt(gaps.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / (gaps.length - 1)) : 0;
  for (const row of rows) row.isOutlier = Math.abs(row.gap) >= OUTLIER_POINTS || (rows.length >= 3 && sd > 0 && Math.abs(row.gap - mean) > OUTLIER_SDS * sd);
  const distributions = [...differences].map(([input, values]) => {
    const counts = new Map<number, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return {
      input,
      count: values.length,
      mean: round(values.reduce((sum, value) => sum + value, 0) / values.length),
      min: Math.min(...values),
      max: Math.max(...values),
      histogram: [...counts].sort(([x], [y]) => x - y).map(([difference, count]) => ({ difference, count })),
    };
  });
  return { rows, distributions, gap: { mean: round(mean, 1), sd: round(sd, 1) }, outliers: rows.filter((row) => row.isOutlier).sort((x, y) => Math.abs(y.gap) - Math.abs(x.gap)) };
}
