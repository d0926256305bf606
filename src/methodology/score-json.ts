import type { Explanation } from './explain.ts';
import type { ScoreResult } from './score.ts';

/** Builds the JSON object of `jobzone score --json`: every figure rounded as methodology §2 shows it. */
export function toScoreJson(result: ScoreResult, explanation: Explanation) {
  return {
    score: result.score,
    formulaScore: result.formulaScore,
    zone: result.zone,
    subLabel: result.subLabel,
    label: result.label,
    headline: result.headline,
    subLabelRule: result.subLabelRule.rule,
    taskExposure: result.taskExposure,
    taskResistance: result.taskResistance,
    raw: result.raw,
    modifiers: result.modifiers,
    totals: result.totals,
    split: result.split,
    shareAtLeast3: result.shareAtLeast3,
    shareAtLeast4: result.shareAtLeast4,
    quickScreen: { sum: result.quickScreen.sum, label: result.quickScreen.label, agrees: result.quickScreen.agrees },
    composition: result.composition,
    override: result.override,
    methodologyVersion: result.methodologyVersion,
    band: explanation.band,
    tasks: result.tasks.map(({ name, share, score, weighted, impact }) => ({ name, share, score, weighted, impact })),
  };
}

/** The rounded figures of one scored assessment, as stored with each revision and served by the API. */
export type ScoreJson = ReturnType<typeof toScoreJson>;
