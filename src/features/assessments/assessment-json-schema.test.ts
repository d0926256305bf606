import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_SCHEMA_PATH } from './assessment-files.ts';
import { generateAssessmentJsonSchema } from './assessment-json-schema.ts';

describe('the JSON Schema for editors', () => {
  it('is committed as generated from the zod schema (run "npm run schema" after changing it)', async () => {
    expect(await readFile(ASSESSMENT_SCHEMA_PATH, 'utf8')).toBe(generateAssessmentJsonSchema());
  });

  it('documents the fields editors complete', () => {
    const schema = JSON.parse(generateAssessmentJsonSchema());
    expect(schema.required).toEqual(expect.arrayContaining(['status', 'role', 'tasks', 'protective', 'growth', 'evidence', 'barriers']));
    expect(schema.properties.tasks.items.properties.share.description).toMatch(/sum to exactly 100/);
    expect(Object.keys(schema.properties.evidence.properties)).toEqual(['jobPostings', 'companyActions', 'wages', 'toolMaturity', 'expertConsensus']);
  });
});
