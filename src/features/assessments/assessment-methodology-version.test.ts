import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { aijri1, validateAssessment, type MethodologyDefinition } from '../../methodology/index.ts';

const EXAMPLE = new URL('../../../content/assessments/multimodal-ai-engineer/mid-level.yaml', import.meta.url);
const exampleNaming = (methodology: string) => ({ ...(parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>), methodology });

describe('the methodology version an assessment names', () => {
  it('must be one this build knows: figures are never computed under another version than the one named', () => {
    expect(validateAssessment(exampleNaming('aijri-1')).ok).toBe(true);
    const refused = validateAssessment(exampleNaming('aijri-7'));
    expect(refused.ok).toBe(false);
    expect(refused.problems).toContainEqual({ path: ['methodology'], message: 'found "aijri-7"; expected a methodology version this build knows: aijri-1', severity: 'error' });
  });

  it('may be one a re-scoring brings along, judged by that version’s rules', () => {
    const aijri7: MethodologyDefinition = { ...aijri1, version: 'aijri-7', defaultImpactByScore: { ...aijri1.defaultImpactByScore } };
    const result = validateAssessment(exampleNaming('aijri-7'), { methodologies: { [aijri1.version]: aijri1, [aijri7.version]: aijri7 } });
    expect(result.ok).toBe(true);
  });
});

describe('a methodology version that is a property name of every object', () => {
  it('is refused like any unknown version, not taken for a definition', () => {
    for (const named of ['constructor', '__proto__', 'toString']) {
      const result = validateAssessment(exampleNaming(named));
      expect(result.ok).toBe(false);
      expect(result.problems.map((problem) => problem.path.join('.'))).toContain('methodology');
    }
  });
});
