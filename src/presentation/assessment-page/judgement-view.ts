import { formatSigned } from '../format.ts';
import { renderInlineMarkdown, renderMarkdown } from '../markdown.ts';
import type { AssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import type { AssessmentPageView } from './assessment-view.types.ts';
import { DIMENSION_DESCRIPTIONS } from './composition-view.ts';
import { judgementRows, minusSign, provenanceTag } from './role-link.ts';

const GROWTH_MEANING: Record<number, string> = {
  [-2]: 'AI adoption strongly shrinks demand',
  [-1]: 'AI adoption shrinks demand',
  0: 'AI adoption is neutral for demand',
  1: 'AI adoption adds some demand',
  2: 'AI adoption strongly boosts demand',
};

/** Builds the protective principles, the AI growth correlation and the barriers, with the growth check. */
export function buildJudgements(input: AssessmentPageInput): Pick<AssessmentPageView, 'protective' | 'growth' | 'barriers' | 'growthCheckHtml'> {
  const { methodology } = input;
  const { assessment, figures } = input.entry;
  const { totals } = figures;
  return {
    protective: {
      rows: judgementRows(methodology.protective, assessment.protective, methodology.ranges.protective.max),
      total: totals.protective,
      totalText: `${totals.protective}/${methodology.ranges.protective.max * methodology.protective.length}`,
    },
    growth: {
      key: 'growth',
      label: methodology.growthLabel,
      description: DIMENSION_DESCRIPTIONS.growth,
      score: totals.growth,
      scoreText: formatSigned(totals.growth),
      max: methodology.ranges.growth.max,
      rationaleHtml: renderInlineMarkdown(assessment.growth.rationale),
      provenance: provenanceTag(assessment.growth.provenance),
      meaning: GROWTH_MEANING[totals.growth] ?? '',
    },
    barriers: {
      rows: judgementRows(methodology.barriers, assessment.barriers, methodology.ranges.barrier.max),
      total: totals.barriers,
      totalText: `${totals.barriers}/${methodology.ranges.barrier.max * methodology.barriers.length}`,
    },
    growthCheckHtml: renderMarkdown(assessment.growthCheck),
  };
}

/** Builds the quick screen (protective + growth) and whether it agrees with the full score. */
export function buildQuickScreen(input: AssessmentPageInput): AssessmentPageView['quickScreen'] {
  const { figures } = input.entry;
  const { totals, quickScreen: quick } = figures;
  return {
    protective: totals.protective,
    growth: totals.growth,
    sum: quick.sum,
    line: `Protective ${totals.protective} + Correlation ${minusSign(String(totals.growth))} = ${minusSign(String(quick.sum))}`,
    label: quick.label,
    agrees: quick.agrees,
    fullLabel: figures.label,
    sentence: quick.agrees
      ? `The full score agrees: ${figures.label}.`
      : `The full score puts the role in ${figures.label}, so the quick screen disagrees; the assessment is flagged for a second look.`,
  };
}
