import { buildRangeBar } from '../chart-geometry.ts';
import { formatScore, formatSigned } from '../format.ts';
import type { AssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import type { AssessmentPageView } from './assessment-view.types.ts';
import { minusSign } from './role-link.ts';

/** What each dimension measures, in a sentence (shared with the growth row of the judgement table). */
export const DIMENSION_DESCRIPTIONS = {
  taskResistance: 'How resistant the daily tasks are to AI: 5.0 fully human, 1.0 fully automatable.',
  evidence: 'Market signals: job postings, company actions, wages, tool maturity, expert consensus.',
  barriers: 'Structural barriers: licensing, physical presence, unions, liability, culture.',
  protective: 'Human-only factors: physical presence, deep interpersonal connection, moral judgement.',
  growth: 'Does AI adoption create more demand for this role? +2 strong boost, 0 neutral, negative shrinking.',
} as const;

type DimensionKey = keyof typeof DIMENSION_DESCRIPTIONS;

/** Builds the "score at a glance" rows: each dimension on its own range. */
export function buildGlance(input: AssessmentPageInput): AssessmentPageView['glance'] {
  const { figures } = input.entry;
  const { ranges } = input.methodology;
  const { totals } = figures;
  const rows: { key: DimensionKey; label: string; value: number; valueText: string; range: { min: number; max: number } }[] = [
    { key: 'taskResistance', label: 'Task resistance', value: figures.taskResistance, valueText: figures.taskResistance.toFixed(2), range: { min: 1, max: 5 } },
    { key: 'evidence', label: 'Evidence', value: totals.evidence, valueText: formatSigned(totals.evidence), range: { min: ranges.evidence.min * 5, max: ranges.evidence.max * 5 } },
    { key: 'barriers', label: 'Barriers to AI', value: totals.barriers, valueText: String(totals.barriers), range: { min: ranges.barrier.min * 5, max: ranges.barrier.max * 5 } },
    { key: 'protective', label: 'Protective principles', value: totals.protective, valueText: String(totals.protective), range: { min: ranges.protective.min * 3, max: ranges.protective.max * 3 } },
    { key: 'growth', label: 'AI growth correlation', value: totals.growth, valueText: formatSigned(totals.growth), range: ranges.growth },
  ];
  return rows.map((item) => ({
    key: item.key,
    label: item.label,
    description: DIMENSION_DESCRIPTIONS[item.key],
    valueText: item.valueText,
    rangeText: `${minusSign(String(item.range.min))} to ${item.range.min < 0 ? '+' : ''}${item.range.max}`,
    bar: buildRangeBar(item.value, item.range.min, item.range.max),
  }));
}

/** Builds the composition profile: each dimension scaled to its weight, and why the parts do not add up to the score. */
export function buildComposition(input: AssessmentPageInput): AssessmentPageView['composition'] {
  const { composition, score } = input.entry.figures;
  const weights = input.methodology.composition;
  const rows = [
    { key: 'taskResistance', label: 'Task resistance', weight: weights.taskResistance.weight, value: composition.taskResistance, min: 0 },
    { key: 'evidence', label: 'Evidence', weight: weights.evidence.weight, value: composition.evidence, min: -weights.evidence.weight },
    { key: 'barriers', label: 'Barriers', weight: weights.barriers.weight, value: composition.barriers, min: 0 },
    { key: 'protective', label: 'Protective', weight: weights.protective.weight, value: composition.protective, min: 0 },
    { key: 'growth', label: 'AI growth', weight: weights.growth.weight, value: composition.growth, min: -weights.growth.weight },
  ];
  const sum = Math.round(rows.reduce((total, row) => total + row.value, 0) * 10) / 10;
  const scoreText = formatScore(score);
  return {
    rows: rows.map((row) => ({ key: row.key, label: row.label, weightText: `${row.weight}%`, valueText: minusSign(row.value.toFixed(1)), bar: buildRangeBar(row.value, row.min, row.weight) })),
    sumText: formatScore(sum),
    scoreText,
    note: `A profile, not the score: each dimension is scaled to its weight, and the five figures add up to ${formatScore(sum)}, not ${scoreText}. The score comes from the formula below, which multiplies task resistance by the modifiers and has no protective term.`,
  };
}
