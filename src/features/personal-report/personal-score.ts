import { methodologyOf, type MethodologyDefinition, type Zone } from '../../methodology/definition.ts';
import { explainScore } from '../../methodology/explain.ts';
import { computeFormulaScore, scoreAssessment, zoneOf, type ScoreResult, type ScoringInput } from '../../methodology/score.ts';
import {
  baseFor,
  checkCoarse,
  describeTask,
  designRangeOf,
  roleTasks,
  resolveAdded,
  toPercent,
  toTenths,
  withAdded,
  withCoarseChoices,
  withDesignShift,
  withoutDropped,
  withShares,
  type PersonTask,
} from './person-tasks.ts';
import { type InputProblem, type PersonalInputs } from './personal-inputs.ts';
import { ADDED_TASK_SHARE, CONTEXT_FACTORS, SUGGESTED_MOVE_POINTS, type BaseAssessment, type ContextKey, type ReportSource } from './report-source.ts';

export { allocateInProportion, baseFor, designRangeOf, withCoarseChoices, type PersonTask } from './person-tasks.ts';

/**
 * The personal report engine: starts from a role's assessment, applies a person's changes in a
 * fixed order (seniority, removed tasks, added tasks, time split, design shift, each workplace
 * context), scores every stage with the methodology and explains the difference stage by stage.
 * The task changes themselves live in person-tasks.ts.
 */

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
function overrideOffset(base: BaseAssessment, definition: MethodologyDefinition): number {
  if (!base.judgements.override) return 0;
  return toTenths(base.judgements.override.score) - toTenths(computeFormulaScore(scoringInput(roleTasks(base), base.judgements), definition));
}

function clampTenths(tenths: number, definition: MethodologyDefinition): number {
  const { min, max } = definition.ranges.score;
  return Math.min(max * 10, Math.max(min * 10, tenths));
}

/** Scores a person's version of the role under the methodology of the role's revision it starts from. */
function scoreOf(tasks: readonly PersonTask[], judgements: BaseAssessment['judgements'], offset: number, definition: MethodologyDefinition): number {
  return clampTenths(toTenths(computeFormulaScore(scoringInput(tasks, judgements), definition)) + offset, definition) / 10;
}

interface Pipeline {
  base: BaseAssessment;
  /** The methodology the base's figures were computed under: every stage is scored under it too. */
  definition: MethodologyDefinition;
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
  const definition = methodologyOf(base.methodologyVersion);
  return { base, definition, offset: overrideOffset(base, definition), afterDrop, afterAdd, afterCoarse, split, shifted, judgements: withContext(base.judgements, inputs.context), problems };
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
  const { base, offset, definition } = pipeline;
  if (inputs.level !== null && inputs.level !== source.seniority) {
    record('seniority', `Seniority: ${base.label}`, `scored from the ${base.label} assessment instead of ${baseFor(source, null)?.label ?? source.seniority}`, scoreOf(roleTasks(base), base.judgements, offset, definition));
  }
  if (inputs.drop.length > 0) {
    const names = inputs.drop.map((number) => base.tasks[number - 1]?.name ?? `task ${number}`);
    record('drop', `Removed ${inputs.drop.length === 1 ? 'a task' : `${inputs.drop.length} tasks`}`, `${names.join('; ')} (their time spread over your other tasks)`, scoreOf(pipeline.afterDrop, base.judgements, offset, definition));
  }
  const added = pipeline.afterAdd.filter((task) => task.origin.kind === 'added');
  if (added.length > 0) {
    record('add', `Added ${added.length === 1 ? 'a task' : `${added.length} tasks`}`, `${added.map((task) => `${task.name} (score ${task.score})`).join('; ')}, ${ADDED_TASK_SHARE}% of time each`, scoreOf(pipeline.afterAdd, base.judgements, offset, definition));
  }
  if (Object.keys(inputs.shares).length > 0 || Object.keys(inputs.coarse ?? {}).length > 0) {
    record('split', 'Your time split', splitDetail(pipeline.afterAdd, pipeline.split), scoreOf(pipeline.split, base.judgements, offset, definition));
  }
  if (inputs.design !== 0) {
    const toward = inputs.design > 0 ? 'designing new solutions' : 'applying existing tools';
    record('design', `${signed(inputs.design)} points toward ${toward}`, `time moved between design-like tasks (score 1–2) and apply-like tasks (score 3–5)`, scoreOf(pipeline.shifted, base.judgements, offset, definition));
  }
  let judgements = base.judgements;
  for (const factor of CONTEXT_FACTORS) {
    if (!inputs.context.includes(factor.key)) continue;
    const before = judgements.barriers[factor.barrier].score;
    judgements = withContext(judgements, [factor.key]);
    const detail = before >= factor.value ? `${factor.barrierLabel} barrier already at ${before} of 2: no change` : `${factor.barrierLabel} barrier from ${before} to ${factor.value} of 2`;
    record(factor.key, factor.label, detail, scoreOf(pipeline.shifted, judgements, offset, definition));
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
        moved = scoreOf(shifted, pipeline.judgements, pipeline.offset, pipeline.definition);
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
  const { base, definition, offset, shifted, judgements } = pipeline;
  const score = scoreOf(shifted, judgements, offset, definition);
  const input = scoringInput(shifted, judgements);
  const result = scoreAssessment(offset === 0 ? input : { ...input, override: { score, justification: 'The assessor’s adjustment of the role’s formula score, carried over.' } }, definition);
  const explanation = explainScore(input, definition);
  const shift = (value: number) => clampTenths(toTenths(value) + offset, definition) / 10;
  const low = shift(explanation.band.low);
  const high = shift(explanation.band.high);
  const zone = zoneOf(score, definition);
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
      band: { low, high, zoneStable: zoneOf(low, definition) === zone && zoneOf(high, definition) === zone },
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
