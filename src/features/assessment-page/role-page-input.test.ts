import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '../read-model/read-model.ts';
import { readModelFromCatalog } from './test-support/catalog-read-model.ts';
import { gatherRolePageInput } from './role-page-input.ts';

describe('gathering what a role address shows', () => {
  let model: ReadModel;

  beforeAll(async () => {
    model = await readModelFromCatalog();
  });

  it('gathers the assessment page of the named level, or of the default level when none is named', () => {
    const named = gatherRolePageInput(model, 'multimodal-ai-engineer', 'mid-level');
    expect(named.kind === 'found' && named.page.entry.key).toBe('multimodal-ai-engineer/mid-level');
    const unnamed = gatherRolePageInput(model, 'roofers');
    expect(unnamed.kind === 'found' && [unnamed.page.entry.key, unnamed.page.seniorities.map((entry) => entry.seniority)]).toEqual(['roofers/all-levels', ['all-levels']]);
  });

  it('for a level the role lacks, gathers the levels it is assessed at and searches nothing', () => {
    const input = gatherRolePageInput(model, 'multimodal-ai-engineer', 'principal');
    if (input.kind !== 'missing') throw new Error('a level the role lacks was found');
    expect(input.role?.title).toBe('Multimodal AI Engineer');
    expect(input.role?.assessed.map((entry) => entry.key)).toEqual(['multimodal-ai-engineer/mid-level']);
    expect(input.suggestions).toEqual([]);
  });

  it('for an unknown role, searches the words of the address, at most eight titles', () => {
    const input = gatherRolePageInput(model, 'roofer-senior');
    if (input.kind !== 'missing') throw new Error('an unknown role was found');
    expect([input.role, input.query]).toEqual([null, 'roofer senior']);
    expect(input.suggestions[0]?.slug).toBe('roofers');
    expect(input.suggestions.length).toBeLessThanOrEqual(8);
    const long = gatherRolePageInput(model, 'x'.repeat(500));
    expect(long.kind === 'missing' && long.query).toBe('x'.repeat(80));
  });
});
