import type { Impact, Task } from '../../methodology/index.ts';
import { defaultImpact } from '../../methodology/index.ts';
import type { AutomationLevel, ExposureLabel, LabelledTask, TaskType } from '../sources/eloundou-files.ts';
import { BASELINE, BASELINE_METHODOLOGY } from './baseline-constants.ts';

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

/**
 * What besides the Eloundou labels speaks to one task: physical automation. Observed Claude use is read once, as
 * evidence (AI Tool Maturity), not here as well (ADR 0091).
 */
export interface TaskEvidence {
  /** A physical-automation row whose task pattern matches this task, with the score it supports. */
  physical: { technology: string; score: number; citation: string } | null;
}

/** The combined task score and the steps that produced it, for the rationale. */
export interface CombinedTaskScore {
  score: number;
  steps: string[];
  /** Whether a signal other than the labels moved the score (physical automation). */
  lifted: boolean;
  /** Whether the human and GPT-4 labels agree on whether an LLM touches the task at all. */
  labelsAgree: boolean;
}

/**
 * Combines the task's labels (baseline method 2, docs/baseline-method.md "Tasks"): GPT-4's automation level,
 * capped where the human annotators saw no LLM exposure (E0) or exposure only through software not yet built
 * (E2), and raised to the physical-automation score where autonomous systems take the task over.
 */
export function combineTaskScore(task: Pick<LabelledTask, 'gpt4Automation' | 'gpt4Exposure' | 'humanExposure'>, evidence: TaskEvidence): CombinedTaskScore {
  const rules = BASELINE.taskRules;
  let score = taskScoreOf(task.gpt4Automation);
  const steps: string[] = [];
  let lifted = false;
  const labelsAgree = (task.humanExposure === 'E0') === (task.gpt4Exposure === 'E0');
  if (task.humanExposure === 'E0') {
    // Humans saw no LLM exposure: where GPT-4 itself sees at most a little automation the task is not involved;
    // where GPT-4 sees half or more, the disagreement is split low.
    const cap = score <= taskScoreOf('T1') ? rules.capWhenHumansE0AndGpt4Low : rules.capWhenHumansE0;
    if (score > cap) {
      score = cap;
      steps.push(`humans E0 caps at ${cap}`);
    }
  } else if (task.humanExposure === 'E2' && task.gpt4Exposure !== 'E1' && score > rules.capWhenHumansE2) {
    // E2: only software not yet built on LLMs would halve the time, so "mostly or fully automatable" is not here yet.
    score = rules.capWhenHumansE2;
    steps.push(`humans E2 (needs software not yet built) caps at ${rules.capWhenHumansE2}`);
  }
  if (evidence.physical && evidence.physical.score > score) {
    score = evidence.physical.score;
    lifted = true;
    steps.push(`${evidence.physical.technology}: ${score}`);
  }
  return { score, steps, lifted, labelsAgree };
}

/** Returns the impact of a task: not involved where human annotators saw no LLM exposure (E0) and no other signal lifted the score, else the score's default. */
export function taskImpactOf(score: number, humanExposure: ExposureLabel, lifted = false): Impact {
  return humanExposure === 'E0' && !lifted ? 'not_involved' : defaultImpact(score, BASELINE_METHODOLOGY);
}

/** Orders an occupation's tasks Core first, then Supplemental, then unrated, each by O*NET task ID. */
export function orderTasks(tasks: readonly LabelledTask[]): LabelledTask[] {
  return [...tasks].sort((a, b) => TYPE_ORDER[a.taskType] - TYPE_ORDER[b.taskType] || Number(a.taskId) - Number(b.taskId));
}

const NO_EVIDENCE: TaskEvidence = { physical: null };

/** Derives the assessment tasks of one occupation from its labelled O*NET tasks and what else speaks to each task. */
export function deriveTasks(labelled: readonly LabelledTask[], evidenceOf: (task: LabelledTask) => TaskEvidence = () => NO_EVIDENCE): Task[] {
  const ordered = orderTasks(labelled);
  const shares = allocateShares(ordered.map((task) => BASELINE.taskWeight[task.taskType]));
  const names = new Set<string>();
  return ordered.map((task, index): Task => {
    const evidence = evidenceOf(task);
    const combined = combineTaskScore(task, evidence);
    const score = combined.score;
    let name = task.task;
    if (names.has(name.toLowerCase())) name = `${name} (task ${task.taskId})`;
    names.add(name.toLowerCase());
    const impact = taskImpactOf(score, task.humanExposure, combined.lifted);
    const steps = combined.steps.length > 0 ? ` Score: ${combined.steps.join('; ')}.` : '';
    const physical = evidence.physical !== null && combined.lifted && score === evidence.physical.score;
    return {
      name,
      share: shares[index] as number,
      score,
      // The impact is written out only where it differs from the score's default, to keep the catalog small.
      ...(impact === defaultImpact(score, BASELINE_METHODOLOGY) ? {} : { impact }),
      rationale: `${TYPE_LABEL[task.taskType]} GPT-4: ${task.gpt4Automation} (${LEVEL_MEANING[task.gpt4Automation]}); humans: ${task.humanExposure} (${EXPOSURE_MEANING[task.humanExposure]}).${steps}`,
      // Confidence is medium where GPT-4 and the human raters agree on whether an LLM touches the task at all.
      provenance: {
        basis: 'data',
        source: physical && evidence.physical ? `${TASK_SOURCE}; ${evidence.physical.citation}` : TASK_SOURCE,
        confidence: combined.labelsAgree ? 'medium' : 'low',
      },
    };
  });
}
