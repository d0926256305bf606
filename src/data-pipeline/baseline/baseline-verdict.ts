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
    `${percent(automatable)} of working time is in tasks scored mostly or fully automatable (4–5), ${percent(human)} in tasks AI touches at most at the margin (1–2).`,
  ];
  const change = signals.projectedChange;
  if (change !== null) parts.push(`BLS projects employment to change ${change > 0 ? '+' : ''}${change}% by 2034.`);
  const consensus = consensusOf(signals.indices, signals.physicalAutomationInScope);
  if (consensus)
    parts.push(
      consensus.physical
        ? `Frey & Osborne's estimate of computerisation (robots and autonomous vehicles) puts it at the ${ordinal(consensus.mean)} percentile.`
        : `Exposure indices independent of the task labels put it at the ${ordinal(consensus.mean)} percentile.`,
    );
  if (!result.quickScreen.agrees) parts.push(quickScreenNote(result));
  return parts.join(' ');
}

/** Says why the quick screen (protective principles + growth) and the full score point to different zones. */
export function quickScreenNote(result: ScoreResult): string {
  const screen = result.quickScreen;
  const why =
    zoneRank[screen.zone] > zoneRank[result.zone]
      ? 'the role is embodied, relational or accountable, but much of its working time is in tasks AI can take on'
      : 'the protective principles are modest, but its tasks, barriers or market signals hold the score up';
  return `The quick screen (protective principles + growth = ${screen.sum}) says ${screen.label}, the full score ${result.zone}: ${why}.`;
}

const zoneRank = { Red: 0, Yellow: 1, Green: 2 } as const;
