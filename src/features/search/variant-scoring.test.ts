import { describe, expect, it } from 'vitest';
import { buildSearchIndex, search } from './search-index.ts';
import { FIXTURE_ENTRIES } from './test-support/search-fixture.ts';

const index = buildSearchIndex(FIXTURE_ENTRIES);

describe('scoring query variants against title forms', () => {
  it('gives every form a class that holds its own kind mask, head kind and factor', () => {
    const { formClass, formClasses } = index;
    expect(formClass.length).toBe(index.formTitle.length);
    for (let form = 0; form < formClass.length; form += 1) {
      const shape = formClass[form] ?? -1;
      expect(formClasses.kindMask[shape], index.formTitle[form]).toBe(index.formKindMask[form]);
      expect(formClasses.headKind[shape], index.formTitle[form]).toBe(index.formHeadKind[form]);
      expect(formClasses.factor[shape], index.formTitle[form]).toBe(index.formFactor[form]);
    }
    expect(formClasses.factor.length).toBeLessThan(formClass.length);
  });

  it('leaves its buffers clean: a query answers the same whatever was searched before it', () => {
    // One-word, several-word, typed-prefix, related-word and abbreviation queries take different paths through the scoring.
    const queries = ['nurse', 'registered nurse', 'nur', 'head custodian', 'teaching assistant', 'rn', 'database admin', 'software developer', 'toolmaker helper', 'nurse nurse'];
    const alone = queries.map((query) => JSON.stringify(search(buildSearchIndex(FIXTURE_ENTRIES), query, { limit: 10 })));
    for (const order of [queries, [...queries].reverse()]) {
      for (const query of order) expect(JSON.stringify(search(index, query, { limit: 10 })), query).toBe(alone[queries.indexOf(query)]);
    }
  });
});
