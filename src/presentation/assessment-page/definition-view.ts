import { seniorityLabel } from '../seniority-labels.ts';
import { formatScore } from '../format.ts';
import { renderInlineMarkdown, renderMarkdown } from '../markdown.ts';
import type { AssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import type { AssessmentPageView } from './assessment-view.types.ts';
import { roleLinkOf } from './role-link.ts';

/** Builds the role definition and what the role is not, each related role linked with its current score. */
export function buildDefinition(input: AssessmentPageInput): AssessmentPageView['definition'] {
  const { role } = input.entry.assessment;
  return {
    rows: [
      { label: 'Job title', html: renderInlineMarkdown(role.title) },
      { label: 'Seniority level', html: renderInlineMarkdown(seniorityLabel(input.entry.seniority)) },
      ...(role.aliases.length > 0 ? [{ label: 'Also known as', html: renderInlineMarkdown(role.aliases.join(', ')) }] : []),
      ...(role.primaryFunction ? [{ label: 'Primary function', html: renderMarkdown(role.primaryFunction) }] : []),
      ...(role.typicalExperience ? [{ label: 'Typical experience', html: renderMarkdown(role.typicalExperience) }] : []),
    ],
    notThisRole: role.notThisRole.map((related, index) => {
      const found = input.notThisRole[index] ?? null;
      return {
        title: related.title,
        reasonHtml: renderInlineMarkdown(related.reason),
        current: found ? roleLinkOf(found) : null,
        quotedScoreText: related.publishedScore === undefined ? null : formatScore(related.publishedScore),
        searchHref: `/search?q=${encodeURIComponent(related.title)}`,
      };
    }),
    seniorityNoteHtml: renderMarkdown(role.seniorityNote),
  };
}
