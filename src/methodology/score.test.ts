import { describe, expect, it } from 'vitest';
import { scoreAssessment, zoneOf, decideSubLabel, quickScreen } from './score.ts';
import { aijri1 } from './definition.ts';
import { workedExample, workedExampleWith } from './test-support/worked-example.ts';

describe('scoring the worked example of methodology §3', () => {
  const result = scoreAssessment(workedExample, aijri1);

  it('weighs each task as share × score', () => {
    expect(result.tasks.map((task) => task.weighted)).toEqual([0.4, 0.5, 0.45, 0.45, 0.45, 0.1]);
    expect(result.tasks.map((task) => task.impact)).toEqual(['augmentation', 'augmentation', 'augmentation', 'augmentation', 'augmentation', 'not_involved']);
  });

  it('computes task exposure 2.35 and task resistance 3.65', () => {
    expect(result.taskExposure).toBe(2.35);
    expect(result.taskResistance).toBe(3.65);
  });

  it('splits the work 0% displacement, 90% augmentation, 10% not involved with 45% of time at 3+', () => {
    expect(result.split).toEqual({ displacement: 0, augmentation: 90, notInvolved: 10 });
    expect(result.shareAtLeast3).toBe(45);
    expect(result.shareAtLeast4).toBe(0);
  });

  it('totals protective 2, growth +2, evidence 8 and barriers 3', () => {
    expect(result.totals).toEqual({ protective: 2, growth: 2, evidence: 8, barriers: 3 });
  });

  it('derives modifiers 1.32, 1.06, 1.10, raw 5.6178 and the score 64.0', () => {
    expect(result.modifiers).toEqual({ evidence: 1.32, barrier: 1.06, growth: 1.1 });
    expect(result.raw).toBe(5.6178);
    expect(result.formulaScore).toBe(64);
    expect(result.score).toBe(64);
  });

  it('labels the role Green (Accelerated), PROTECTED, because growth is +2', () => {
    expect(result.zone).toBe('Green');
    expect(result.headline).toBe('PROTECTED');
    expect(result.label).toBe('Green (Accelerated)');
    expect(result.subLabelRule.rule).toBe('Growth Correlation = 2 AND AIJRI >= 48');
    expect(result.subLabelRule.figures).toMatchObject({ growth: 2, shareAtLeast3: 45 });
  });

  it('gives the quick screen S = 4, "Likely Green Zone (Accelerated)", agreeing with the full score', () => {
    expect(result.quickScreen).toEqual({ sum: 4, label: 'Likely Green Zone (Accelerated)', zone: 'Green', agrees: true });
  });

  it('shows the composition profile 36.5 / 16.0 / 4.5 / 2.2 / 5.0 and no override', () => {
    expect(result.composition).toEqual({ taskResistance: 36.5, evidence: 16, barriers: 4.5, protective: 2.2, growth: 5 });
    expect(result.override).toBeNull();
    expect(result.methodologyVersion).toBe('aijri-1');
  });
});

