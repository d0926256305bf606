import type { Assessment } from '../../methodology/index.ts';
import { compareExpertWithBaseline } from '../../data-pipeline/diff/expert-vs-baseline.ts';
import type { RoleLink } from './assessment-view.types.ts';

/** The expert page's small "beside the baseline" section: both scores and the inputs where they differ. */
export interface ExpertBaselineView {
  baseline: RoleLink;
  baselineMethod: string;
  summary: string;
  rows: { label: string; expert: string; baseline: string }[];
}

/** Builds the section for an expert assessment and the data-derived baseline of the O*NET occupation it maps to. */
export function buildExpertBaselineView(expert: Assessment, baseline: Assessment, onetCode: string, baselineLink: RoleLink): ExpertBaselineView {
  const comparison = compareExpertWithBaseline(expert, baseline, onetCode);
  const gap = Math.round((comparison.expert.score - comparison.baseline.score) * 10) / 10;
  const direction = gap === 0 ? 'the same as' : `${Math.abs(gap).toFixed(1)} points ${gap > 0 ? 'above' : 'below'}`;
  return {
    baseline: baselineLink,
    baselineMethod: comparison.baseline.method,
    summary: `This assessment scores ${comparison.expert.score.toFixed(1)}, ${direction} the data-derived baseline of ${comparison.baseline.title} (${onetCode}) at ${comparison.baseline.score.toFixed(1)}.`,
    rows: comparison.inputs.map((input) => ({ label: input.label, expert: input.expert, baseline: input.baseline })),
  };
}
