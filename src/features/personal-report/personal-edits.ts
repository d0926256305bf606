import type { CoarseChoice } from './coarse-time.ts';
import { addedTaskId, type AddedTaskRef, type PersonalInputs } from './personal-inputs.ts';
import { allocateInProportion, tasksOf, type PersonTask } from './personal-score.ts';
import { ADDED_TASK_SHARE, MAX_ADDED_TASKS, type ReportSource } from './report-source.ts';

/**
 * Edits a person makes, as pure functions from inputs to inputs: the browser island calls them as
 * the person types, and the page uses them to build plain links (remove, restore, try this change)
 * that work without JavaScript. Every edit keeps the shares at exactly 100.
 */

const HUNDRED = 10_000;

const withoutKey = <T>(values: Record<string, T>, id: string): Record<string, T> => Object.fromEntries(Object.entries(values).filter(([key]) => key !== id));

/** Returns the inputs in their shortest form: shares equal to the derived ones, the role's own seniority and a zero shift are left out. */
export function canonicalInputs(source: ReportSource, inputs: PersonalInputs): PersonalInputs {
  const level = inputs.level === source.seniority ? null : inputs.level;
  const { coarse, ...rest } = inputs;
  const canonical: PersonalInputs = { ...rest, level, role: { slug: inputs.role.slug, seniority: source.seniority } };
  if (coarse && Object.keys(coarse).length > 0) canonical.coarse = coarse;
  const tasks = tasksOf(source, canonical);
  if (!tasks) return canonical;
  const derived = new Map(tasks.derived.map((task) => [task.id, task.share]));
  const shares = Object.fromEntries(Object.entries(inputs.shares).filter(([id, share]) => Math.round(share * 100) !== derived.get(id)));
  return { ...canonical, shares };
}

function sharesFrom(tasks: readonly PersonTask[]): Record<string, number> {
  return Object.fromEntries(tasks.map((task) => [task.id, task.share / 100]));
}

const hasOwnSplit = (inputs: PersonalInputs) => Object.keys(inputs.shares).length > 0;

/** Sets one task's share and rebalances the others in proportion to their time, so the total stays 100. */
export function setTaskShare(source: ReportSource, inputs: PersonalInputs, id: string, percent: number): PersonalInputs {
  const tasks = tasksOf(source, { ...inputs, design: 0 })?.split;
  if (!tasks || !tasks.some((task) => task.id === id) || !Number.isFinite(percent)) return inputs;
  const target = Math.min(HUNDRED, Math.max(0, Math.round(percent * 100)));
  const others = tasks.filter((task) => task.id !== id);
  const weights = others.every((task) => task.share === 0) ? others.map(() => 1) : others.map((task) => task.share);
  const rest = allocateInProportion(weights, HUNDRED - target);
  const next = tasks.map((task) => (task.id === id ? { ...task, share: target } : { ...task, share: rest[others.indexOf(task)] ?? 0 }));
  return canonicalInputs(source, { ...inputs, shares: sharesFrom(next) });
}

/** Sets how often the person does one task (null goes back to the role's typical share); exact percentages give way to the choices. */
export function setCoarseChoice(source: ReportSource, inputs: PersonalInputs, id: string, choice: CoarseChoice | null): PersonalInputs {
  const coarse = withoutKey(inputs.coarse ?? {}, id);
  if (choice !== null) coarse[id] = choice;
  return canonicalInputs(source, { ...inputs, shares: {}, coarse });
}

/** Goes back from exact percentages to the coarse choices. */
export function clearExactShares(source: ReportSource, inputs: PersonalInputs): PersonalInputs {
  return canonicalInputs(source, { ...inputs, shares: {} });
}

/** Removes one of the role's tasks; its time goes to the other tasks in proportion. */
export function dropRoleTask(source: ReportSource, dropping: PersonalInputs, number: number): PersonalInputs {
  if (dropping.drop.includes(number)) return dropping;
  const inputs = { ...dropping, coarse: withoutKey(dropping.coarse ?? {}, String(number)) };
  const drop = [...inputs.drop, number].sort((a, b) => a - b);
  if (!hasOwnSplit(inputs)) return canonicalInputs(source, { ...inputs, drop });
  const tasks = tasksOf(source, { ...inputs, design: 0 })?.split;
  const removed = tasks?.find((task) => task.id === String(number));
  if (!tasks || !removed) return inputs;
  const others = tasks.filter((task) => task !== removed);
  const extra = allocateInProportion(others.map((task) => task.share), removed.share);
  const next = others.map((task, index) => ({ ...task, share: task.share + (extra[index] ?? 0) }));
  return canonicalInputs(source, { ...inputs, drop, shares: sharesFrom(next) });
}

