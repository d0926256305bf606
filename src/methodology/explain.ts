import {
  BARRIER_KEYS,
  EVIDENCE_KEYS,
  PROTECTIVE_KEYS,
  type MethodologyDefinition,
  type Range,
  type Zone,
} from './definition.ts';
import { computeFormulaScore, taskExposureOf, zoneOf, type ScoringInput } from './score.ts';

export type JudgementInput =
  | { kind: 'task'; index: number; name: string }
  | { kind: 'protective'; key: (typeof PROTECTIVE_KEYS)[number] }
  | { kind: 'growth' }
  | { kind: 'evidence'; key: (typeof EVIDENCE_KEYS)[number] }
  | { kind: 'barrier'; key: (typeof BARRIER_KEYS)[number] };

export interface SingleStep {
  value: number;
  score: number;
  delta: number;
  zone: Zone;
}

export interface Sensitivity {
  input: JudgementInput;
  label: string;
  value: number;
  up: SingleStep | null;
  down: SingleStep | null;
  /** The larger of the two moves, in score points; 0 for inputs the formula does not read. */
  largestMove: number;
  inFormula: boolean;
}

export interface Explanation {
  formulaScore: number;
  sensitivity: Sensitivity[];
  band: { low: number; high: number; zoneStable: boolean };
}

interface Judgement {
  input: JudgementInput;
  label: string;
  value: number;
  range: Range;
  inFormula: boolean;
  withValue: (value: number) => ScoringInput;
}

function listJudgements(input: ScoringInput, definition: MethodologyDefinition): Judgement[] {
  const { ranges } = definition;
  const judgements: Judgement[] = input.tasks.map((task, index) => ({
    input: { kind: 'task', index, name: task.name },
    label: `Task: ${task.name}`,
    value: task.score,
    range: ranges.taskScore,
    inFormula: true,
    withValue: (value) => ({ ...input, tasks: input.tasks.map((other, i) => (i === index ? { ...other, score: value } : other)) }),
  }));
  for (const { key, label } of definition.protective) {
    judgements.push({
      input: { kind: 'protective', key },
      label: `Protective: ${label}`,
      value: input.protective[key].score,
      range: ranges.protective,
      inFormula: false,
      withValue: (value) => ({ ...input, protective: { ...input.protective, [key]: { score: value } } }),
    });
  }
  judgements.push({
    input: { kind: 'growth' },
    label: definition.growthLabel,
    value: input.growth.score,
    range: ranges.growth,
    inFormula: true,
    withValue: (value) => ({ ...input, growth: { score: value } }),
  });
  for (const { key, label } of definition.evidence) {
    judgements.push({
      input: { kind: 'evidence', key },
      label: `Evidence: ${label}`,
      value: input.evidence[key].score,
      range: ranges.evidence,
      inFormula: true,
      withValue: (value) => ({ ...input, evidence: { ...input.evidence, [key]: { score: value } } }),
    });
  }
  for (const { key, label } of definition.barriers) {
    judgements.push({
      input: { kind: 'barrier', key },
      label: `Barrier: ${label}`,
      value: input.barriers[key].score,
      range: ranges.barrier,
      inFormula: true,
      withValue: (value) => ({ ...input, barriers: { ...input.barriers, [key]: { score: value } } }),
    });
  }
  return judgements;
}

const roundDelta = (value: number) => Math.round(value * 10) / 10;

/**
 * Explains a score per methodology §2.5: the formula score after each judgement input moves one
 * step up and one step down, largest effects first, and the band those single steps span.
 */
export function explainScore(input: ScoringInput, definition: MethodologyDefinition): Explanation {
  // Every step but a task's leaves the tasks as they are: their exposure is worked out once.
  const exposure = taskExposureOf(input.tasks);
  const formulaScore = computeFormulaScore(input, definition, exposure);
  const formulaZone = zoneOf(formulaScore, definition);
  const step = (judgement: Judgement, value: number): SingleStep | null => {
    if (value < judgement.range.min || value > judgement.range.max) return null;
    const moved = judgement.withValue(value);
    const score = computeFormulaScore(moved, definition, moved.tasks === input.tasks ? exposure : undefined);
    return { value, score, delta: roundDelta(score - formulaScore), zone: zoneOf(score, definition) };
  };

  const sensitivity: Sensitivity[] = listJudgements(input, definition).map((judgement) => {
    const up = step(judgement, judgement.value + 1);
    const down = step(judgement, judgement.value - 1);
    const largestMove = Math.max(Math.abs(up?.delta ?? 0), Math.abs(down?.delta ?? 0));
    return { input: judgement.input, label: judgement.label, value: judgement.value, up, down, largestMove, inFormula: judgement.inFormula };
  });
  sensitivity.sort((a, b) => b.largestMove - a.largestMove);

  const steps = sensitivity.flatMap((entry) => [entry.up, entry.down]).filter((entry): entry is SingleStep => entry !== null);
  const scores = [formulaScore, ...steps.map((entry) => entry.score)];
  return {
    formulaScore,
    sensitivity,
    band: {
      low: Math.min(...scores),
      high: Math.max(...scores),
      zoneStable: steps.every((entry) => entry.zone === formulaZone),
    },
  };
}
