import { describe, expect, it } from 'vitest';
import { deriveBarriers, deriveEvidence, deriveGrowth, deriveProtective, levelFrom, ordinal, signedLevel } from './baseline-factors.ts';
import type { OccupationSignals } from './occupation-signals.ts';

const empty: OccupationSignals = {
  physicalActivity: null,
  strongestPhysical: null,
  assistingAndCaring: null,
  interpersonal: null,
  guidingSubordinates: null,
  jobZone: null,
  projectedChange: null,
  wageChange: null,
  indices: [],
};

const signal = (value: number) => ({ value, source: 'O*NET OnLine 2023: Handling and Moving Objects', detail: `importance ${value}`, crosswalked: false });

describe('baseline factors where the sources hold no data', () => {
  it('fall back to neutral defaults marked basis default, confidence low', () => {
    const protective = deriveProtective(empty);
    const barriers = deriveBarriers(empty);
    const evidence = deriveEvidence(empty, { matchedTasks: 0, matchedShare: 0, automationShare: 0 }, 14);
    const growth = deriveGrowth(empty);
    for (const item of [...Object.values(protective), ...Object.values(barriers), growth, evidence.jobPostings, evidence.wages, evidence.companyActions, evidence.expertConsensus]) {
      expect(item.provenance).toMatchObject({ basis: 'default', confidence: 'low' });
    }
    expect(barriers.union.score).toBe(1);
    expect(evidence.companyActions.score).toBe(0);
    expect(growth.score).toBe(0);
  });

  it('never invent union, licensing, liability or employer data, even when everything else is known', () => {
    const barriers = deriveBarriers({ ...empty, strongestPhysical: signal(90), assistingAndCaring: signal(90) });
    expect([barriers.regulatory, barriers.union, barriers.liability].map((item) => item.provenance?.basis)).toEqual(['default', 'default', 'default']);
    expect(barriers.physical).toMatchObject({ score: 2, provenance: { basis: 'data' } });
  });
});

describe('baseline factors from data', () => {
  it('grade physical work onto Embodied Physicality 0–3', () => {
    expect([10, 40, 60, 80].map((value) => deriveProtective({ ...empty, physicalActivity: signal(value) }).physicality.score)).toEqual([0, 1, 2, 3]);
  });

  it('turn projected employment change into job-posting evidence from −2 to +2', () => {
    const score = (projectedChange: number) => deriveEvidence({ ...empty, projectedChange }, { matchedTasks: 0, matchedShare: 0, automationShare: 0 }, 14).jobPostings.score;
    expect([-15, -5, 3, 7, 20].map(score)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('read heavy observed hand-over of tasks to Claude as mature tools', () => {
    const evidence = deriveEvidence(empty, { matchedTasks: 6, matchedShare: 40, automationShare: 22 }, 14);
    expect(evidence.toolMaturity.score).toBe(-2);
    expect(evidence.toolMaturity.text).toContain('22% of working time');
  });

  it('read exposure indices that agree on high exposure as negative expert consensus', () => {
    const indices = ['eloundou-2023-human-beta', 'felten-2021-aioe', 'microsoft-2025-ai-applicability'].map((index) => ({ index, value: 1, percentile: 90, crosswalked: false }));
    const evidence = deriveEvidence({ ...empty, indices }, { matchedTasks: 0, matchedShare: 0, automationShare: 0 }, 14);
    expect(evidence.expertConsensus).toMatchObject({ score: -2, provenance: { basis: 'data', confidence: 'high' } });
  });

  it('levels values by bounds', () => {
    expect(levelFrom(55, [35, 55, 75])).toBe(2);
    expect(signedLevel(-2, [-10, -2, 5, 10])).toBe(-1);
  });
});

describe('baseline texts', () => {
  it('write percentiles as English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 92, 100].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '92nd', '100th']);
  });
});
