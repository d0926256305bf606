import type { Assessment } from '../../methodology/index.ts';
import { renderInlineMarkdown, renderMarkdown } from '../markdown.ts';
import type { AssessmentPageView } from './assessment-view.types.ts';

/** Builds the assessor's commentary, or null when the assessment has none. */
export function buildCommentary(assessment: Assessment): AssessmentPageView['commentary'] {
  const { commentary } = assessment;
  const view = {
    scoreVsRealityHtml: renderMarkdown(commentary.scoreVsReality),
    whatTheNumbersMiss: commentary.whatTheNumbersMiss.map((item) => ({ title: item.title, html: renderInlineMarkdown(item.text) })),
    whoShouldWorryHtml: renderMarkdown(commentary.whoShouldWorry),
    roleInFuture: commentary.roleInFuture ? { year: commentary.roleInFuture.year ?? null, html: renderMarkdown(commentary.roleInFuture.text) } : null,
    survivalStrategy: commentary.survivalStrategy.map((item) => renderInlineMarkdown(item)),
    timelineHtml: renderMarkdown(commentary.timeline),
  };
  const empty = !view.scoreVsRealityHtml && view.whatTheNumbersMiss.length === 0 && !view.whoShouldWorryHtml && !view.roleInFuture && view.survivalStrategy.length === 0 && !view.timelineHtml;
  return empty ? null : view;
}
