import { assessmentKey, type AssessmentEntry, type ReadModel } from '../read-model/read-model.ts';

/** The assessment the methodology page works through, live from the read model. */
export const WORKED_EXAMPLE = { roleSlug: 'multimodal-ai-engineer', seniority: 'mid-level' } as const;

/** What the methodology page shows of the catalog, gathered from the read model before the page is built. */
export interface MethodologyInput {
  /** The worked example's current assessment; null when it is not published. */
  worked: AssessmentEntry | null;
}

/** Gathers the assessment the methodology page works through. */
export function gatherMethodologyInput(model: ReadModel): MethodologyInput {
  return { worked: model.assessments.get(assessmentKey(WORKED_EXAMPLE.roleSlug, WORKED_EXAMPLE.seniority)) ?? null };
}
