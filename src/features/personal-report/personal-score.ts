import { CURRENT_METHODOLOGY, type Impact, type Zone } from '../../methodology/definition.ts';
import { explainScore } from '../../methodology/explain.ts';
import { computeFormulaScore, scoreAssessment, zoneOf, type ScoreResult, type ScoringInput } from '../../methodology/score.ts';
import { COARSE_LABELS, COARSE_NOMINAL_SHARE, type CoarseChoice } from './coarse-time.ts';
import { addedTaskId, type InputProblem, type PersonalInputs } from './personal-inputs.ts';
import {
  ADDED_TASK_SHARE,
  CONTEXT_FACTORS,
  MAX_ADDED_TASKS,
  SUGGESTED_MOVE_POINTS,
  isDesignLike,
  type BaseAssessment,
  type ContextKey,
  type ReportSource,
} from './report-source.ts';

/**
 * The personal report engine: starts from a role's assessment, applies a person's changes in a
 * fixed order (seniority, removed tasks, added tasks, time split, design shift, each workplace
 * context), scores every stage with the methodology and explains the difference stage by stage.
 * Shares are handled in integer hundredths of a percent so they always add up to exactly 100.
 */

const HUNDRED = 10_000;
const toHundredths = (percent: number) => Math.round(percent * 100);
const toPercent = (hundredths: number) => hundredths / 100;
const toTenths = (score: number) => Math.round(score * 10);

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

export interface AttributionStep {
  key: 'seniority' | 'drop' | 'add' | 'split' | 'design' | ContextKey;
  label: string;
  detail: string;
  scoreAfter: number;
  delta: number;
}

export interface SuggestedMove {
  fromId: string;
  toId: string;
  fromName: string;
  toName: string;
  points: number;
  score: number;
  gain: number;
}

export interface PersonalReport {
  base: BaseAssessment;
  roleScore: number;
  /** Tasks as the person set them, before the design shift (what the share fields show). */
  splitTasks: PersonTask[];
  /** Tasks as scored, after the design shift. */
  tasks: PersonTask[];
  result: ScoreResult;
  score: number;
  zone: Zone;
  delta: number;
  attribution: AttributionStep[];
  suggestions: SuggestedMove[];
  band: { low: number; high: number; zoneStable: boolean };
  designRange: { min: number; max: number };
  roleBarriers: Record<ContextKey, number>;
}

export type PersonalOutcome = { ok: true; report: PersonalReport } | { ok: false; problems: InputProblem[]; splitTasks: PersonTask[] | null; base: BaseAssessment | null };

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
function shiftShares(tasks: PersonTask[], from: (task: PersonTask) => boolean, to: (task: PersonTask) => boolean, amount: number): PersonTask[] {
  const sources = tasks.filter((task) => from(task) && task.share > 0);
  const targets = tasks.filter((task) => to(task) && task.share > 0);
  const taken = allocateInProportion(sources.map((task) => task.share), amount);
  const given = allocateInProportion(targets.map((task) => task.share), amount);
  const change = new Map<string, number>();
  sources.forEach((task, index) => change.set(task.id, (change.get(task.id) ?? 0) - (taken[index] ?? 0)));
  targets.forEach((task, index) => change.set(task.id, (change.get(task.id) ?? 0) + (given[index] ?? 0)));
  return tasks.map((task) => ({ ...task, share: task.share + (change.get(task.id) ?? 0) }));
}

