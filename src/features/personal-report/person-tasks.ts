import { type Impact } from '../../methodology/definition.ts';
import { COARSE_LABELS, COARSE_NOMINAL_SHARE, type CoarseChoice } from './coarse-time.ts';
import { addedTaskId, type InputProblem, type PersonalInputs } from './personal-inputs.ts';
import { ADDED_TASK_SHARE, MAX_ADDED_TASKS, isDesignLike, type BaseAssessment, type ReportSource } from './report-source.ts';

/**
 * A person's version of a role's tasks: removing, adding and re-timing tasks and shifting time between
 * design-like and apply-like work. Shares are integer hundredths of a percent so they always add up
 * to exactly 100; every step reports problems with the person's inputs instead of throwing.
 */

export const HUNDRED = 10_000;
export const toHundredths = (percent: number) => Math.round(percent * 100);
export const toPercent = (hundredths: number) => hundredths / 100;
export const toTenths = (score: number) => Math.round(score * 10);

export interface PersonTask {
  id: string;
  name: string;
  score: number;
  impact?: Impact | undefined;
  origin: { kind: 'role'; number: number } | { kind: 'added'; onetCode: string; occupation: string; number: number };
  /** Share in hundredths of a percent (2500 = 25%). */
  share: number;
  designLike: boolean;
}

/** Finds the assessment of the seniority the person works at (the role's own when none is given). */
export function baseFor(source: ReportSource, level: string | null): BaseAssessment | null {
  return source.bases.find((base) => base.seniority === (level ?? source.seniority)) ?? null;
}

/** Allocates an integer amount over weights in proportion, by largest remainder, so the parts add up exactly. */
export function allocateInProportion(weights: readonly number[], amount: number): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return weights.map(() => 0);
  const parts = weights.map((weight) => Math.floor((amount * weight) / total));
  const remainders = weights.map((weight, index) => ({ index, rest: amount * weight - (parts[index] ?? 0) * total }));
  let left = amount - parts.reduce((sum, part) => sum + part, 0);
  remainders.sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of remainders) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** Moves an amount of share out of some tasks and into others, each side in proportion to current shares. */
export function shiftShares(tasks: PersonTask[], from: (task: PersonTask) => boolean, to: (task: PersonTask) => boolean, amount: number): PersonTask[] {
  const sources = tasks.filter((task) => from(task) && task.share > 0);
  const targets = tasks.filter((task) => to(task) && task.share > 0);
  const taken = allocateInProportion(sources.map((task) => task.share), amount);
  const given = allocateInProportion(targets.map((task) => task.share), amount);
  const change = new Map<string, number>();
  sources.forEach((task, index) => change.set(task.id, (change.get(task.id) ?? 0) - (taken[index] ?? 0)));
  targets.forEach((task, index) => change.set(task.id, (change.get(task.id) ?? 0) + (given[index] ?? 0)));
  return tasks.map((task) => ({ ...task, share: task.share + (change.get(task.id) ?? 0) }));
}

export function roleTasks(base: BaseAssessment): PersonTask[] {
  return base.tasks.map((task, index) => ({
    id: String(index + 1),
    name: task.name,
    score: task.score,
    impact: task.impact,
    origin: { kind: 'role', number: index + 1 },
    share: toHundredths(task.share),
    designLike: isDesignLike(task.score),
  }));
}

/** Removes role tasks and spreads their time over the remaining role tasks in proportion. */
export function withoutDropped(tasks: PersonTask[], drop: readonly number[]): PersonTask[] {
  const dropped = new Set(drop.map(String));
  const freed = tasks.filter((task) => dropped.has(task.id)).reduce((sum, task) => sum + task.share, 0);
  const kept = tasks.filter((task) => !dropped.has(task.id));
  const extra = allocateInProportion(kept.map((task) => task.share), freed);
  return kept.map((task, index) => ({ ...task, share: task.share + (extra[index] ?? 0) }));
}

export function resolveAdded(source: ReportSource, inputs: PersonalInputs, problems: InputProblem[]): PersonTask[] {
  if (inputs.add.length > MAX_ADDED_TASKS) problems.push({ field: 'add', message: `Add at most ${MAX_ADDED_TASKS} tasks; you added ${inputs.add.length}.` });
  const added: PersonTask[] = [];
  inputs.add.slice(0, MAX_ADDED_TASKS).forEach((ref, index) => {
    const occupation = source.related.find((related) => related.onetCode === ref.onetCode);
    if (!occupation) {
      problems.push({ field: 'add', message: `${ref.onetCode} is not one of the occupations related to ${source.title}; pick a task from the list.` });
      return;
    }
    const task = occupation.tasks[ref.task - 1];
    if (!task) {
      problems.push({ field: 'add', message: `${occupation.title} has ${occupation.tasks.length} tasks; there is no task ${ref.task}.` });
      return;
    }
    added.push({
      id: addedTaskId(index),
      name: task.name,
      score: task.score,
      impact: task.impact,
      origin: { kind: 'added', onetCode: occupation.onetCode, occupation: occupation.title, number: ref.task },
      share: 0,
      designLike: isDesignLike(task.score),
    });
  });
  return added;
}

/** Gives each added task its starting share, taken from the role's tasks in proportion to their time. */
export function withAdded(tasks: PersonTask[], added: PersonTask[]): PersonTask[] {
  if (added.length === 0) return tasks;
  const needed = toHundredths(ADDED_TASK_SHARE) * added.length;
  const taken = allocateInProportion(tasks.map((task) => task.share), needed);
  return [...tasks.map((task, index) => ({ ...task, share: task.share - (taken[index] ?? 0) })), ...added.map((task) => ({ ...task, share: toHundredths(ADDED_TASK_SHARE) }))];
}

