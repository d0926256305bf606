import { expect } from 'vitest';
import { validateAssessment } from '../../../methodology/index.ts';
import { parsePublishedPage } from './index.ts';

/** Checks that an import either succeeds with a valid assessment or says why it failed, without the importer's last-resort net. */
export function expectWellFormed(text: string): void {
  const result = parsePublishedPage(text);
  if (result.ok) {
    expect(validateAssessment(result.assessment).ok).toBe(true);
    expect(result.published.taskWeighted).toHaveLength(result.assessment.tasks.length);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    // The importer catches its own crashes as a last resort; a property run must never need that net.
    expect(result.problems.filter((problem) => problem.message.startsWith('the page could not be read'))).toEqual([]);
  }
}
