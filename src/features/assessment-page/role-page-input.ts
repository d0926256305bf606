import { findAssessment, searchRoles, type RoleSearchHit } from '../read-model/read-model.queries.ts';
import type { AssessmentEntry, ReadModel } from '../read-model/read-model.ts';
import { gatherAssessmentPageInput, type AssessmentPageInput } from './assessment-page-input.ts';

/** How many titles a 404 for an unknown role suggests. */
const SUGGESTION_LIMIT = 8;

/** What /roles/<slug> and /roles/<slug>/<seniority> show, gathered before the page is built: the assessment page, or what a helpful 404 needs. */
export type RolePageInput =
  | { kind: 'found'; page: AssessmentPageInput }
  | {
      kind: 'missing';
      slug: string;
      seniority: string | undefined;
      /** The query the 404 offers, made of the slug's words. */
      query: string;
      /** The role, when only the seniority was wrong, with its assessments in career order. */
      role: { title: string; assessed: readonly AssessmentEntry[] } | null;
      /** Titles matching the slug's words, for an unknown role. */
      suggestions: readonly RoleSearchHit[];
    };

/** Turns a URL slug into the words a reader would have searched for ("senior-roofer" → "senior roofer"). */
export function wordsOfSlug(slug: string): string {
  return slug
    .replace(/[^a-z0-9]+/gi, ' ')
    .trim()
    .slice(0, 80);
}

/** Gathers the assessment a role address names (the role's default level when none is named), or what its 404 shows. */
export function gatherRolePageInput(model: ReadModel, slug: string, seniority?: string): RolePageInput {
  const role = model.roles.get(slug);
  const found = role ? findAssessment(model, slug, seniority) : null;
  if (found) return { kind: 'found', page: gatherAssessmentPageInput(model, found.entry) };
  const query = wordsOfSlug(slug);
  return {
    kind: 'missing',
    slug,
    seniority,
    query,
    role: role ? { title: role.title, assessed: role.seniorities.flatMap((level) => model.assessments.get(`${slug}/${level}`) ?? []) } : null,
    suggestions: role ? [] : searchRoles(model, query, SUGGESTION_LIMIT),
  };
}
