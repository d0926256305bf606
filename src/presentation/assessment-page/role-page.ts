import { seniorityLabel } from '../seniority-labels.ts';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import { findAssessment, searchRoles } from '../../features/read-model/read-model.queries.ts';
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

/** Turns a URL slug into the words a reader would have searched for ("senior-roofer" → "senior roofer"). */
export function wordsOfSlug(slug: string): string {
  return slug
    .replace(/[^a-z0-9]+/gi, ' ')
    .trim()
    .slice(0, 80);
}

/** Resolves /roles/<slug> and /roles/<slug>/<seniority> to the assessment page or to a helpful 404. */
export function resolveRolePage(model: ReadModel, slug: string, seniority?: string): RolePageResult {
  const role = model.roles.get(slug);
  const found = role ? findAssessment(model, slug, seniority) : null;
  if (found) return { status: 200, view: buildAssessmentPageView(model, found.entry) };

  const query = wordsOfSlug(slug);
  const suggestions = searchRoles(model, query, 8).flatMap((hit) =>
    hit.entry && hit.slug !== slug ? [{ ...roleLinkOf(hit.entry), matchedTitle: hit.matchedTitle === hit.title ? null : hit.matchedTitle }] : [],
  );
  const levelLabel = seniority === undefined ? '' : seniorityLabel(seniority);
  const assessedSeniorities = role
    ? role.seniorities.flatMap((level) => {
        const entry = model.assessments.get(`${slug}/${level}`);
        return entry ? [{ label: seniorityLabel(level), href: assessmentPath(slug, level), scoreText: formatScore(entry.figures.score) }] : [];
      })
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
      suggestions: role ? [] : suggestions,
    },
  };
}