function roleTasks(base: BaseAssessment): PersonTask[] {
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
function withoutDropped(tasks: PersonTask[], drop: readonly number[]): PersonTask[] {
  const dropped = new Set(drop.map(String));
  const freed = tasks.filter((task) => dropped.has(task.id)).reduce((sum, task) => sum + task.share, 0);
  const kept = tasks.filter((task) => !dropped.has(task.id));
  const extra = allocateInProportion(kept.map((task) => task.share), freed);
  return kept.map((task, index) => ({ ...task, share: task.share + (extra[index] ?? 0) }));
}

function resolveAdded(source: ReportSource, inputs: PersonalInputs, problems: InputProblem[]): PersonTask[] {
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
function withAdded(tasks: PersonTask[], added: PersonTask[]): PersonTask[] {
  if (added.length === 0) return tasks;
  const needed = toHundredths(ADDED_TASK_SHARE) * added.length;
  const taken = allocateInProportion(tasks.map((task) => task.share), needed);
  return [...tasks.map((task, index) => ({ ...task, share: task.share - (taken[index] ?? 0) })), ...added.map((task) => ({ ...task, share: toHundredths(ADDED_TASK_SHARE) }))];
}

function describeTask(task: PersonTask): string {
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

function checkCoarse(tasks: readonly PersonTask[], coarse: Readonly<Record<string, CoarseChoice>>, roleTaskCount: number, problems: InputProblem[]): void {
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

function withShares(tasks: PersonTask[], shares: Record<string, number>, roleTaskCount: number, problems: InputProblem[]): PersonTask[] {
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

function withDesignShift(tasks: PersonTask[], design: number, problems: InputProblem[]): PersonTask[] {
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

function withContext(judgements: BaseAssessment['judgements'], context: readonly ContextKey[]): BaseAssessment['judgements'] {
  const barriers = { ...judgements.barriers };
  for (const factor of CONTEXT_FACTORS) {
    if (context.includes(factor.key)) barriers[factor.barrier] = { score: factor.value };
  }
  return { ...judgements, barriers };
}

function scoringInput(tasks: readonly PersonTask[], judgements: BaseAssessment['judgements']): ScoringInput {
  return {
    ...judgements,
    override: null,
    tasks: tasks.filter((task) => task.share > 0).map((task) => ({ name: task.name, share: toPercent(task.share), score: task.score, impact: task.impact })),
  };
}

/** The assessor's override, if any, carried as a fixed offset in tenths so an unchanged report keeps the role's score. */
function overrideOffset(base: BaseAssessment): number {
  if (!base.judgements.override) return 0;
  return toTenths(base.judgements.override.score) - toTenths(computeFormulaScore(scoringInput(roleTasks(base), base.judgements)));
}

function clampTenths(tenths: number): number {
  const { min, max } = CURRENT_METHODOLOGY.ranges.score;
  return Math.min(max * 10, Math.max(min * 10, tenths));
}

function scoreOf(tasks: readonly PersonTask[], judgements: BaseAssessment['judgements'], offset: number): number {
  return clampTenths(toTenths(computeFormulaScore(scoringInput(tasks, judgements))) + offset) / 10;
}

interface Pipeline {
  base: BaseAssessment;
  offset: number;
  afterDrop: PersonTask[];
  afterAdd: PersonTask[];
  /** The role's split after the person's coarse time choices: what exact shares start from. */
  afterCoarse: PersonTask[];
  split: PersonTask[];
  shifted: PersonTask[];
  judgements: BaseAssessment['judgements'];
  problems: InputProblem[];
}

/** Applies the person's task changes in order and collects every problem with their inputs. */
function runPipeline(source: ReportSource, inputs: PersonalInputs): Pipeline | { base: BaseAssessment | null; problems: InputProblem[]; split?: PersonTask[] } {
  const problems: InputProblem[] = [];
  const base = baseFor(source, inputs.level);
  if (!base) {
    const known = source.bases.map((entry) => entry.label).join(', ');
    return { base: null, problems: [{ field: 'level', message: `${source.title} is not assessed at "${inputs.level}"; choose one of: ${known}.` }] };
  }
  const tasks = roleTasks(base);
  for (const number of inputs.drop) {
    if (!Number.isInteger(number) || number < 1 || number > tasks.length) problems.push({ field: 'drop', message: `There is no task ${number} to remove: ${source.title} has tasks 1 to ${tasks.length}.` });
  }
  if (inputs.drop.length >= tasks.length) problems.push({ field: 'drop', message: 'Keep at least one of the role’s tasks; the report scores your version of this role.' });
  if (problems.length > 0) return { base, problems };
  const afterDrop = withoutDropped(tasks, inputs.drop);
  const afterAdd = withAdded(afterDrop, resolveAdded(source, inputs, problems));
  const coarse = inputs.coarse ?? {};
  checkCoarse(afterAdd, coarse, tasks.length, problems);
  if (problems.length > 0) return { base, problems };
  const afterCoarse = withCoarseChoices(afterAdd, coarse);
  const split = withShares(afterCoarse, inputs.shares, tasks.length, problems);
  if (problems.length > 0) return { base, problems: [...problems], split };
  const shifted = withDesignShift(split, inputs.design, problems);
  for (const key of inputs.context) {
    if (!CONTEXT_FACTORS.some((factor) => factor.key === key)) problems.push({ field: 'ctx', message: `Unknown workplace context "${key}".` });
  }
  return { base, offset: overrideOffset(base), afterDrop, afterAdd, afterCoarse, split, shifted, judgements: withContext(base.judgements, inputs.context), problems };
}

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));
const tenthsDelta = (after: number, before: number) => (toTenths(after) - toTenths(before)) / 10;

const SPLIT_DETAIL_TASKS = 4;
const wholePercent = (hundredths: number) => `${Math.round(hundredths / 100)}%`;

/** Names the tasks whose time changed most, in whole percents: a reader needs the gist, not every hundredth. */
function splitDetail(before: readonly PersonTask[], after: readonly PersonTask[]): string {
  const was = new Map(before.map((task) => [task.id, task.share]));
  const changed = after
    .map((task) => ({ task, from: was.get(task.id) ?? 0 }))
    .filter(({ task, from }) => wholePercent(from) !== wholePercent(task.share))
    .sort((a, b) => Math.abs(b.task.share - b.from) - Math.abs(a.task.share - a.from));
  if (changed.length === 0) return 'small changes to the role’s split (under 1% on every task)';
  const shown = changed.slice(0, SPLIT_DETAIL_TASKS).map(({ task, from }) => `${describeTask(task)} ${wholePercent(from)} → ${wholePercent(task.share)}`);
  const more = changed.length - SPLIT_DETAIL_TASKS;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function attribute(source: ReportSource, inputs: PersonalInputs, pipeline: Pipeline, roleScore: number): AttributionStep[] {
  const steps: AttributionStep[] = [];
  let previous = roleScore;
  const record = (key: AttributionStep['key'], label: string, detail: string, scoreAfter: number) => {
    steps.push({ key, label, detail, scoreAfter, delta: tenthsDelta(scoreAfter, previous) });
    previous = scoreAfter;
  };
  const { base, offset } = pipeline;
  if (inputs.level !== null && inputs.level !== source.seniority) {
    record('seniority', `Seniority: ${base.label}`, `scored from the ${base.label} assessment instead of ${baseFor(source, null)?.label ?? source.seniority}`, scoreOf(roleTasks(base), base.judgements, offset));
  }
  if (inputs.drop.length > 0) {
    const names = inputs.drop.map((number) => base.tasks[number - 1]?.name ?? `task ${number}`);
    record('drop', `Removed ${inputs.drop.length === 1 ? 'a task' : `${inputs.drop.length} tasks`}`, `${names.join('; ')} (their time spread over your other tasks)`, scoreOf(pipeline.afterDrop, base.judgements, offset));
  }
  const added = pipeline.afterAdd.filter((task) => task.origin.kind === 'added');
  if (added.length > 0) {
    record('add', `Added ${added.length === 1 ? 'a task' : `${added.length} tasks`}`, `${added.map((task) => `${task.name} (score ${task.score})`).join('; ')}, ${ADDED_TASK_SHARE}% of time each`, scoreOf(pipeline.afterAdd, base.judgements, offset));
  }
  if (Object.keys(inputs.shares).length > 0 || Object.keys(inputs.coarse ?? {}).length > 0) {
    record('split', 'Your time split', splitDetail(pipeline.afterAdd, pipeline.split), scoreOf(pipeline.split, base.judgements, offset));
  }
  if (inputs.design !== 0) {
    const toward = inputs.design > 0 ? 'designing new solutions' : 'applying existing tools';
    record('design', `${signed(inputs.design)} points toward ${toward}`, `time moved between design-like tasks (score 1–2) and apply-like tasks (score 3–5)`, scoreOf(pipeline.shifted, base.judgements, offset));
  }
  let judgements = base.judgements;
  for (const factor of CONTEXT_FACTORS) {
    if (!inputs.context.includes(factor.key)) continue;
    const before = judgements.barriers[factor.barrier].score;
    judgements = withContext(judgements, [factor.key]);
    const detail = before >= factor.value ? `${factor.barrierLabel} barrier already at ${before} of 2: no change` : `${factor.barrierLabel} barrier from ${before} to ${factor.value} of 2`;
    record(factor.key, factor.label, detail, scoreOf(pipeline.shifted, judgements, offset));
  }
  return steps;
}

function suggestMoves(inputs: PersonalInputs, pipeline: Pipeline, score: number): SuggestedMove[] {
  const candidates: SuggestedMove[] = [];
  const cache = new Map<string, number>();
  const tasks = pipeline.split;
  for (const from of tasks) {
    if (from.share <= 0) continue;
    const amount = Math.min(SUGGESTED_MOVE_POINTS * 100, from.share);
    for (const to of tasks) {
      if (to.id === from.id || to.score >= from.score) continue;
      const key = inputs.design === 0 ? `${from.score}:${to.score}:${amount}` : `${from.id}:${to.id}`;
      let moved = cache.get(key);
      if (moved === undefined) {
        const split = tasks.map((task) => (task.id === from.id ? { ...task, share: task.share - amount } : task.id === to.id ? { ...task, share: task.share + amount } : task));
        const shifted = withDesignShift(split, Math.max(designRangeOf(split).min, Math.min(designRangeOf(split).max, inputs.design)), []);
        moved = scoreOf(shifted, pipeline.judgements, pipeline.offset);
        cache.set(key, moved);
      }
      const gain = tenthsDelta(moved, score);
      if (gain > 0) candidates.push({ fromId: from.id, toId: to.id, fromName: from.name, toName: to.name, points: toPercent(amount), score: moved, gain });
    }
  }
  const order = new Map(tasks.map((task, index) => [task.id, index]));
  const shareOf = new Map(tasks.map((task) => [task.id, task.share]));
  candidates.sort(
    (a, b) =>
      b.gain - a.gain ||
      (shareOf.get(b.fromId) ?? 0) - (shareOf.get(a.fromId) ?? 0) ||
      (order.get(a.fromId) ?? 0) - (order.get(b.fromId) ?? 0) ||
      (shareOf.get(a.toId) ?? 0) - (shareOf.get(b.toId) ?? 0) ||
      (order.get(a.toId) ?? 0) - (order.get(b.toId) ?? 0),
  );
  const chosen: SuggestedMove[] = [];
  const usedSources = new Set<string>();
  for (const candidate of candidates) {
    if (chosen.length === 3) break;
    if (usedSources.has(candidate.fromId)) continue;
    chosen.push(candidate);
    usedSources.add(candidate.fromId);
  }
  for (const candidate of candidates) {
    if (chosen.length === 3) break;
    if (!chosen.includes(candidate)) chosen.push(candidate);
  }
  return chosen;
}

/** Computes a person's report: their score, what moved it, the best changes to their task mix and the band. */
export function computePersonalReport(source: ReportSource, inputs: PersonalInputs): PersonalOutcome {
  const pipeline = runPipeline(source, inputs);
  if (!('shifted' in pipeline) || pipeline.problems.length > 0) {
    return { ok: false, problems: pipeline.problems, splitTasks: pipeline.split ?? null, base: pipeline.base };
  }
  const reference = baseFor(source, null);
  if (!reference) return { ok: false, problems: [{ field: 'role', message: `${source.title} has no assessment at ${source.seniority}.` }], splitTasks: null, base: null };
  const roleScore = reference.score;
  const { base, offset, shifted, judgements } = pipeline;
  const score = scoreOf(shifted, judgements, offset);
  const input = scoringInput(shifted, judgements);
  const result = scoreAssessment(offset === 0 ? input : { ...input, override: { score, justification: 'The assessor’s adjustment of the role’s formula score, carried over.' } });
  const explanation = explainScore(input);
  const shift = (value: number) => clampTenths(toTenths(value) + offset) / 10;
  const low = shift(explanation.band.low);
  const high = shift(explanation.band.high);
  const zone = zoneOf(score);
  return {
    ok: true,
    report: {
      base,
      roleScore,
      splitTasks: pipeline.split,
      tasks: shifted,
      result,
      score,
      zone,
      delta: tenthsDelta(score, roleScore),
      attribution: attribute(source, inputs, pipeline, roleScore),
      suggestions: suggestMoves(inputs, pipeline, score),
      band: { low, high, zoneStable: zoneOf(low) === zone && zoneOf(high) === zone },
      designRange: designRangeOf(pipeline.split),
      roleBarriers: Object.fromEntries(CONTEXT_FACTORS.map((factor) => [factor.key, base.judgements.barriers[factor.barrier].score])) as Record<ContextKey, number>,
    },
  };
}

/** Returns the person's tasks before and after their own time split, or null when the inputs have problems. */
export function tasksOf(source: ReportSource, inputs: PersonalInputs): { derived: PersonTask[]; split: PersonTask[] } | null {
  const pipeline = runPipeline(source, inputs);
  if (!('afterAdd' in pipeline) || pipeline.problems.length > 0) return null;
  return { derived: pipeline.afterCoarse, split: pipeline.split };
}
