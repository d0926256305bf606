import fc from 'fast-check';
import { describe, it } from 'vitest';
import { readSeedPage } from './seed-page.test-support.ts';
import { expectWellFormed } from './well-formed-import.test-support.ts';

describe('parsePublishedPage on a damaged copy of the published seed page', () => {
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
