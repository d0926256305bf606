import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectWellFormed } from './well-formed-import.test-support.ts';

describe('parsePublishedPage on damaged input', () => {
  it('never throws on arbitrary text, and a failed import always says why', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => expectWellFormed(text)),
      { numRuns: 300 },
    );
  });
});
