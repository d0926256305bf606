import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAssessment } from '../../../methodology/index.ts';
import { parsePublishedPage } from './index.ts';
import { readSeedPage } from './seed-page.test-support.ts';

function expectWellFormed(text: string): void {
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

describe('parsePublishedPage on damaged input', () => {
  it('never throws on arbitrary text, and a failed import always says why', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => expectWellFormed(text)),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary lines in the published layout', () => {
    const lines = readSeedPage().split('\n');
    const line = fc.oneof(fc.constantFrom(...lines), fc.string({ maxLength: 80 }));
    fc.assert(fc.property(fc.array(line, { maxLength: 120 }), (chosen) => expectWellFormed(chosen.join('\n'))), { numRuns: 200 });
  });

  it('never throws on the seed page with random lines deleted or duplicated', () => {
    const lines = readSeedPage().split('\n');
    const edit = fc.record({ index: fc.nat({ max: lines.length - 1 }), duplicate: fc.boolean() });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        const edited = [...lines];
        for (const { index, duplicate } of edits) {
          const at = Math.min(index, edited.length - 1);
          if (duplicate) edited.splice(at, 0, edited[at] ?? '');
          else edited.splice(at, 1);
        }
        expectWellFormed(edited.join('\n'));
      }),
      { numRuns: 300 },
    );
  });
});
