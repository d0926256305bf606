import { beforeAll, describe, expect, it } from 'vitest';
import { addRelatedTask, canonicalInputs, dropRoleTask, moveTime, removeAddedTask, restoreRoleTask, setTaskShare, switchLevel } from './personal-edits.ts';
import { unchangedInputs, type PersonalInputs } from './personal-inputs.ts';
import { computePersonalReport } from './personal-score.ts';
import type { ReportSource } from './report-source.ts';
import { buildReportSource } from './report-source-builder.ts';
import { committedReadModel, withSecondSeniority } from './test-support/report-sources.ts';

let expert: ReportSource;
let start: PersonalInputs;

beforeAll(async () => {
  expert = buildReportSource(await committedReadModel(), 'multimodal-ai-engineer', 'mid-level')!;
  start = unchangedInputs('multimodal-ai-engineer', 'mid-level');
});

const sharesAfter = (inputs: PersonalInputs) => {
  const outcome = computePersonalReport(expert, inputs);
  if (!outcome.ok) throw new Error(outcome.problems[0]?.message);
  return outcome.report.splitTasks.map((task) => `${task.id}:${task.share / 100}`);
};

describe('editing the inputs keeps the shares at 100', () => {
  it('setting one task’s time rebalances the others in proportion', () => {
    const inputs = setTaskShare(expert, start, '6', 28);
    expect(sharesAfter(inputs)).toEqual(['1:16', '2:20', '3:12', '4:12', '5:12', '6:28']);
  });

  it('shares equal to the derived ones are left out of the URL', () => {
    expect(canonicalInputs(expert, { ...start, shares: { '1': 20, '2': 25 }, level: 'mid-level' })).toEqual(start);
  });

  it('removing and restoring a task on the role’s own split only lists it as removed', () => {
    const dropped = dropRoleTask(expert, start, 6);
    expect(dropped).toEqual({ ...start, drop: [6] });
    expect(restoreRoleTask(expert, dropped, 6)).toEqual(start);
  });

  it('removing a task from the person’s own split spreads its time over the rest', () => {
    const own = setTaskShare(expert, start, '6', 28);
    const dropped = dropRoleTask(expert, own, 6);
    expect(sharesAfter(dropped)).toEqual(['1:22.22', '2:27.78', '3:16.67', '4:16.67', '5:16.66']);
    expect(sharesAfter(restoreRoleTask(expert, dropped, 6))).toEqual(['1:20', '2:25', '3:15', '4:15', '5:15', '6:10']);
  });

  it('adding and removing a related task; later added tasks move up one place', () => {
    const code = expert.related[0]!.onetCode;
    const two = addRelatedTask(expert, addRelatedTask(expert, start, { onetCode: code, task: 1 }), { onetCode: code, task: 2 });
    expect(sharesAfter(two)).toEqual(['1:16', '2:20', '3:12', '4:12', '5:12', '6:8', 'a1:10', 'a2:10']);
    const owned = setTaskShare(expert, two, 'a2', 15);
    const removed = removeAddedTask(expert, owned, 'a1');
    expect(removed.add).toEqual([{ onetCode: code, task: 2 }]);
    expect(sharesAfter(removed).at(-1)).toMatch(/^a1:16\./);
  });

  it('a suggested move shifts its points from one task to another', () => {
    expect(sharesAfter(moveTime(expert, start, '3', '6', 10))).toEqual(['1:20', '2:25', '3:5', '4:15', '5:15', '6:20']);
  });

  it('switching seniority starts the task changes over', () => {
    const source = withSecondSeniority(expert, 'senior', 'Senior', (score) => score, 64);
    expect(switchLevel(source, { ...start, drop: [2], design: 5, context: ['union'] }, 'senior')).toEqual({ ...start, level: 'senior', context: ['union'] });
    expect(switchLevel(source, { ...start, level: 'senior' }, 'mid-level')).toEqual(start);
  });
});
