import { findAssessment } from './read-model.queries.ts';
import type { AssessmentEntry, ReadModel } from './read-model.ts';

/** What a page about exactly one level of a role needs: the address it was asked for and the assessment published there, if any. */
export interface AssessmentAt {
  slug: string;
  seniority: string;
  entry: AssessmentEntry | null;
}

/** Gathers the assessment published at /roles/<slug>/<seniority>; entry is null for an unknown role or a level it has not got. */
export function gatherAssessmentAt(model: ReadModel, slug: string, seniority: string): AssessmentAt {
  const found = findAssessment(model, slug, seniority);
  return { slug, seniority, entry: found && found.entry.seniority === seniority ? found.entry : null };
}

/** Gathers the assessment a role page shows: the named level, or the role's default level when none is named. */
export function gatherPageAssessment(model: ReadModel, slug: string, seniority?: string): AssessmentEntry | null {
  return findAssessment(model, slug, seniority)?.entry ?? null;
}
