import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssessmentSchema, aijri1, dec, defaultImpact, scoreAssessment, toFixed, type ScoreResult, type ScoringInput } from '../../../methodology/index.ts';
import { comparePublishedFigures, parsePublishedPage } from './index.ts';
import { buildPage, figuresOf, type PageSpec, type TaskLabel } from './page-builder.test-support.ts';

const fixed = (value: number, places: number) => toFixed(dec(value), places);
const LABEL_OF_IMPACT = { displacement: 'Displaced', augmentation: 'Augmented', not_involved: 'Not Involved' } as const;

interface RandomTask {
  name: string;
  share: number;
  score: number;
  notInvolved: boolean;
}

const taskName = fc
  .tuple(fc.constantFrom('Review', 'Prepare'), fc.constantFrom('Form', 'batch Q'), fc.option(fc.oneof(fc.nat({ max: 20 }), fc.nat({ max: 2099 }))))
  .map(([verb, object, number]) => (number === null ? `${verb} ${object}` : `${verb} ${object} ${number}`));

/** Splits 100 into whole shares at distinct cut points. */
const shares = fc.integer({ min: 1, max: 9 }).chain((count) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: count, maxLength: count }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 100];
    return points.slice(1).map((point, index) => point - (points[index] ?? 0));
  }),
);

const tasks = shares.chain((parts) =>
  fc
    .tuple(
      fc.uniqueArray(taskName, { minLength: parts.length, maxLength: parts.length, selector: (name) => name.toLowerCase() }),
      fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.boolean()), { minLength: parts.length, maxLength: parts.length }),
    )
    .map(([names, scored]) => parts.map((share, index): RandomTask => ({ name: names[index] ?? '', share, score: scored[index]?.[0] ?? 1, notInvolved: scored[index]?.[1] === true && scored[index]?.[0] === 2 }))),
);

const inputs = fc.record({
  tasks,
  protective: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
  growth: fc.integer({ min: -2, max: 2 }),
  evidence: fc.tuple(...Array.from({ length: 5 }, () => fc.integer({ min: -2, max: 2 }))) as fc.Arbitrary<[number, number, number, number, number]>,
  barriers: fc.tuple(...Array.from({ length: 5 }, () => fc.integer({ min: 0, max: 2 }))) as fc.Arbitrary<[number, number, number, number, number]>,
});

type Inputs = typeof inputs extends fc.Arbitrary<infer T> ? T : never;

function scoringInput(random: Inputs): ScoringInput {
  const judged = (score: number) => ({ score });
  const [physicality, interpersonal, moralJudgment] = random.protective.map(judged) as [{ score: number }, { score: number }, { score: number }];
  const [jobPostings, companyActions, wages, toolMaturity, expertConsensus] = random.evidence.map(judged) as [{ score: number }, { score: number }, { score: number }, { score: number }, { score: number }];
  const [regulatory, physical, union, liability, cultural] = random.barriers.map(judged) as [{ score: number }, { score: number }, { score: number }, { score: number }, { score: number }];
  return {
    tasks: random.tasks.map((task) => ({ ...task, impact: task.notInvolved ? 'not_involved' : undefined })),
    protective: { physicality, interpersonal, moralJudgment },
    growth: judged(random.growth),
    evidence: { jobPostings, companyActions, wages, toolMaturity, expertConsensus },
    barriers: { regulatory, physical, union, liability, cultural },
  };
}

/** Writes a page spec whose figures are the engine's, as a published page would state them. */
function specOf(random: Inputs, result: ScoreResult): PageSpec {
  const composition = Object.values(result.composition).map((value) => fixed(value, 1)) as unknown as PageSpec['figures']['composition'];
  return {
    title: 'Random Role',
    seniority: 'Lead',
    category: 'Test Category',
    zone: result.zone.toUpperCase() as PageSpec['zone'],
    subLabel: result.subLabel,
    protective: random.protective,
    growth: random.growth,
    tasks: result.tasks.map((task) => ({ name: task.name, share: task.share, score: task.score, weighted: fixed(task.weighted, 2), label: LABEL_OF_IMPACT[task.impact] as TaskLabel })),
    evidence: random.evidence,
    barriers: random.barriers,
    figures: {
      exposure: fixed(result.taskExposure, 2),
      resistance: fixed(result.taskResistance, 2),
      split: [result.split.displacement, result.split.augmentation, result.split.notInvolved],
      evidenceModifier: fixed(result.modifiers.evidence, 2),
      barrierModifier: fixed(result.modifiers.barrier, 2),
      growthModifier: fixed(result.modifiers.growth, 2),
      raw: fixed(result.raw, 4),
      formulaScore: fixed(result.formulaScore, 1),
      score: fixed(result.score, 1),
      composition,
      shareAtLeast3: result.shareAtLeast3,
      shareAtLeast4: result.shareAtLeast4,
      quickScreen: result.quickScreen.label,
      subLabelRule: result.subLabelRule.rule,
    },
  };
}

/** Found by this property: "Review Form 11%40.04" reads as "Review Form" 11% or "Review Form 1" 1%; only the Weighted column tells. */
const prefixNames: Inputs = {
  tasks: [
    { name: 'Review Form 1', share: 1, score: 4, notInvolved: false },
    { name: 'Review Form', share: 11, score: 4, notInvolved: false },
    { name: 'Review Form 2', share: 88, score: 2, notInvolved: true },
  ],
  protective: [0, 0, 0],
  growth: 0,
  evidence: [0, 0, 0, 0, 0],
  barriers: [0, 0, 0, 0, 0],
};

describe('reading back pages written from random inputs', () => {
  it('recovers every task, score and stated figure, including task names that end in digits', () => {
    fc.assert(
      fc.property(inputs, (random) => {
        const spec = specOf(random, scoreAssessment(scoringInput(random), aijri1));
        const result = parsePublishedPage(buildPage(spec));
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const expectedTasks = random.tasks.map(({ name, share, score, notInvolved }) => ({ name, share, score, ...(notInvolved && defaultImpact(score, aijri1) !== 'not_involved' ? { impact: 'not_involved' } : {}) }));
        expect(result.assessment.tasks.map(({ rationale: _rationale, ...task }) => task)).toEqual(expectedTasks);
        expect(result.published).toEqual(figuresOf(spec));
        expect(comparePublishedFigures(result.published, scoreAssessment(AssessmentSchema.parse(result.assessment), aijri1))).toEqual([]);
      }),
      { numRuns: 150, examples: [[prefixNames]] },
    );
  });
});
