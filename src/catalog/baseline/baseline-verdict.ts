import type { Assessment, ScoreResult } from '../../methodology/index.ts';
import type { OccupationSignals } from './occupation-signals.ts';
import { consensusOf, ordinal } from './baseline-factors.ts';

/** The label every baseline carries wherever it appears. */
export const BASELINE_LABEL = 'Data-derived baseline, not reviewed.';

const percent = (value: number) => `${Math.round(value)}%`;

/** Writes the verdict of a baseline from its figures: score and zone, where the working time lies, and the market signals. */
export function writeVerdict(assessment: Assessment, result: ScoreResult, signals: OccupationSignals): string {
  const shareOf = (predicate: (score: number) => boolean) => assessment.tasks.filter((task) => predicate(task.score)).reduce((sum, task) => sum + task.share, 0);
  const automatable = shareOf((score) => score >= 4);
  const human = shareOf((score) => score <= 2);
  const parts = [
    `${BASELINE_LABEL} AIJRI ${result.score.toFixed(1)}, ${result.label}.`,
    `${percent(automatable)} of working time is in tasks GPT-4 rates mostly or fully automatable (T3–T4), ${percent(human)} in tasks it rates little or not automatable (T0–T1).`,
  ];
  const change = signals.projectedChange;
  if (change !== null) parts.push(`BLS projects employment to change ${change > 0 ? '+' : ''}${change}% by 2034.`);
  const consensus = consensusOf(signals.indices);
  if (consensus) parts.push(`Published exposure indices put it at the ${ordinal(consensus.mean)} percentile on average.`);
  return parts.join(' ');
}
