import { describe, expect, it } from 'vitest';
import { methodologyOf, scoreAssessment, validateAssessment } from '../../methodology/index.ts';
import { readCommittedCatalog } from '../committed-catalog.ts';

const catalog = await readCommittedCatalog();

describe('the committed catalog', () => {
  it('holds one occupation and one baseline for each of the 923 O*NET occupations with task labels, in code order', () => {
    expect(catalog.occupations).toHaveLength(923);
    expect(catalog.baselines.map((baseline) => baseline.onetCode)).toEqual(catalog.occupations.map((occupation) => occupation.onetCode));
    const codes = catalog.occupations.map((occupation) => occupation.onetCode);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(catalog.occupations.map((occupation) => occupation.slug)).size).toBe(923);
  });

  it('has baselines that all validate, score, and say they are data-derived and not reviewed', () => {
    const slugs = new Set(catalog.occupations.map((occupation) => occupation.slug));
    for (const { onetCode, assessment } of catalog.baselines) {
      const result = validateAssessment(assessment, { knownRoleSlugs: slugs });
      expect(result.ok, `${onetCode}: ${result.problems.map((problem) => problem.message).join('; ')}`).toBe(true);
      expect(assessment).toMatchObject({ status: 'baseline', methodology: 'aijri-1', baselineMethod: { version: 'baseline-2' }, role: { seniority: 'all-levels', onetCodes: [onetCode] } });
      expect(assessment.baselineMethod?.aiScope).toMatch(/language models.*autonomous vehicles and robots/);
      expect(assessment.verdict).toMatch(/^Data-derived baseline, not reviewed\./);
      expect(scoreAssessment(assessment, methodologyOf(assessment.methodology)).score).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives every occupation its O*NET title among the searchable titles, once per occupation ignoring case', () => {
    const onetTitles = catalog.titles.filter((title) => title.kind === 'onet');
    expect(onetTitles).toHaveLength(923);
    const keys = catalog.titles.map((title) => `${title.onetCode}|${title.title.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('rates a roofer as more resistant than a telemarketer, and manual trades above clerical work', () => {
    const score = (code: string) => {
      const baseline = catalog.baselines.find((item) => item.onetCode === code);
      if (!baseline) throw new Error(`no baseline for ${code}`);
      return scoreAssessment(baseline.assessment, methodologyOf(baseline.assessment.methodology));
    };
    expect(score('47-2181.00').score).toBeGreaterThan(score('41-9041.00').score);
    expect(score('47-2111.00').zone).toBe('Green');
    expect(score('43-9021.00').zone).toBe('Red');
  });
});

describe('defaults in the committed baselines (issue 11: a default is the exception, named)', () => {
  it('leave no barrier input at its default for more than 10% of occupations', () => {
    const barriers = ['regulatory', 'physical', 'union', 'liability', 'cultural'] as const;
    for (const barrier of barriers) {
      const defaults = catalog.baselines.filter(({ assessment }) => assessment.barriers[barrier].provenance?.basis === 'default');
      expect(defaults.length, `${barrier}: ${defaults.length} defaults`).toBeLessThanOrEqual(Math.floor(catalog.baselines.length * 0.1));
      for (const { assessment } of defaults) expect(assessment.barriers[barrier].provenance).toMatchObject({ source: 'neutral default', confidence: 'low' });
    }
  });

  it('give observed AI use no point where no task matched the Anthropic Economic Index', () => {
    for (const { assessment } of catalog.baselines) {
      const tool = assessment.evidence.toolMaturity;
      if (tool.provenance?.basis === 'default') expect(tool.score).toBe(0);
    }
  });
});

