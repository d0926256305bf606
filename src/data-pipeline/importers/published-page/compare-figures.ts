import { aijri1, dec, toFixed, type ScoreResult } from '../../../methodology/index.ts';
import type { FigureMismatch, PublishedFigures } from './types.ts';

type Shown = number | string | null;

const { places } = aijri1;

function shown(value: number | string, decimals: number | null): string {
  return typeof value === 'number' && decimals !== null ? toFixed(dec(value), decimals) : String(value);
}

/** Lists each published figure beside the engine's, with the decimals the page shows it to. */
function pairs(published: PublishedFigures, result: ScoreResult): [string, Shown, number | string, number | null][] {
  const { modifiers, totals, split, composition, quickScreen } = published;
  return [
    ['score', published.score, result.score, places.score],
    ['formulaScore', published.formulaScore, result.formulaScore, places.score],
    ['zone', published.zone, result.zone, null],
    ['subLabel', published.subLabel, result.subLabel, null],
    ['taskExposure', published.taskExposure, result.taskExposure, places.taskExposure],
    ['taskResistance', published.taskResistance, result.taskResistance, places.taskResistance],
    ['raw', published.raw, result.raw, places.raw],
    ['modifiers.evidence', modifiers.evidence, result.modifiers.evidence, places.modifier],
    ['modifiers.barrier', modifiers.barrier, result.modifiers.barrier, places.modifier],
    ['modifiers.growth', modifiers.growth, result.modifiers.growth, places.modifier],
    ['totals.protective', totals.protective, result.totals.protective, 0],
    ['totals.growth', totals.growth, result.totals.growth, 0],
    ['totals.evidence', totals.evidence, result.totals.evidence, 0],
    ['totals.barriers', totals.barriers, result.totals.barriers, 0],
    ['split.displacement', split?.displacement ?? null, result.split.displacement, places.percent],
    ['split.augmentation', split?.augmentation ?? null, result.split.augmentation, places.percent],
    ['split.notInvolved', split?.notInvolved ?? null, result.split.notInvolved, places.percent],
    ['shareAtLeast3', published.shareAtLeast3, result.shareAtLeast3, places.percent],
    ['shareAtLeast4', published.shareAtLeast4, result.shareAtLeast4, places.percent],
    ['quickScreen.sum', quickScreen?.sum ?? null, result.quickScreen.sum, 0],
    ['quickScreen.label', quickScreen?.label ?? null, result.quickScreen.label, null],
    ...(Object.keys(result.composition) as (keyof ScoreResult['composition'])[]).map(
      (key): [string, Shown, number, number] => [`composition.${key}`, composition?.[key] ?? null, result.composition[key], places.composition],
    ),
    ...published.taskWeighted.map((weighted, index): [string, Shown, number | string, number] => [`tasks[${index}].weighted`, weighted, result.tasks[index]?.weighted ?? 'no such task', places.weighted]),
    ['tasks.length', published.taskWeighted.length, result.tasks.length, 0],
    ['override.score', published.override?.score ?? 'none', result.override?.score ?? 'none', places.score],
  ];
}

/** Lists every published figure the engine's result does not reproduce, compared at the precision the page shows. */
export function comparePublishedFigures(published: PublishedFigures, result: ScoreResult): FigureMismatch[] {
  return pairs(published, result).flatMap(([figure, stated, computed, decimals]) => {
    if (stated === null) return [];
    const publishedText = shown(stated, decimals);
    const computedText = shown(computed, decimals);
    return publishedText === computedText ? [] : [{ figure, published: publishedText, computed: computedText }];
  });
}
