import { describe, expect, it } from 'vitest';
import { deriveBarriers, deriveEvidence, deriveGrowth, deriveProtective, levelFrom, ordinal, signedLevel, unionLevel } from './baseline-factors.ts';
import type { OccupationSignals, ToolUse } from './occupation-signals.ts';

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
  physicalAutomationInScope: false,
  majorGroup: '41',
};

const peers = { change: 14, group: 'all catalog occupations' };
const NO_USE: ToolUse = { matchedTasks: 0, classifiedShare: 0, handOverPercent: null };
const percentiles = (values: Record<string, number>) => Object.entries(values).map(([index, percentile]) => ({ index, value: 1, percentile, crosswalked: false }));

const signal = (value: number) => ({ value, source: 'O*NET OnLine 2023: Handling and Moving Objects', detail: `importance ${value}`, crosswalked: false });

describe('baseline factors where the sources hold no data', () => {
  it('fall back to neutral defaults marked basis default, confidence low', () => {
    const protective = deriveProtective(empty);
    const barriers = deriveBarriers(empty);
    const evidence = deriveEvidence(empty, NO_USE, peers);
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
    const evidence = deriveEvidence(empty, NO_USE, peers);
    expect(evidence.toolMaturity).toMatchObject({ score: 0, provenance: { basis: 'default', confidence: 'low' } });
  });
});

describe('baseline factors from data', () => {
  it('grade physical work onto Embodied Physicality 0–3', () => {
    expect([10, 40, 60, 80].map((value) => deriveProtective({ ...empty, physicalActivity: signal(value) }).physicality.score)).toEqual([0, 1, 2, 3]);
  });

  it('turn projected employment change into job-posting evidence from −2 to +1: growth is demand, not shelter from AI', () => {
    const evidence = (projectedChange: number) => deriveEvidence({ ...empty, projectedChange }, NO_USE, peers).jobPostings;
    expect([-15, -5, 3, 7, 12.5, 20].map((change) => evidence(change).score)).toEqual([-2, -1, 0, 1, 1, 1]);
    expect(evidence(12.5).text).toContain('leans one point at most');
    expect(evidence(7).text).not.toContain('leans one point at most');
  });

  it('read tool maturity from how Claude users split their use between handing tasks over and working on them, not from how much is exposed', () => {
    const maturity = (handOverPercent: number, classifiedShare = 40) => deriveEvidence(empty, { matchedTasks: 6, classifiedShare, handOverPercent }, peers).toolMaturity;
    expect([70, 50, 35, 20].map((share) => maturity(share).score)).toEqual([-2, -1, 0, 1]);
    expect(maturity(70).text).toContain('hand the task over in 70% of conversations');
    expect(maturity(70).provenance).toMatchObject({ basis: 'data', confidence: 'medium' });
    // The same split over 12% or 90% of working time is the same evidence: how much is exposed is the task layer's business.
    expect(maturity(70, 90).score).toBe(maturity(70, 12).score);
  });

  it('give no tool-maturity point where observed use covers only a sliver of the working time', () => {
    const evidence = deriveEvidence(empty, { matchedTasks: 2, classifiedShare: 4.8, handOverPercent: 0 }, peers);
    expect(evidence.toolMaturity).toMatchObject({ score: 0, provenance: { basis: 'default', confidence: 'low' } });
    expect(evidence.toolMaturity.provenance?.detail).toContain('4.8% of working time');
  });

  it('read expert consensus from sources independent of the task layer, each researcher counted once', () => {
    const consensus = (values: Record<string, number>, inScope = false) =>
      deriveEvidence({ ...empty, indices: percentiles(values), physicalAutomationInScope: inScope }, NO_USE, peers).expertConsensus;
    expect(consensus({ 'felten-2021-aioe': 90, 'felten-2023-lm-aioe': 90, 'microsoft-2025-ai-applicability': 90 })).toMatchObject({
      score: -2,
      provenance: { basis: 'data', confidence: 'high' },
    });
    // The Eloundou et al. labels already set the task scores, so their β never speaks here.
    expect(consensus({ 'eloundou-2023-human-beta': 95, 'eloundou-2023-gpt4-beta': 95, 'felten-2021-aioe': 30, 'microsoft-2025-ai-applicability': 30 }).score).toBe(1);
    expect(consensus({ 'eloundou-2023-human-beta': 95 }).provenance).toMatchObject({ basis: 'default' });
    // Frey & Osborne (2013, before language models) speak only where robots or autonomous vehicles are in scope.
    expect(consensus({ 'frey-osborne-2013': 95, 'felten-2021-aioe': 20, 'microsoft-2025-ai-applicability': 20 }).score).toBe(2);
    expect(consensus({ 'frey-osborne-2013': 95, 'felten-2021-aioe': 20, 'microsoft-2025-ai-applicability': 20 }, true)).toMatchObject({ score: -2 });
  });

  it('give a consensus point only where the two independent sources lean the same way', () => {
    const consensus = (felten: number, microsoft: number) =>
      deriveEvidence({ ...empty, indices: percentiles({ 'felten-2021-aioe': felten, 'felten-2023-lm-aioe': felten, 'microsoft-2025-ai-applicability': microsoft }) }, NO_USE, peers)
        .expertConsensus;
    // Family physicians: Felten et al. see them exposed (78th), Microsoft neither exposed nor sheltered (56th).
    expect(consensus(78, 56)).toMatchObject({ score: 0, provenance: { basis: 'data' } });
    expect(consensus(78, 56).text).toContain('do not lean the same way');
    // Licensed practical nurses: 41st and 8th; one sees them sheltered, the other in the middle.
    expect(consensus(41, 8).score).toBe(0);
    // Opposite leanings are no consensus either.
    expect(consensus(80, 30).score).toBe(0);
    // Where both lean the same way the point follows their mean, as before.
    expect([consensus(90, 70).score, consensus(65, 62).score, consensus(30, 10).score, consensus(35, 38).score]).toEqual([-2, -1, 2, 1]);
    // One source alone speaks (confidence low), as before.
    expect(deriveEvidence({ ...empty, indices: percentiles({ 'microsoft-2025-ai-applicability': 80 }) }, NO_USE, peers).expertConsensus).toMatchObject({
      score: -2,
      provenance: { confidence: 'low' },
    });
  });

  it('levels values by bounds', () => {
    expect(levelFrom(55, [35, 55, 75])).toBe(2);
    expect(signedLevel(-2, [-10, -2, 5, 10])).toBe(-1);
  });
});

