import type { Impact, MethodologyDefinition } from '../methodology/index.ts';

/** How readers see each impact of a task on the job. */
export const IMPACT_WORDS: Readonly<Record<Impact, string>> = { displacement: 'Displacement', augmentation: 'Augmentation', not_involved: 'Not involved' };

/** A scored task as the methodology returns it and revisions store it. */
export interface ScoredTask {
  name: string;
  share: number;
  score: number;
  weighted: number;
  impact: Impact;
}

/** One row of a task table, the same on the assessment page, the methodology page and in the CLI. */
export interface TaskTableRow {
  name: string;
  share: number;
  shareText: string;
  score: number;
  weightedText: string;
  impact: Impact;
  impactWord: string;
  /** True when the assessor chose an impact other than the one the task's score implies. */
  impactSetByAssessor: boolean;
  /** Says what the score alone would imply when the impact was set otherwise. */
  impactNote: string | null;
}

/** Builds the rows of a task table under the methodology the tasks were scored with. */
export function buildTaskTableRows(tasks: readonly ScoredTask[], definition: MethodologyDefinition): TaskTableRow[] {
  return tasks.map((task) => {
    const implied = definition.defaultImpactByScore[task.score];
    const setByAssessor = implied !== undefined && implied !== task.impact;
    return {
      name: task.name,
      share: task.share,
      shareText: `${task.share}%`,
      score: task.score,
      weightedText: task.weighted.toFixed(definition.places.weighted),
      impact: task.impact,
      impactWord: IMPACT_WORDS[task.impact],
      impactSetByAssessor: setByAssessor,
      impactNote: setByAssessor ? `default for score ${task.score}: ${IMPACT_WORDS[implied].toLowerCase()}` : null,
    };
  });
}
