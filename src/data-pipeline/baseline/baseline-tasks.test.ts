import { describe, expect, it } from 'vitest';
import { dec, sum, toFixed } from '../../methodology/index.ts';
import type { LabelledTask } from '../sources/eloundou-files.ts';
import { allocateShares, combineTaskScore, deriveTasks, taskImpactOf, taskScoreOf, type TaskEvidence } from './baseline-tasks.ts';

const task = (taskId: string, taskType: LabelledTask['taskType'], gpt4Automation: LabelledTask['gpt4Automation'], humanExposure: LabelledTask['humanExposure'] = 'E1'): LabelledTask => ({
  onetCode: '41-9041.00',
  taskId,
  task: `Task number ${taskId}.`,
  taskType,
  humanExposure,
  gpt4Exposure: humanExposure,
  gpt4Automation,
});

describe('task shares of a baseline', () => {
  it('sum to exactly 100 with at most two decimals, Core tasks weighing twice a Supplemental one', () => {
    const tasks = deriveTasks([task('1', 'Core', 'T1'), task('2', 'Supplemental', 'T1'), task('3', 'Core', 'T2'), task('4', 'Supplemental', 'T3'), task('5', 'Core', 'T0'), task('6', 'unrated', 'T4')]);
    const total = sum(tasks.map((item) => dec(item.share)));
    expect(toFixed(total, 2)).toBe('100.00');
    for (const item of tasks) expect(Math.round(item.share * 100)).toBeCloseTo(item.share * 100, 9);
    const core = tasks.filter((item) => item.rationale.startsWith('Core.')).map((item) => item.share);
    const supplemental = tasks.filter((item) => item.rationale.startsWith('Supplemental.')).map((item) => item.share);
    expect(Math.min(...core)).toBeGreaterThan(Math.max(...supplemental));
    expect(core[0]).toBeCloseTo(2 * (supplemental[0] as number), 1);
  });

  it('split indivisible time by largest remainder, the earlier task first on a tie', () => {
    expect(allocateShares([1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
    expect(allocateShares([2, 1, 1, 1, 1, 1, 1])).toEqual([25, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5]);
    const many = allocateShares(Array.from({ length: 37 }, (_, index) => (index % 3 === 0 ? 2 : 1)));
    expect(many.reduce((total, share) => total + Math.round(share * 100), 0)).toBe(10_000);
  });

  it('list Core tasks first, then Supplemental, then unrated, each by task ID', () => {
    const tasks = deriveTasks([task('30', 'Supplemental', 'T1'), task('20', 'Core', 'T1'), task('5', 'unrated', 'T1'), task('10', 'Core', 'T1')]);
    expect(tasks.map((item) => item.name)).toEqual(['Task number 10.', 'Task number 20.', 'Task number 30.', 'Task number 5.']);
  });
});

describe('task scores and impacts of a baseline', () => {
  it('map GPT-4 automation levels T0–T4 onto task scores 1–5', () => {
    expect((['T0', 'T1', 'T2', 'T3', 'T4'] as const).map(taskScoreOf)).toEqual([1, 2, 3, 4, 5]);
  });

  it('mark a task human annotators saw no LLM exposure in (E0) as not involved, whatever GPT-4 said', () => {
    expect(taskImpactOf(4, 'E0')).toBe('not_involved');
    expect(taskImpactOf(4, 'E2')).toBe('displacement');
    expect(taskImpactOf(2, 'E1')).toBe('augmentation');
    const [derived] = deriveTasks([task('1', 'Core', 'T3', 'E0')]);
    expect(derived?.impact).toBe('not_involved');
  });

  it('write the rationale from the labels and carry data provenance', () => {
    const [derived] = deriveTasks([task('1', 'Core', 'T3', 'E1')]);
    expect(derived?.rationale).toBe('Core. GPT-4: T3 (mostly automatable, human review); humans: E1 (an LLM halves the time).');
    expect(derived?.provenance).toEqual({ basis: 'data', source: 'Eloundou et al. 2023', confidence: 'medium' });
    expect(derived?.impact).toBeUndefined();
  });
});

describe('combining the task labels and the other task signals (baseline method 2)', () => {
  const none: TaskEvidence = { physical: null };
  const labels = (gpt4Automation: LabelledTask['gpt4Automation'], humanExposure: LabelledTask['humanExposure'], gpt4Exposure: LabelledTask['gpt4Exposure'] = 'E1') => ({
    gpt4Automation,
    humanExposure,
    gpt4Exposure,
  });

  it('cap the score where human annotators saw no LLM exposure: 1 when GPT-4 sees little automation, 2 when it sees more', () => {
    expect(combineTaskScore(labels('T1', 'E0'), none).score).toBe(1);
    expect(combineTaskScore(labels('T4', 'E0'), none)).toMatchObject({ score: 2, steps: ['humans E0 caps at 2'], labelsAgree: false });
    expect(combineTaskScore(labels('T0', 'E0', 'E0'), none)).toMatchObject({ score: 1, steps: [], labelsAgree: true });
  });

  it('cap at 3 where humans label E2 and GPT-4 does not say an LLM alone halves the time, but keep GPT-4 where it says E1', () => {
    expect(combineTaskScore(labels('T3', 'E2', 'E2'), none).score).toBe(3);
    expect(combineTaskScore(labels('T4', 'E2', 'E0'), none).score).toBe(3);
    expect(combineTaskScore(labels('T3', 'E2', 'E1'), none).score).toBe(4);
    expect(combineTaskScore(labels('T3', 'E1', 'E1'), none).score).toBe(4);
  });

  it('leave observed Claude use out of the task score: the labels and physical automation alone set it (ADR 0091)', () => {
    expect(Object.keys(none)).toEqual(['physical']);
    expect(combineTaskScore(labels('T2', 'E1'), none)).toMatchObject({ score: 3, lifted: false, steps: [] });
  });

  it('raise a task autonomous systems take over to the physical-automation score, even where humans saw no LLM exposure', () => {
    const physical = { technology: 'autonomous trucks', score: 4, citation: 'test citation' };
    const combined = combineTaskScore(labels('T1', 'E0', 'E0'), { ...none, physical });
    expect(combined).toMatchObject({ score: 4, lifted: true });
    expect(combineTaskScore(labels('T4', 'E1'), { ...none, physical }).score).toBe(5);
    const [derived] = deriveTasks([task('1', 'Core', 'T0', 'E0')], () => ({ ...none, physical }));
    expect(derived).toMatchObject({ score: 4, provenance: { source: 'Eloundou et al. 2023; test citation' } });
    expect(derived?.impact).toBeUndefined();
    expect(derived?.rationale).toContain('autonomous trucks: 4');
  });
});