describe('the formula at its edges', () => {
  it('computes 6.00 − 2.35 exactly even where floats would not', () => {
    const tasks = [
      { name: 'a', share: 33.33, score: 3 },
      { name: 'b', share: 33.33, score: 2 },
      { name: 'c', share: 33.34, score: 1 },
    ];
    // 0.9999 + 0.6666 + 0.3334 = 1.9999 exactly; floats give 1.9998999999999998
    expect(scoreAssessment(workedExampleWith({ tasks }), aijri1).taskExposure).toBe(2);
    expect(scoreAssessment(workedExampleWith({ tasks }), aijri1).taskResistance).toBe(4);
  });

  it('scores the worst possible inputs 0 and clamps scores above 100', () => {
    const worst = workedExampleWith({
      tasks: [{ name: 'all automatable', share: 100, score: 5 }],
      growth: { score: -2 },
      evidence: Object.fromEntries(Object.keys(workedExample.evidence).map((key) => [key, { score: -2 }])) as typeof workedExample.evidence,
      barriers: Object.fromEntries(Object.keys(workedExample.barriers).map((key) => [key, { score: 0 }])) as typeof workedExample.barriers,
    });
    expect(scoreAssessment(worst, aijri1).formulaScore).toBe(0);
    expect(scoreAssessment(worst, aijri1).zone).toBe('Red');
    expect(scoreAssessment(worst, aijri1).subLabel).toBe('Declining');

    const best = workedExampleWith({
      tasks: [{ name: 'human work', share: 100, score: 1 }],
      evidence: Object.fromEntries(Object.keys(workedExample.evidence).map((key) => [key, { score: 2 }])) as typeof workedExample.evidence,
      barriers: Object.fromEntries(Object.keys(workedExample.barriers).map((key) => [key, { score: 2 }])) as typeof workedExample.barriers,
    });
    const scored = scoreAssessment(best, aijri1);
    expect(scored.unclampedScore).toBeGreaterThan(100);
    expect(scored.formulaScore).toBe(100);
  });

  it('lets an override replace the score and decide the zone, keeping the formula score', () => {
    const result = scoreAssessment(workedExampleWith({ override: { score: 45.5, justification: 'peers sit lower' } }), aijri1);
    expect(result.formulaScore).toBe(64);
    expect(result.score).toBe(45.5);
    expect(result.zone).toBe('Yellow');
    expect(result.formulaZone).toBe('Green');
    expect(result.label).toBe('Yellow (Moderate)');
    expect(result.quickScreen.agrees).toBe(false);
  });

  it('keeps an assessor-set impact and marks it as differing from the default', () => {
    const tasks = workedExample.tasks.map((task, index) => (index === 0 ? { ...task, impact: 'not_involved' as const } : task));
    const result = scoreAssessment(workedExampleWith({ tasks }), aijri1);
    expect(result.tasks[0]).toMatchObject({ impact: 'not_involved', impactIsDefault: false });
    expect(result.split).toEqual({ displacement: 0, augmentation: 70, notInvolved: 30 });
    expect(result.score).toBe(64);
  });
});

describe('zones and sub-labels', () => {
  it('puts 48.0 in Green, 47.9 and 25.0 in Yellow, 24.9 in Red', () => {
    expect([zoneOf(48, aijri1), zoneOf(47.9, aijri1), zoneOf(25, aijri1), zoneOf(24.9, aijri1)]).toEqual(['Green', 'Yellow', 'Yellow', 'Red']);
  });

  it('picks the first sub-label rule that holds', () => {
    const figures = (growth: number, shareAtLeast3: number, shareAtLeast4: number) => ({ growth, shareAtLeast3, shareAtLeast4, score: 50 });
    expect(decideSubLabel('Green', figures(2, 90, 90), aijri1).subLabel).toBe('Accelerated');
    expect(decideSubLabel('Green', figures(1, 40, 0), aijri1).subLabel).toBe('Transforming');
    expect(decideSubLabel('Green', figures(1, 39, 0), aijri1).subLabel).toBe('Stable');
    expect(decideSubLabel('Yellow', figures(0, 50, 40), aijri1).subLabel).toBe('Urgent');
    expect(decideSubLabel('Yellow', figures(0, 50, 39), aijri1).subLabel).toBe('Moderate');
    expect(decideSubLabel('Red', figures(-1, 90, 90), aijri1).subLabel).toBe('Declining');
    expect(decideSubLabel('Red', figures(0, 90, 90), aijri1).subLabel).toBe('Imminent');
  });

  it('screens S ≥ 4 as likely Green, 1–3 as likely Yellow and ≤ 0 as likely Red', () => {
    expect(quickScreen(3, 1, aijri1).label).toBe('Likely Green Zone');
    expect(quickScreen(2, 2, aijri1).label).toBe('Likely Green Zone (Accelerated)');
    expect(quickScreen(1, 0, aijri1).label).toBe('Likely Yellow Zone');
    expect(quickScreen(1, -1, aijri1).label).toBe('Likely Red Zone');
  });
});
