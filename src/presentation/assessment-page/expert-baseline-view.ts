import type { Assessment } from '../../methodology/index.ts';
import { compareExpertWithBaseline } from '../../data-pipeline/diff/expert-vs-baseline.ts';
import type { ExpertBaselineView, RoleLink } from './assessment-view.types.ts';
import { formatScore } from '../format.ts';

export type { ExpertBaselineView };

/** Builds the section for an expert assessment and the data-derived baseline of the O*NET occupation it maps to. */
export function buildExpertBaselineView(expert: Assessment, baseline: Assessment, onetCode: string, baselineLink: RoleLink): ExpertBaselineView {
  const comparison = compareExpertWithBaseline(expert, baseline, onetCode);
  const gap = Math.round((comparison.expert.score - comparison.baseline.score) * 10) / 10;
  const direction = gap === 0 ? 'the same as' : `${Math.abs(gap).toFixed(1)} points ${gap > 0 ? 'above' : 'below'}`;
  return {
    baseline: baselineLink,
    baselineMethod: comparison.baseline.method,
    summary: `This assessment scores ${formatScore(comparison.expert.score)}, ${direction} the data-derived baseline of ${comparison.baseline.title} (${onetCode}) at ${formatScore(comparison.baseline.score)}.`,
    rows: comparison.inputs.map((input) => ({ label: input.label, expert: input.expert, baseline: input.baseline })),
  };
}
