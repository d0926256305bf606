import type { Impact, Task } from '../../methodology/index.ts';
import { defaultImpact } from '../../methodology/index.ts';
import type { AutomationLevel, ExposureLabel, LabelledTask, TaskType } from '../sources/eloundou-files.ts';
import { BASELINE } from './baseline-constants.ts';

const LEVEL_MEANING: Record<AutomationLevel, string> = {
  T0: 'not automatable',
  T1: 'a little automatable',
  T2: 'half automatable',
  T3: 'mostly automatable, human review',
  T4: 'fully automatable',
};

const EXPOSURE_MEANING: Record<ExposureLabel, string> = {
  E0: 'no LLM exposure',
  E1: 'an LLM halves the time',
  E2: 'LLM software halves the time',
};

const TYPE_LABEL: Record<TaskType, string> = { Core: 'Core.', Supplemental: 'Supplemental.', unrated: 'Unrated.' };

const TYPE_ORDER: Record<TaskType, number> = { Core: 0, Supplemental: 1, unrated: 2 };

export const TASK_SOURCE = 'Eloundou et al. 2023';

/** Splits 100% of working time over weights in basis points: largest remainder, earlier item first on ties; returns percentages with two decimals. */
export function allocateShares(weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  if (weights.some((weight) => !Number.isInteger(weight) || weight <= 0)) throw new Error('weights must be positive whole numbers');
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const points = weights.map((weight) => Math.floor((10_000 * weight) / total));
  const remainders = weights.map((weight, index) => ({ index, remainder: (10_000 * weight) % total }));
  let left = 10_000 - points.reduce((sum, value) => sum + value, 0);
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of remainders) {
    if (left === 0) break;
    points[index] = (points[index] as number) + 1;
    left -= 1;
  }
  return points.map((value) => value / 100);
}

/** Returns the AIJRI task score (1–5) of a GPT-4 automation level (T0–T4). */
export function taskScoreOf(level: AutomationLevel): number {
  return BASELINE.taskScoreByLevel[level];
}

/** Returns the impact of a task: not involved where human annotators saw no LLM exposure (E0), else the score's default. */
export function taskImpactOf(score: number, humanExposure: ExposureLabel): Impact {
  return humanExposure === 'E0' ? 'not_involved' : defaultImpact(score);
}

/** Orders an occupation's tasks Core first, then Supplemental, then unrated, each by O*NET task ID. */
export function orderTasks(tasks: readonly LabelledTask[]): LabelledTask[] {
  return [...tasks].sort((a, b) => TYPE_ORDER[a.taskType] - TYPE_ORDER[b.taskType] || Number(a.taskId) - Number(b.taskId));
}

/** Derives the assessment tasks of one occupation from its labelled O*NET tasks. */
export function deriveTasks(labelled: readonly LabelledTask[]): Task[] {
  const ordered = orderTasks(labelled);
  const shares = allocateShares(ordered.map((task) => BASELINE.taskWeight[task.taskType]));
  const names = new Set<string>();
  return ordered.map((task, index): Task => {
    const score = taskScoreOf(task.gpt4Automation);
    let name = task.task;
    if (names.has(name.toLowerCase())) name = `${name} (task ${task.taskId})`;
    names.add(name.toLowerCase());
    const impact = taskImpactOf(score, task.humanExposure);
    const agree = (task.humanExposure === 'E0') === (task.gpt4Exposure === 'E0');
    return {
      name,
      share: shares[index] as number,
      score,
      // The impact is written out only where it differs from the score's default, to keep the catalog small.
      ...(impact === defaultImpact(score) ? {} : { impact }),
      rationale: `${TYPE_LABEL[task.taskType]} GPT-4: ${task.gpt4Automation} (${LEVEL_MEANING[task.gpt4Automation]}); humans: ${task.humanExposure} (${EXPOSURE_MEANING[task.humanExposure]}).`,
      // Confidence is medium where GPT-4 and the human raters agree on whether an LLM touches the task at all.
      provenance: { basis: 'data', source: TASK_SOURCE, confidence: agree ? 'medium' : 'low' },
    };
  });
}