export function describeTask(task: PersonTask): string {
  return task.origin.kind === 'role' ? `task ${task.origin.number}` : `added task ${task.id.slice(1)}`;
}

/** Gives tasks with a coarse choice its nominal share, keeps the others' shares, then scales all of them to add up to 100. */
export function withCoarseChoices<T extends { id: string; share: number }>(tasks: readonly T[], coarse: Readonly<Record<string, CoarseChoice>>): T[] {
  if (Object.keys(coarse).length === 0) return [...tasks];
  const weights = tasks.map((task) => {
    const choice = coarse[task.id];
    return choice === undefined ? task.share : toHundredths(COARSE_NOMINAL_SHARE[choice]);
  });
  const shares = allocateInProportion(weights, HUNDRED);
  return tasks.map((task, index) => ({ ...task, share: shares[index] ?? 0 }));
}

export function checkCoarse(tasks: readonly PersonTask[], coarse: Readonly<Record<string, CoarseChoice>>, roleTaskCount: number, problems: InputProblem[]): void {
  const ids = new Set(tasks.map((task) => task.id));
  for (const id of Object.keys(coarse)) {
    if (ids.has(id)) continue;
    const number = Number(id);
    problems.push({
      field: `c${id}`,
      message: id.startsWith('a')
        ? `There is no added task ${id.slice(1)}; add the task before saying how often you do it.`
        : number >= 1 && number <= roleTaskCount
          ? `Task ${id} is removed; restore it before saying how often you do it.`
          : `There is no task ${id}: the role has tasks 1 to ${roleTaskCount}.`,
    });
  }
  if (problems.length === 0 && tasks.every((task) => coarse[task.id] === 'never' || (coarse[task.id] === undefined && task.share === 0))) {
    problems.push({ field: 'shares', message: `You chose "${COARSE_LABELS.never}" for every task; choose how often you do at least one of them.` });
  }
}

export function withShares(tasks: PersonTask[], shares: Record<string, number>, roleTaskCount: number, problems: InputProblem[]): PersonTask[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  for (const [id, share] of Object.entries(shares)) {
    const field = `s${id}`;
    if (!byId.has(id)) {
      const number = Number(id);
      problems.push({
        field,
        message: id.startsWith('a')
          ? `There is no added task ${id.slice(1)}; add the task before giving it time.`
          : number >= 1 && number <= roleTaskCount
            ? `Task ${id} is removed; restore it before giving it time.`
            : `There is no task ${id}: the role has tasks 1 to ${roleTaskCount}.`,
      });
      continue;
    }
    if (!Number.isFinite(share) || share < 0 || share > 100) problems.push({ field, message: `The time on ${describeTask(byId.get(id)!)} must be between 0 and 100%; it is ${share}.` });
    else if (Math.abs(share * 100 - Math.round(share * 100)) > 1e-9) problems.push({ field, message: `Give the time on ${describeTask(byId.get(id)!)} with at most two decimals (${share} has more).` });
  }
  const result = tasks.map((task) => (task.id in shares ? { ...task, share: toHundredths(shares[task.id] ?? 0) } : task));
  const total = result.reduce((sum, task) => sum + task.share, 0);
  if (problems.length === 0 && total !== HUNDRED) {
    const difference = toPercent(Math.abs(HUNDRED - total));
    problems.push({
      field: 'shares',
      message: `Your time adds up to ${toPercent(total)}%; it must add up to exactly 100% (${difference} points ${total < HUNDRED ? 'missing' : 'too many'}).`,
    });
  }
  return result;
}

/** Returns how far time can move toward design-like tasks (max) or apply-like tasks (min), in whole points. */
export function designRangeOf(tasks: readonly PersonTask[]): { min: number; max: number } {
  const active = tasks.filter((task) => task.share > 0);
  const design = active.filter((task) => task.designLike).reduce((sum, task) => sum + task.share, 0);
  const apply = active.filter((task) => !task.designLike).reduce((sum, task) => sum + task.share, 0);
  if (design === 0 || apply === 0) return { min: 0, max: 0 };
  return { min: -Math.floor(design / 100), max: Math.floor(apply / 100) };
}

export function withDesignShift(tasks: PersonTask[], design: number, problems: InputProblem[]): PersonTask[] {
  if (design === 0) return tasks;
  if (!Number.isInteger(design)) {
    problems.push({ field: 'design', message: `Move time in whole points; ${design} is not a whole number.` });
    return tasks;
  }
  const range = designRangeOf(tasks);
  if (range.min === 0 && range.max === 0) {
    problems.push({ field: 'design', message: 'Your tasks are all of one kind (all designing or all applying), so there is no time to shift between them; set the shift to 0.' });
    return tasks;
  }
  if (design > range.max) {
    problems.push({ field: 'design', message: `You can move at most ${range.max} points toward designing new solutions: that is all the time in apply-like tasks.` });
    return tasks;
  }
  if (design < range.min) {
    problems.push({ field: 'design', message: `You can move at most ${-range.min} points toward applying existing tools: that is all the time in design-like tasks.` });
    return tasks;
  }
  const amount = Math.abs(design) * 100;
  return design > 0
    ? shiftShares(tasks, (task) => !task.designLike, (task) => task.designLike, amount)
    : shiftShares(tasks, (task) => task.designLike, (task) => !task.designLike, amount);
}
