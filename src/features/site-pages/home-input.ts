import type { Zone } from '../../methodology/index.ts';
import { firstPublishedAt, recentlyChanged, zoneDistribution } from '../read-model/read-model.queries.ts';
import type { AssessmentEntry, ReadModel } from '../read-model/read-model.ts';

/** What the home page shows, gathered from the read model before the page is built. */
export interface HomeInput {
  total: number;
  zoneCounts: Record<Zone, number>;
  /** Every current assessment, highest score first. */
  ranked: readonly AssessmentEntry[];
  /** Assessments whose latest revision changed them, newest first. */
  recent: readonly AssessmentEntry[];
  firstPublishedAt: Date | null;
  /** The job shown as an example answer, when it is published. */
  example: AssessmentEntry | null;
}

/** A job most readers know, shown under the search box as an example answer. */
const EXAMPLE_KEY = 'registered-nurses/all-levels';
const RECENT_LENGTH = 8;

/** Gathers the home page's data: counts, the ranking, the latest changes and the example job. */
export function gatherHomeInput(model: ReadModel): HomeInput {
  return {
    total: model.assessments.size,
    zoneCounts: zoneDistribution(model),
    ranked: model.ranked,
    recent: recentlyChanged(model, RECENT_LENGTH),
    firstPublishedAt: firstPublishedAt(model),
    example: model.assessments.get(EXAMPLE_KEY) ?? null,
  };
}
