import { describe, expect, it } from 'vitest';
import { readExpertAssessmentFiles } from '../../features/catalog/catalog-source.ts';
import { AssessmentSchema, methodologyOf, scoreAssessment } from '../../methodology/index.ts';
import { readCommittedCatalog } from '../committed-catalog.ts';
import { compareExpertWithBaseline } from '../diff/expert-vs-baseline.ts';
import { compareMethods, renderMethodComparison } from './method-comparison.ts';

const catalog = await readCommittedCatalog();
const experts = await readExpertAssessmentFiles();

describe('the method comparison of the catalog report', () => {
  it('counts zones, zone moves and quick-screen agreement; a catalog compared with itself moves nothing', () => {
    const comparison = compareMethods(catalog.baselines, catalog.baselines, catalog.occupations, experts);
    expect(comparison.before).toEqual(comparison.after);
    const total = comparison.after.byZone.Green + comparison.after.byZone.Yellow + comparison.after.byZone.Red;
    expect(total).toBe(923);
    expect(comparison.transitions.Green.Green + comparison.transitions.Yellow.Yellow + comparison.transitions.Red.Red).toBe(923);
    expect(comparison.byMajorGroup.reduce((sum, group) => sum + group.count, 0)).toBe(923);
    expect(comparison.after.spearman.find((item) => item.key === 'eloundou-2023-human-beta')?.score).toBeLessThan(0);
    expect(comparison.defaults.every((item) => !item.input.startsWith('barriers.') || item.count <= 92)).toBe(true);
    expect(renderMethodComparison(comparison)).toContain('| Quick screen agrees with the zone |');
    // Each input held neutral gives a ρ for every index; holding the barriers at 0 moves the score, so it moves ρ.
    expect(comparison.withoutInput.map((row) => row.input)).toContain('all five barriers at 0');
    for (const row of comparison.withoutInput) expect(row.spearman.every((item) => item.score !== null)).toBe(true);
    const gpt4 = (items: readonly { key: string; score: number | null }[]) => items.find((item) => item.key === 'eloundou-2023-gpt4-beta')?.score;
    expect(gpt4(comparison.withoutInput.find((row) => row.input === 'all five barriers at 0')?.spearman ?? [])).not.toBe(gpt4(comparison.after.spearman));
    expect(renderMethodComparison(comparison)).toContain('| nothing (method 2 as published) |');
    // Built up one layer at a time, the last step is the published score, so its ρ is the published ρ.
    expect(comparison.byLayer.at(-1)?.spearman).toEqual(comparison.after.spearman.map(({ key, score }) => ({ key, score })));
    expect(gpt4(comparison.byLayer[0]?.spearman ?? [])).not.toBe(gpt4(comparison.after.spearman));
  });

  it('moves a changed baseline between zones and lists it among the risers', () => {
    const before = catalog.baselines.map((record) =>
      record.onetCode === '53-2011.00' ? { ...record, assessment: AssessmentSchema.parse({ ...record.assessment, tasks: record.assessment.tasks.map((task) => ({ ...task, score: 5 })) }) } : record,
    );
    const comparison = compareMethods(before, catalog.baselines, catalog.occupations);
    const pilots = catalog.baselines.find((record) => record.onetCode === '53-2011.00');
    if (!pilots) throw new Error('no 53-2011.00 baseline in catalog/baselines.jsonl');
    // Every task at 5 puts the pilots in Red; their committed baseline is in another zone, and no other baseline moves.
    const zoneNow = scoreAssessment(pilots.assessment, methodologyOf(pilots.assessment.methodology)).zone;
    expect(zoneNow).not.toBe('Red');
    expect(comparison.transitions.Red[zoneNow]).toBe(1);
    expect(comparison.transitions.Green.Yellow + comparison.transitions.Green.Red + comparison.transitions.Yellow.Green + comparison.transitions.Yellow.Red).toBe(0);
    expect(comparison.risers[0]?.onetCode).toBe('53-2011.00');
    expect(comparison.watched[0]).toMatchObject({ onetCode: '53-2011.00', before: { label: 'Red (Imminent)' } });
  });
});

describe('an expert assessment beside the baseline of its occupation', () => {
  it('shows both headlines and every input that differs, totals first', () => {
    const expert = experts.find(({ assessment }) => assessment.role.onetCodes[0] === '15-1221.00');
    const baseline = catalog.baselines.find((record) => record.onetCode === '15-1221.00');
    if (!expert || !baseline) throw new Error('the Multimodal AI Engineer expert file or the 15-1221.00 baseline is missing');
    const comparison = compareExpertWithBaseline(expert.assessment, baseline.assessment, '15-1221.00');
    expect(comparison.expert).toMatchObject({ title: 'Multimodal AI Engineer', score: 64, label: 'Green (Accelerated)' });
    expect(comparison.baseline).toMatchObject({ title: 'Computer and Information Research Scientists', method: 'baseline-2' });
    expect(comparison.inputs[0]?.input).toBe('taskExposure');
    expect(comparison.inputs.find((input) => input.input === 'evidence')).toMatchObject({ expert: '+8' });
    const same = compareExpertWithBaseline(baseline.assessment, baseline.assessment, '15-1221.00');
    expect(same.inputs).toEqual([]);
  });
});