/** Brings a removed role task back with its share in the role, taken from the other tasks in proportion. */
export function restoreRoleTask(source: ReportSource, inputs: PersonalInputs, number: number): PersonalInputs {
  if (!inputs.drop.includes(number)) return inputs;
  const drop = inputs.drop.filter((other) => other !== number);
  if (!hasOwnSplit(inputs)) return canonicalInputs(source, { ...inputs, drop });
  const tasks = tasksOf(source, { ...inputs, drop, shares: {}, design: 0 });
  const current = tasksOf(source, { ...inputs, design: 0 })?.split;
  const restored = tasks?.split.find((task) => task.id === String(number));
  if (!current || !restored) return inputs;
  const share = Math.min(restored.share, HUNDRED);
  const taken = allocateInProportion(current.map((task) => task.share), share);
  const shares = sharesFrom(current.map((task, index) => ({ ...task, share: task.share - (taken[index] ?? 0) })));
  return canonicalInputs(source, { ...inputs, drop, shares: { ...shares, [String(number)]: share / 100 } });
}

/** Adds a task from a related occupation with its starting share, taken from the other tasks in proportion. */
export function addRelatedTask(source: ReportSource, inputs: PersonalInputs, ref: AddedTaskRef): PersonalInputs {
  if (inputs.add.length >= MAX_ADDED_TASKS || inputs.add.some((other) => other.onetCode === ref.onetCode && other.task === ref.task)) return inputs;
  const add = [...inputs.add, ref];
  if (!hasOwnSplit(inputs)) return canonicalInputs(source, { ...inputs, add });
  const current = tasksOf(source, { ...inputs, design: 0 })?.split;
  if (!current) return inputs;
  const share = ADDED_TASK_SHARE * 100;
  const taken = allocateInProportion(current.map((task) => task.share), share);
  const shares = sharesFrom(current.map((task, index) => ({ ...task, share: task.share - (taken[index] ?? 0) })));
  return canonicalInputs(source, { ...inputs, add, shares: { ...shares, [addedTaskId(add.length - 1)]: ADDED_TASK_SHARE } });
}

/** Removes an added task ("a2"); the later added tasks move up one place and its time goes to the others in proportion. */
export function removeAddedTask(source: ReportSource, inputs: PersonalInputs, id: string): PersonalInputs {
  const index = Number(id.slice(1)) - 1;
  if (!id.startsWith('a') || !inputs.add[index]) return inputs;
  const add = inputs.add.filter((_, position) => position !== index);
  const renumber = <T>(tasks: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(tasks).map(([key, share]) => {
        const position = key.startsWith('a') ? Number(key.slice(1)) - 1 : -1;
        return [position > index ? addedTaskId(position - 1) : key, share];
      }),
    );
  const coarse = renumber(withoutKey(inputs.coarse ?? {}, id));
  if (!hasOwnSplit(inputs)) return canonicalInputs(source, { ...inputs, add, coarse });
  const current = tasksOf(source, { ...inputs, design: 0 })?.split;
  const removed = current?.find((task) => task.id === id);
  if (!current || !removed) return inputs;
  const others = current.filter((task) => task !== removed);
  const extra = allocateInProportion(others.map((task) => task.share), removed.share);
  const shares = sharesFrom(others.map((task, position) => ({ ...task, share: task.share + (extra[position] ?? 0) })));
  return canonicalInputs(source, { ...inputs, add, coarse, shares: renumber(withoutKey(shares, id)) });
}

/** Moves points of time from one task to another, as a suggested change does. */
export function moveTime(source: ReportSource, inputs: PersonalInputs, fromId: string, toId: string, points: number): PersonalInputs {
  const current = tasksOf(source, { ...inputs, design: 0 })?.split;
  const from = current?.find((task) => task.id === fromId);
  if (!current || !from || !current.some((task) => task.id === toId)) return inputs;
  const amount = Math.min(from.share, Math.round(points * 100));
  const next = current.map((task) => (task.id === fromId ? { ...task, share: task.share - amount } : task.id === toId ? { ...task, share: task.share + amount } : task));
  return canonicalInputs(source, { ...inputs, shares: sharesFrom(next) });
}

/** Switches the seniority the person works at; task changes refer to that assessment's tasks, so they start over. */
export function switchLevel(source: ReportSource, inputs: PersonalInputs, level: string): PersonalInputs {
  return canonicalInputs(source, { ...inputs, level, drop: [], add: [], shares: {}, coarse: {}, design: 0 });
}
