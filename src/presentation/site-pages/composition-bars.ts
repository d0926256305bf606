import type { MethodologyDefinition } from '../../methodology/index.ts';
import type { ScoreJson } from '../../features/catalog/catalog.schemas.ts';

type CompositionKey = keyof ScoreJson['composition'];

/** One dimension of a composition profile: its scaled value against its weight. */
export interface CompositionBar {
  key: CompositionKey;
  label: string;
  value: number;
  weight: number;
  /** Bar length in percent of the weight, 0–100 (a negative value draws no bar). */
  fill: number;
}

const LABELS: Record<CompositionKey, string> = {
  taskResistance: 'Task resistance',
  evidence: 'Evidence',
  barriers: 'Barriers',
  protective: 'Protective principles',
  growth: 'Growth correlation',
};

/** Lays out a composition profile as bars, each dimension against the weight the definition gives it. */
export function buildCompositionBars(composition: ScoreJson['composition'], definition: MethodologyDefinition): CompositionBar[] {
  return (Object.keys(definition.composition) as CompositionKey[]).map((key) => {
    const weight = definition.composition[key].weight;
    const value = composition[key];
    return { key, label: LABELS[key], value, weight, fill: Math.max(0, Math.min(100, Math.round((value / weight) * 1000) / 10)) };
  });
}

/** Describes a composition profile in words for its text equivalent. */
export function describeComposition(bars: readonly CompositionBar[]): string {
  return bars.map((bar) => `${bar.label} ${bar.value.toFixed(1)} of ${bar.weight}`).join('; ');
}
