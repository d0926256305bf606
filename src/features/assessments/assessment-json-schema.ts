import { z } from 'zod';
import { AssessmentSchema, CURRENT_METHODOLOGY } from '../../methodology/index.ts';

/** Generates the JSON Schema of assessment files from the zod schema, so editors offer completion. */
export function generateAssessmentJsonSchema(): string {
  const schema = z.toJSONSchema(AssessmentSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    ...schema,
    title: `jobzone assessment file (${CURRENT_METHODOLOGY.version})`,
    description: 'One role at one seniority, scored with the AI Job Resistance Index. See docs/assessment-file.md.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
