import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { methodologyOf } from '../../methodology/definition.ts';
import { scoreAssessment } from '../../methodology/score.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { addRelatedTask, dropRoleTask, setTaskShare } from './personal-edits.ts';
import { unchangedInputs, type PersonalInputs } from './personal-inputs.ts';
import { allocateInProportion, computePersonalReport, type PersonalReport } from './personal-score.ts';
import type { ReportSource } from './report-source.ts';
import { buildReportSource } from './report-source-builder.ts';
import { committedReadModel, withSecondSeniority } from './test-support/report-sources.ts';

let model: ReadModel;
let expert: ReportSource;

beforeAll(async () => {
  model = await committedReadModel();
  expert = buildReportSource(model, 'multimodal-ai-engineer', 'mid-level')!;
});

const inputsFor = (source: ReportSource, changes: Partial<PersonalInputs> = {}): PersonalInputs => ({ ...unchangedInputs(source.roleSlug, source.seniority), ...changes });

function reportOf(source: ReportSource, changes: Partial<PersonalInputs> = {}): PersonalReport {
  const outcome = computePersonalReport(source, inputsFor(source, changes));
  if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('\n'));
  return outcome.report;
}

function problemsOf(source: ReportSource, changes: Partial<PersonalInputs>): string[] {
  const outcome = computePersonalReport(source, inputsFor(source, changes));
  return outcome.ok ? [] : outcome.problems.map((problem) => problem.message);
}

const totalShare = (report: PersonalReport) => report.tasks.reduce((sum, task) => sum + task.share, 0);
const shareOf = (report: PersonalReport, id: string) => report.tasks.find((task) => task.id === id)?.share;

describe('a personal report with no changes', () => {
  it('gives the expert role’s own score, zone, sub-label and band exactly', () => {
    const report = reportOf(expert);
    expect(report.score).toBe(64);
    expect(report.roleScore).toBe(64);
    expect(report.delta).toBe(0);
    expect(report.result.label).toBe('Green (Accelerated)');
    expect(report.band).toEqual({ low: 59.2, high: 68.9, zoneStable: true });
    expect(report.attribution).toEqual([]);
  });

  it('gives every published role its own score', () => {
    for (const entry of model.assessments.values()) {
      const source = buildReportSource(model, entry.roleSlug, entry.seniority)!;
      const outcome = computePersonalReport(source, inputsFor(source));
      expect(outcome.ok && outcome.report.score, entry.key).toBe(entry.figures.score);
      expect(outcome.ok && outcome.report.result.label, entry.key).toBe(entry.figures.label);
    }
  });

  it('keeps an assessor’s override as the role’s score', () => {
    const [base] = expert.bases;
    const overridden: ReportSource = { ...expert, bases: [{ ...base!, judgements: { ...base!.judgements, override: { score: 70, justification: 'test' } }, score: 70 }] };
    expect(reportOf(overridden).score).toBe(70);
    expect(reportOf(overridden, { context: ['union'] }).score).toBe(72.7);
  });
});

