import { beforeAll, describe, expect, it } from 'vitest';
import { COARSE_NOMINAL_SHARE } from './coarse-time.ts';
import { dropRoleTask, removeAddedTask, setCoarseChoice, setTaskShare } from './personal-edits.ts';
import { unchangedInputs, type PersonalInputs } from './personal-inputs.ts';
import { computePersonalReport, withCoarseChoices } from './personal-score.ts';
import { parseReportParams, serializeReportParams } from './report-params.ts';
import type { ReportSource } from './report-source.ts';
import { buildReportSource } from './report-source-builder.ts';
import { committedReadModel } from './test-support/report-sources.ts';

let expert: ReportSource;
const start = () => unchangedInputs('multimodal-ai-engineer', 'mid-level');

beforeAll(async () => {
  expert = buildReportSource(await committedReadModel(), 'multimodal-ai-engineer', 'mid-level')!;
});

const split = (inputs: PersonalInputs) => {
  const outcome = computePersonalReport(expert, inputs);
  if (!outcome.ok) throw new Error(outcome.problems[0]?.message);
  return outcome.report.splitTasks.map((task) => task.share / 100);
};

describe('saying how often you do a task instead of a percentage', () => {
  it('maps Never, Sometimes, Often and Most of my day to 0, 5, 15 and 40 before scaling to 100', () => {
    expect(COARSE_NOMINAL_SHARE).toEqual({ never: 0, sometimes: 5, often: 15, most: 40 });
    const coarse = { '1': 'most', '2': 'often', '3': 'often', '4': 'sometimes', '5': 'sometimes', '6': 'never' } as const;
    expect(split({ ...start(), coarse })).toEqual([50, 18.75, 18.75, 6.25, 6.25, 0]);
  });

  it('keeps the role’s share for tasks left at typical and still adds up to exactly 100', () => {
    const tasks = [
      { id: '1', share: 3333 },
      { id: '2', share: 3333 },
      { id: '3', share: 3334 },
    ];
    const scaled = withCoarseChoices(tasks, { '1': 'most' });
    expect(scaled.reduce((sum, task) => sum + task.share, 0)).toBe(10_000);
    expect(scaled[1]!.share).toBeLessThan(3333);
    expect(scaled[0]!.share).toBeGreaterThan(scaled[1]!.share);
  });

  it('raises the score when the person spends most of the day on a task AI does not do', () => {
    const report = computePersonalReport(expert, { ...start(), coarse: { '6': 'most' } });
    expect(report.ok && report.report.score).toBeGreaterThan(64);
    expect(report.ok && report.report.attribution[0]?.detail).toMatch(/^task 6 10% → \d+%/);
  });

  it('travels in the address as words, and the plain form’s fields read the same', () => {
    const inputs = setCoarseChoice(expert, start(), '6', 'most');
    const query = serializeReportParams(inputs);
    expect(query).toBe('role=multimodal-ai-engineer/mid-level&c=6:most');
    expect(parseReportParams(new URLSearchParams(query)).inputs).toEqual(inputs);
    const form = parseReportParams(new URLSearchParams('role=multimodal-ai-engineer/mid-level&c1=&c2=&c6=most&c3=never'));
    expect(form.problems).toEqual([]);
    expect(form.inputs?.coarse).toEqual({ '6': 'most', '3': 'never' });
  });

  it('names the field, what was found and what is expected for a bad choice, and bounds the list', () => {
    const bad = parseReportParams(new URLSearchParams('role=multimodal-ai-engineer/mid-level&c=2:always&c3=lots'));
    expect(bad.problems).toEqual([
      { field: 'c2', message: 'How often you do task 2 must be one of never, sometimes, often, most; "always" is not.' },
      { field: 'c3', message: 'How often you do task 3 must be one of never, sometimes, often, most; "lots" is not.' },
    ]);
    const many = Array.from({ length: 80 }, (_, index) => `c${index + 1}=often`).join('&');
    const flooded = parseReportParams(new URLSearchParams(`role=multimodal-ai-engineer/mid-level&${many}`));
    expect(Object.keys(flooded.inputs?.coarse ?? {})).toHaveLength(60);
    expect(flooded.problems.map((problem) => problem.message)).toContain('Only the first 60 time choices were read; no role has more tasks than that.');
  });

  it('says what to do when every task is Never or a choice names a task that is not there', () => {
    const never = computePersonalReport(expert, { ...start(), coarse: Object.fromEntries(['1', '2', '3', '4', '5', '6'].map((id) => [id, 'never' as const])) });
    expect(never.ok ? [] : never.problems).toEqual([{ field: 'shares', message: 'You chose "Never" for every task; choose how often you do at least one of them.' }]);
    const missing = computePersonalReport(expert, { ...start(), coarse: { '9': 'often' } });
    expect(missing.ok ? [] : missing.problems).toEqual([{ field: 'c9', message: 'There is no task 9: the role has tasks 1 to 6.' }]);
  });

  it('gives way to exact percentages, and a new choice starts again from the choices', () => {
    const exact = setTaskShare(expert, setCoarseChoice(expert, start(), '6', 'most'), '1', 40);
    expect(split(exact)[0]).toBe(40);
    const back = setCoarseChoice(expert, exact, '2', 'never');
    expect(back.shares).toEqual({});
    expect(back.coarse).toEqual({ '6': 'most', '2': 'never' });
  });

  it('forgets the choice of a task the person removes', () => {
    expect(dropRoleTask(expert, setCoarseChoice(expert, start(), '6', 'most'), 6)).toEqual({ ...start(), drop: [6] });
    const added = { ...start(), add: [{ onetCode: expert.related[0]!.onetCode, task: 1 }], coarse: { a1: 'often' as const } };
    expect(removeAddedTask(expert, added, 'a1')).toEqual(start());
  });
});