describe('barriers from the curated tables and O*NET work context', () => {
  const row = { citation: '14 CFR Part 61', confidence: 'high' as const, file: '/x/src/data-pipeline/curated/licensing.tsv', line: 7 };
  const licensing = { ...row, match: '53-2011', licence: 2, liability: 2, requirement: 'FAA airline transport pilot certificate' };

  it('take licensing and liability from the most specific licensing row, with its citation as the source', () => {
    const barriers = deriveBarriers(empty, { licensing, union: null });
    expect(barriers.regulatory).toMatchObject({ score: 2, provenance: { basis: 'assessor', source: '14 CFR Part 61', confidence: 'high' } });
    expect(barriers.regulatory.provenance?.detail).toBe('licence level 2; curated table licensing.tsv:7 (match 53-2011)');
    expect(barriers.liability.score).toBe(2);
  });

  it('say on the page that liability 2 is signing off on your own licence and 1 includes carrying out what another licensee prescribes (ADR 0093)', () => {
    expect(deriveBarriers(empty, { licensing, union: null }).liability.rationale).toMatch(/signs off decisions .* on their own licence/);
    const nurse = deriveBarriers(empty, { licensing: { ...licensing, match: '29-1141', liability: 1 }, union: null });
    expect(nurse.liability.rationale).toMatch(/carrying out what another licensee prescribes/);
    expect(nurse.liability.rationale).not.toMatch(/own licence/);
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