describe('each personal adjustment', () => {
  it('a time split moves the score as the methodology says: 10 points from a score-3 task to the score-1 task raises it', () => {
    const report = reportOf(expert, { shares: { '3': 5, '6': 20 } });
    const [base] = expert.bases;
    const expected = scoreAssessment({ ...base!.judgements, tasks: base!.tasks.map((task, index) => ({ ...task, share: index === 2 ? 5 : index === 5 ? 20 : task.share })) }, methodologyOf(base!.methodologyVersion));
    expect(report.score).toBe(expected.score);
    expect(report.score).toBeGreaterThan(64);
    expect(report.attribution).toEqual([expect.objectContaining({ key: 'split', delta: report.delta })]);
  });

  it('removing a task spreads its time over the others in proportion and drops its score from the mix', () => {
    const report = reportOf(expert, { drop: [6] });
    expect(report.tasks.map((task) => task.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(totalShare(report)).toBe(10_000);
    expect(shareOf(report, '2')).toBe(2778);
    expect(report.score).toBeLessThan(64);
    expect(report.attribution[0]).toMatchObject({ key: 'drop', delta: report.delta });
  });

  it('adding a task from a related occupation brings its score and 10% of the time, taken from the other tasks in proportion', () => {
    const related = expert.related[0]!;
    const highest = related.tasks.findIndex((task) => task.score === Math.max(...related.tasks.map((other) => other.score)));
    const report = reportOf(expert, { add: [{ onetCode: related.onetCode, task: highest + 1 }] });
    expect(report.tasks.at(-1)).toMatchObject({ id: 'a1', name: related.tasks[highest]!.name, share: 1000, score: related.tasks[highest]!.score });
    expect(totalShare(report)).toBe(10_000);
    expect(shareOf(report, '2')).toBe(2250);
    expect(report.attribution[0]?.key).toBe('add');
  });

  it('stating a workplace context raises that barrier to 2 and never beyond', () => {
    const union = reportOf(expert, { context: ['union'] });
    expect(union.result.totals.barriers).toBe(5);
    expect(union.result.modifiers.barrier).toBe(1.1);
    expect(union.score).toBe(66.7);
    const all = reportOf(expert, { context: ['licensed', 'union', 'physical', 'liability'] });
    expect(all.result.totals.barriers).toBe(9);
    expect(all.attribution.map((step) => step.key)).toEqual(['licensed', 'union', 'physical', 'liability']);
    expect(all.attribution.reduce((sum, step) => sum + step.delta * 10, 0) / 10).toBeCloseTo(all.delta, 10);
  });

  it('the design shift moves time from apply-like tasks (score 3+) to design-like ones (score 1–2) in proportion', () => {
    const report = reportOf(expert, { design: 11 });
    expect(report.tasks.map((task) => task.share)).toEqual([2400, 3000, 1133, 1133, 1134, 1200]);
    expect(report.score).toBeGreaterThan(64);
    const toward = reportOf(expert, { design: -11 });
    expect(toward.tasks.filter((task) => task.designLike).reduce((sum, task) => sum + task.share, 0)).toBe(4400);
    expect(toward.score).toBeLessThan(64);
    expect(report.designRange).toEqual({ min: -55, max: 45 });
  });

  it('switching seniority scores from that seniority’s assessment', () => {
    const source = withSecondSeniority(expert, 'senior', 'Senior', (score) => Math.max(1, score - 1), 70.1);
    const report = reportOf(source, { level: 'senior' });
    expect(report.base.seniority).toBe('senior');
    expect(report.roleScore).toBe(64);
    expect(report.attribution).toEqual([expect.objectContaining({ key: 'seniority', delta: report.delta })]);
    expect(report.score).toBeGreaterThan(64);
  });

  it('explains the whole difference: the steps add up to the change from the role’s score', () => {
    const related = expert.related[1]!;
    const report = reportOf(expert, { drop: [4], add: [{ onetCode: related.onetCode, task: 1 }], design: 5, context: ['licensed', 'liability'] });
    expect(report.attribution.map((step) => step.key)).toEqual(['drop', 'add', 'design', 'licensed', 'liability']);
    expect(Math.round(report.attribution.reduce((sum, step) => sum + step.delta, 0) * 10) / 10).toBe(report.delta);
    expect(report.attribution.at(-1)?.scoreAfter).toBe(report.score);
  });
});

describe('the best changes to the task mix', () => {
  it('names three moves of 10 points from different tasks, each raising the score, best first', () => {
    const report = reportOf(expert);
    expect(report.suggestions).toHaveLength(3);
    expect(new Set(report.suggestions.map((move) => move.fromId)).size).toBe(3);
    expect(report.suggestions[0]).toMatchObject({ toId: '6', points: 10 });
    expect(report.suggestions.every((move) => move.gain > 0 && move.score === Math.round((64 + move.gain) * 10) / 10)).toBe(true);
    const gains = report.suggestions.map((move) => move.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
  });

  it('suggests nothing when every task carries the same score', () => {
    const [base] = expert.bases;
    const flat: ReportSource = { ...expert, bases: [{ ...base!, tasks: base!.tasks.map((task) => ({ ...task, score: 2 })) }] };
    expect(reportOf(flat).suggestions).toEqual([]);
  });
});

describe('bad inputs are rejected with messages that say what to do', () => {
  it('names an unknown or removed task', () => {
    expect(problemsOf(expert, { shares: { '9': 10 } })).toEqual(['There is no task 9: the role has tasks 1 to 6.']);
    expect(problemsOf(expert, { drop: [2], shares: { '2': 10 } })).toEqual(['Task 2 is removed; restore it before giving it time.']);
    expect(problemsOf(expert, { drop: [7] })).toEqual(['There is no task 7 to remove: Multimodal AI Engineer has tasks 1 to 6.']);
  });

  it('says by how much the shares miss 100', () => {
    expect(problemsOf(expert, { shares: { '1': 15 } })).toEqual(['Your time adds up to 95%; it must add up to exactly 100% (5 points missing).']);
    expect(problemsOf(expert, { shares: { '1': 30.5 } })).toEqual(['Your time adds up to 110.5%; it must add up to exactly 100% (10.5 points too many).']);
  });

  it('refuses out-of-range values', () => {
    expect(problemsOf(expert, { shares: { '1': 120 } })[0]).toMatch(/must be between 0 and 100%/);
    expect(problemsOf(expert, { shares: { '1': 20.125 } })[0]).toMatch(/at most two decimals/);
    expect(problemsOf(expert, { design: 60 })).toEqual(['You can move at most 45 points toward designing new solutions: that is all the time in apply-like tasks.']);
    expect(problemsOf(expert, { level: 'principal' })).toEqual(['Multimodal AI Engineer is not assessed at "principal"; choose one of: Mid-level.']);
  });

  it('refuses tasks from outside the related occupations and too many added tasks', () => {
    expect(problemsOf(expert, { add: [{ onetCode: '47-2181.00', task: 1 }] })[0]).toMatch(/not one of the occupations related to Multimodal AI Engineer/);
    const related = expert.related[0]!;
    expect(problemsOf(expert, { add: [{ onetCode: related.onetCode, task: 999 }] })).toEqual([`${related.title} has ${related.tasks.length} tasks; there is no task 999.`]);
    const six = Array.from({ length: 6 }, (_, index) => ({ onetCode: related.onetCode, task: index + 1 }));
    expect(problemsOf(expert, { add: six })).toContain('Add at most 5 tasks; you added 6.');
  });
});

describe('shares always add up to 100', () => {
  it('allocates an amount in proportion, exactly', () => {
    expect(allocateInProportion([1, 1, 1], 100)).toEqual([34, 33, 33]);
    expect(allocateInProportion([2000, 2500, 1500], 1000)).toEqual([333, 417, 250]);
  });

  it('after any sequence of edits: setting shares, removing and adding tasks, shifting design', () => {
    const related = () => expert.related[0]!;
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('share' as const), id: fc.integer({ min: 1, max: 6 }), percent: fc.integer({ min: 0, max: 10_000 }) }),
      fc.record({ kind: fc.constant('drop' as const), number: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('add' as const), task: fc.integer({ min: 1, max: 10 }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), fc.integer({ min: -30, max: 30 }), (edits, design) => {
        let inputs = inputsFor(expert);
        for (const step of edits) {
          if (step.kind === 'share') inputs = setTaskShare(expert, inputs, String(step.id), step.percent / 100);
          else if (step.kind === 'drop' && inputs.drop.length < 5) inputs = dropRoleTask(expert, inputs, step.number);
          else if (step.kind === 'add') inputs = addRelatedTask(expert, inputs, { onetCode: related().onetCode, task: step.task });
        }
        const plain = computePersonalReport(expert, inputs);
        expect(plain.ok).toBe(true);
        if (plain.ok) expect(totalShare(plain.report)).toBe(10_000);
        const shifted = computePersonalReport(expert, { ...inputs, design });
        if (shifted.ok) {
          expect(totalShare(shifted.report)).toBe(10_000);
          expect(shifted.report.tasks.every((task) => task.share >= 0)).toBe(true);
        } else expect(shifted.problems[0]?.field).toBe('design');
      }),
      { numRuns: 200 },
    );
  });
});
