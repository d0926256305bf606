import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BARRIER_KEYS, EVIDENCE_KEYS, aijri1 } from './definition.ts';
import { computeFormulaScore, scoreAssessment, zoneOf, type ScoringInput } from './score.ts';
import { validateAssessment } from './validate.ts';
import { scoringInput } from './test-support/arbitraries.ts';

const { ranges } = aijri1;

type Raise = { describe: string; apply: (input: ScoringInput) => ScoringInput | null };

const raises: Raise[] = [
  ...EVIDENCE_KEYS.map((key) => ({
    describe: `evidence ${key} rises`,
    apply: (input: ScoringInput) =>
      input.evidence[key].score >= ranges.evidence.max ? null : { ...input, evidence: { ...input.evidence, [key]: { score: input.evidence[key].score + 1 } } },
  })),
  ...BARRIER_KEYS.map((key) => ({
    describe: `barrier ${key} rises`,
    apply: (input: ScoringInput) =>
      input.barriers[key].score >= ranges.barrier.max ? null : { ...input, barriers: { ...input.barriers, [key]: { score: input.barriers[key].score + 1 } } },
  })),
  {
    describe: 'growth rises',
    apply: (input: ScoringInput) => (input.growth.score >= ranges.growth.max ? null : { ...input, growth: { score: input.growth.score + 1 } }),
  },
];

describe('score properties', () => {
  it('stays within 0–100 for any valid inputs', () => {
    fc.assert(
      fc.property(scoringInput, (input) => {
        const { score, formulaScore } = scoreAssessment(input, aijri1);
        return score >= 0 && score <= 100 && formulaScore >= 0 && formulaScore <= 100;
      }),
      { numRuns: 500 },
    );
  });

  it('never falls when an evidence, barrier or growth value rises', () => {
    fc.assert(
      fc.property(scoringInput, fc.integer({ min: 0, max: raises.length - 1 }), (input, which) => {
        const raised = raises[which]?.apply(input);
        fc.pre(raised !== null && raised !== undefined);
        return computeFormulaScore(raised, aijri1) >= computeFormulaScore(input, aijri1);
      }),
      { numRuns: 1000 },
    );
  });

  it('never falls when a task score falls, shares fixed', () => {
    fc.assert(
      fc.property(scoringInput, fc.nat(), (input, pick) => {
        const index = pick % input.tasks.length;
        const task = input.tasks[index];
        fc.pre(task !== undefined && task.score > ranges.taskScore.min);
        const lowered = { ...input, tasks: input.tasks.map((other, i) => (i === index ? { ...other, score: other.score - 1 } : other)) };
        return computeFormulaScore(lowered, aijri1) >= computeFormulaScore(input, aijri1);
      }),
      { numRuns: 1000 },
    );
  });

  it('shows a score with one decimal whose zone is the zone it reports', () => {
    fc.assert(
      fc.property(scoringInput, fc.option(fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10)), (input, override) => {
        const result = scoreAssessment({ ...input, override: override === null ? null : { score: override, justification: 'checked' } }, aijri1);
        const shown = Number(result.score.toFixed(1));
        return shown === result.score && zoneOf(shown, aijri1) === result.zone && result.label.startsWith(result.zone);
      }),
      { numRuns: 500 },
    );
  });

  it('validation never throws on arbitrary data', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        expect(() => validateAssessment(raw)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
