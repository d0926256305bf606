import { describe, expect, it } from 'vitest';
import { readCommittedCatalog } from '../../data-pipeline/committed-catalog.ts';
import { readExpertAssessmentFiles } from '../../features/catalog/catalog-source.ts';
import { buildExpertBaselineView } from './expert-baseline-view.ts';

const catalog = await readCommittedCatalog();
const experts = await readExpertAssessmentFiles();
const link = { title: 'Computer and Information Research Scientists', seniorityLabel: 'All levels', href: '/x', scoreText: '42.0', zone: 'Yellow' as const, zoneClass: 'yellow' as const, label: 'Yellow (Moderate)', word: 'EXPOSED', isBaseline: true };

describe('an expert page beside the baseline of its occupation', () => {
  it('states both scores and lists the inputs that differ, totals first', () => {
    const expert = experts.find(({ assessment }) => assessment.role.onetCodes[0] === '15-1221.00')?.assessment;
    const baseline = catalog.baselines.find((record) => record.onetCode === '15-1221.00')?.assessment;
    if (!expert || !baseline) throw new Error('the Multimodal AI Engineer file or the 15-1221.00 baseline is missing');
    const view = buildExpertBaselineView(expert, baseline, '15-1221.00', link);
    expect(view.summary).toMatch(/^This assessment scores 64\.0, [\d.]+ points above the data-derived baseline of Computer and Information Research Scientists \(15-1221\.00\) at [\d.]+\.$/);
    expect(view.baselineMethod).toBe('baseline-2');
    expect(view.rows[0]?.label).toBe('Task exposure (1–5, weighted)');
    expect(view.rows.find((row) => row.label === 'Evidence total (−10..+10)')).toMatchObject({ expert: '+8' });
  });
});
