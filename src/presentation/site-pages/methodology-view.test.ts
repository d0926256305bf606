import { describe, expect, it } from 'vitest';
import { aijri1, type MethodologyDefinition } from '../../methodology/index.ts';
import { buildMethodologyView, describeMethodology } from './methodology-view.ts';
import { committedReadModel, sampleReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';
import { gatherMethodologyInput } from '../../features/site-pages/methodology-input.ts';

const model = await committedReadModel();

describe('the methodology page', () => {
  it('states the formula with the constants of the definition', () => {
    const view = describeMethodology(aijri1);
    const rules = Object.fromEntries(view.formula.map((step) => [step.symbol, step.rule]));
    expect(rules.TR).toBe(`${aijri1.taskResistanceBase} − X`);
    expect(rules.EM).toBe(`1 + ${aijri1.evidenceStep} × E`);
    expect(rules.BM).toBe(`1 + ${aijri1.barrierStep} × B`);
    expect(rules.GM).toBe(`1 + ${aijri1.growthStep} × G`);
    expect(rules.AIJRI).toBe(`(raw − ${aijri1.rawFloor}) ÷ ${aijri1.rawDivisor} × 100, kept within 0–100`);
    expect(view.formula.find((step) => step.symbol === 'raw')?.places).toBe(aijri1.places.raw);
    expect(view.formulaLine).toBe('AIJRI = ((6 − X) × (1 + 0.04·E) × (1 + 0.02·B) × (1 + 0.05·G) − 0.54) ÷ 7.93 × 100');
  });

  it('lists the zones, task score meanings and dimensions exactly as defined', () => {
    const view = describeMethodology(aijri1);
    expect(view.zones.map((zone) => zone.headline)).toEqual([aijri1.zones.headline.Green, aijri1.zones.headline.Yellow, aijri1.zones.headline.Red]);
    expect(view.zones[0]?.rule).toBe(`score ≥ ${aijri1.zones.greenFrom}`);
    expect(view.taskScores.map((row) => row.meaning)).toEqual([1, 2, 3, 4, 5].map((score) => aijri1.taskScoreMeaning[score]));
    expect(view.taskScores.map((row) => row.defaultImpact)).toEqual(['not involved', 'augmentation', 'augmentation', 'displacement', 'displacement']);
    expect(view.dimensionGroups.map((group) => group.dimensions.map((dimension) => dimension.label))).toEqual([
      aijri1.protective.map((dimension) => dimension.label),
      aijri1.evidence.map((dimension) => dimension.label),
      aijri1.barriers.map((dimension) => dimension.label),
    ]);
    expect(view.dimensionGroups.map((group) => group.totalRange)).toEqual(['0 to +9', '−10 to +10', '0 to +10']);
    expect(view.composition.map((row) => row.weight)).toEqual(Object.values(aijri1.composition).map((weight) => weight.weight));
  });

  it('follows a changed definition rather than fixed text', () => {
    const changed = { ...aijri1, rawDivisor: '8.00', zones: { ...aijri1.zones, greenFrom: '50' }, subLabels: { ...aijri1.subLabels, transformingShareAtLeast3: 35 } } as unknown as MethodologyDefinition;
    const view = describeMethodology(changed);
    expect(view.formula.at(-1)?.rule).toContain('÷ 8.00 ×');
    expect(view.zones[1]?.rule).toBe('25 ≤ score < 50');
    expect(view.subLabels[0]?.rules[1]?.rule).toContain('35%');
  });

  it('works the example through live, digit for digit as methodology §3 publishes it', () => {
    const worked = buildMethodologyView(gatherMethodologyInput(model), aijri1).worked;
    expect(worked?.title).toBe('Multimodal AI Engineer, Mid-level');
    expect(worked?.steps.map((step) => step.calculation)).toEqual([
      '0.40 + 0.50 + 0.45 + 0.45 + 0.45 + 0.10 = 2.35',
      '6 − 2.35 = 3.65',
      '1 + 0.04 × 8 = 1.32',
      '1 + 0.02 × 3 = 1.06',
      '1 + 0.05 × 2 = 1.10',
      '3.65 × 1.32 × 1.06 × 1.10 = 5.6178',
      '(5.6178 − 0.54) ÷ 7.93 × 100 = 64.0',
    ]);
    expect(worked?.result.label).toBe('Green (Accelerated)');
    expect(worked?.band).toEqual({ low: '59.2', high: '68.9', zoneStable: true });
    expect(worked?.topMoves[0]?.label).toContain('Implement and train multimodal models');
  });

  it('has no worked example when the catalog lacks that assessment', () => {
    expect(buildMethodologyView(gatherMethodologyInput(sampleReadModel([{ onetCode: '11-0001.00', title: 'Clerks', zone: 'Red' }])), aijri1).worked).toBeNull();
  });
});
