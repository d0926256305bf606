import { describe, expect, it } from 'vitest';
import { deriveBarriers, deriveEvidence, deriveGrowth, deriveProtective, levelFrom, ordinal, signedLevel, unionLevel } from './baseline-factors.ts';
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
  physicalProximity: null,
  exposedToDisease: null,
  operatingVehicles: null,
  freyOsborne: null,
  majorGroup: '41',
};

const peers = { change: 14, group: 'all catalog occupations' };

const signal = (value: number) => ({ value, source: 'O*NET OnLine 2023: Handling and Moving Objects', detail: `importance ${value}`, crosswalked: false });

describe('baseline factors where the sources hold no data', () => {
  it('fall back to neutral defaults marked basis default, confidence low', () => {
    const protective = deriveProtective(empty);
    const barriers = deriveBarriers(empty);
    const evidence = deriveEvidence(empty, { matchedTasks: 0, matchedShare: 0, automationShare: 0 }, peers);
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

  it('give no point for observed AI use where no task matched the Anthropic Economic Index', () => {
    const evidence = deriveEvidence(empty, { matchedTasks: 0, matchedShare: 0, automationShare: 0 }, peers);
    expect(evidence.toolMaturity).toMatchObject({ score: 0, provenance: { basis: 'default', confidence: 'low' } });
  });
});

describe('baseline factors from data', () => {
  it('grade physical work onto Embodied Physicality 0–3', () => {
    expect([10, 40, 60, 80].map((value) => deriveProtective({ ...empty, physicalActivity: signal(value) }).physicality.score)).toEqual([0, 1, 2, 3]);
  });

  it('turn projected employment change into job-posting evidence from −2 to +2', () => {
    const score = (projectedChange: number) => deriveEvidence({ ...empty, projectedChange }, { matchedTasks: 0, matchedShare: 0, automationShare: 0 }, peers).jobPostings.score;
    expect([-15, -5, 3, 7, 20].map(score)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('read heavy observed hand-over of tasks to Claude as mature tools', () => {
    const evidence = deriveEvidence(empty, { matchedTasks: 6, matchedShare: 40, automationShare: 22 }, peers);
    expect(evidence.toolMaturity.score).toBe(-2);
    expect(evidence.toolMaturity.text).toContain('22% of working time');
  });

  it('read exposure indices that agree on high exposure as negative expert consensus', () => {
    const indices = ['eloundou-2023-human-beta', 'felten-2021-aioe', 'microsoft-2025-ai-applicability'].map((index) => ({ index, value: 1, percentile: 90, crosswalked: false }));
    const evidence = deriveEvidence({ ...empty, indices }, { matchedTasks: 0, matchedShare: 0, automationShare: 0 }, peers);
    expect(evidence.expertConsensus).toMatchObject({ score: -2, provenance: { basis: 'data', confidence: 'high' } });
  });

  it('levels values by bounds', () => {
    expect(levelFrom(55, [35, 55, 75])).toBe(2);
    expect(signedLevel(-2, [-10, -2, 5, 10])).toBe(-1);
  });
});

describe('barriers from the curated tables and O*NET work context', () => {
  const row = { citation: '14 CFR Part 61', confidence: 'high' as const, file: '/x/src/catalog/curated/licensing.tsv', line: 7 };
  const licensing = { ...row, match: '53-2011', licence: 2, liability: 2, requirement: 'FAA airline transport pilot certificate' };

  it('take licensing and liability from the most specific licensing row, with its citation as the source', () => {
    const barriers = deriveBarriers(empty, { licensing, union: null });
    expect(barriers.regulatory).toMatchObject({ score: 2, provenance: { basis: 'assessor', source: '14 CFR Part 61', confidence: 'high' } });
    expect(barriers.regulatory.provenance?.detail).toBe('licence level 2; curated table licensing.tsv:7 (match 53-2011)');
    expect(barriers.liability.score).toBe(2);
  });

  it('map union membership rates onto 0–2 at 10% and 20%, or take a named level', () => {
    expect([9.9, 10, 19.9, 20, 32.3].map(unionLevel)).toEqual([0, 1, 1, 2, 2]);
    const rate = deriveBarriers(empty, { licensing: null, union: { ...row, match: '25-', ratePercent: 32.3, level: null, note: 'from the release' } });
    expect(rate.union).toMatchObject({ score: 2, provenance: { basis: 'assessor' } });
    const named = deriveBarriers(empty, { licensing: null, union: { ...row, match: '53-2021', ratePercent: null, level: 2, note: 'NATCA represents controllers' } });
    expect(named.union.score).toBe(2);
  });

  it('read physical presence from close bodily contact as well as from hands-on work', () => {
    const clinic = deriveBarriers({ ...empty, strongestPhysical: signal(30), physicalProximity: signal(91), exposedToDisease: signal(100) });
    expect(clinic.physical.score).toBe(2);
    expect(clinic.physical.rationale).toContain('close contact with people');
    const office = deriveBarriers({ ...empty, strongestPhysical: signal(30), physicalProximity: signal(57), exposedToDisease: signal(11) });
    expect(office.physical.score).toBe(0);
    const cockpit = deriveBarriers({ ...empty, strongestPhysical: signal(30), operatingVehicles: signal(97) });
    expect(cockpit.physical.score).toBe(2);
  });

  it('rate moral judgment from accountability and leadership, not from years of preparation', () => {
    const pilot = deriveProtective({ ...empty, jobZone: 4, guidingSubordinates: signal(65) }, { licensing, union: null });
    expect(pilot.moralJudgment.score).toBe(3);
    const analyst = deriveProtective({ ...empty, jobZone: 5, guidingSubordinates: signal(20) }, { licensing: { ...licensing, liability: 0 }, union: null });
    expect(analyst.moralJudgment.score).toBe(0);
  });
});

describe('baseline texts', () => {
  it('write percentiles as English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 92, 100].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '92nd', '100th']);
  });
});
