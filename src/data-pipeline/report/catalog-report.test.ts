import { describe, expect, it } from 'vitest';
import { readCommittedCatalog } from '../committed-catalog.ts';
import { computeCatalogReport, renderCatalogReport } from './catalog-report.ts';

const report = computeCatalogReport(await readCommittedCatalog());

describe('the catalog sanity report', () => {
  it('counts every baseline in exactly one zone and one score bin', () => {
    expect(report.byZone.Green + report.byZone.Yellow + report.byZone.Red).toBe(923);
    expect(report.histogram.reduce((total, bin) => total + bin.count, 0)).toBe(923);
    expect(report.mostResistant[0]?.score).toBeGreaterThanOrEqual(report.leastResistant[0]?.score ?? 0);
  });

  it('finds the resistance score negatively correlated with the LLM-era exposure indices', () => {
    for (const key of ['eloundou-2023-human-beta', 'felten-2023-lm-aioe', 'microsoft-2025-ai-applicability']) {
      expect(report.correlations.find((item) => item.key === key)?.rho ?? 0, key).toBeLessThan(0);
    }
  });

  it('states the expected sign in the rendered Markdown', () => {
    const markdown = renderCatalogReport(report);
    expect(markdown).toContain('expected sign is\n**negative**');
    expect(markdown).toContain('## Where the baseline and the indices disagree most');
  });
});
