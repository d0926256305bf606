import { seniorityLabel } from '../seniority-labels.ts';
import type { RolePageInput } from '../../features/assessment-page/role-page-input.ts';
import { assessmentPath, buildAssessmentPageView, roleLinkOf, type AssessmentPageView, type RoleLink } from './assessment-view.ts';
import { formatScore } from '../format.ts';

/** What the 404 page of an unknown role or seniority shows. */
export interface RoleNotFoundView {
  meta: { title: string; description: string; canonicalPath: string };
  heading: string;
  message: string;
  query: string;
  /** The seniorities a known role is assessed at, when only the seniority was wrong. */
  assessedSeniorities: { label: string; href: string; scoreText: string }[];
  suggestions: (RoleLink & { matchedTitle: string | null })[];
}

export type RolePageResult = { status: 200; view: AssessmentPageView } | { status: 404; view: RoleNotFoundView };

/** Builds the assessment page of a gathered role address, or its helpful 404. */
export function buildRolePage(input: RolePageInput): RolePageResult {
  if (input.kind === 'found') return { status: 200, view: buildAssessmentPageView(input.page) };

  const { slug, seniority, query, role } = input;
  const suggestions = input.suggestions.flatMap((hit) =>
    hit.entry && hit.slug !== slug ? [{ ...roleLinkOf(hit.entry), matchedTitle: hit.matchedTitle === hit.title ? null : hit.matchedTitle }] : [],
  );
  const levelLabel = seniority === undefined ? '' : seniorityLabel(seniority);
  const assessedSeniorities = role
    ? role.assessed.map((entry) => ({ label: seniorityLabel(entry.seniority), href: assessmentPath(slug, entry.seniority), scoreText: formatScore(entry.figures.score) }))
    : [];
  const path = seniority ? `/roles/${slug}/${seniority}` : `/roles/${slug}`;
  return {
    status: 404,
    view: {
      meta: { title: 'Role not found', description: 'No assessment at this address. Search for the job by any title.', canonicalPath: path },
      heading: role ? `${role.title} is not assessed at that level` : 'We have no assessment at this address',
      message: role
        ? `There is no ${levelLabel ? `“${levelLabel}”` : ''} assessment of ${role.title}. It is assessed at the levels below.`
        : `No role is published as “${slug}”. Search for the job by any title it goes by — or try one of these.`,
      query,
      assessedSeniorities,
      suggestions,
    },
  };
}
