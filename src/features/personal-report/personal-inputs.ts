import type { CoarseChoice } from './coarse-time.ts';
import type { ContextKey } from './report-source.ts';

/** A task taken from a related occupation's list: its O*NET code and the task's 1-based number there. */
export interface AddedTaskRef {
  onetCode: string;
  task: number;
}

/**
 * Everything a person tells the report, exactly what the URL carries. Task ids: "3" is the role's
 * third task, "a2" the second added task.
 */
export interface PersonalInputs {
  role: { slug: string; seniority: string };
  /** The person's seniority when it differs from the role's; null keeps the role's. */
  level: string | null;
  /** Role tasks (1-based numbers) the person does not do, ascending. */
  drop: number[];
  add: AddedTaskRef[];
  /** Shares the person set, in percent, by task id; tasks not named keep their derived share. */
  shares: Record<string, number>;
  /** Coarse time choices by task id; absent when none is made. Exact shares, when given, override them. */
  coarse?: Record<string, CoarseChoice>;
  context: ContextKey[];
  /** Points of working time moved toward design-like tasks; negative moves toward apply-like ones. */
  design: number;
}

/** A problem with one input, tied to the form field it belongs to. */
export interface InputProblem {
  field: string;
  message: string;
}

/** Returns the inputs of a report with no personal changes. */
export function unchangedInputs(slug: string, seniority: string): PersonalInputs {
  return { role: { slug, seniority }, level: null, drop: [], add: [], shares: {}, context: [], design: 0 };
}

/** Returns the id of an added task from its position in the add list (0-based). */
export function addedTaskId(index: number): string {
  return `a${index + 1}`;
}
