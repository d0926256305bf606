import { describe, expect, it } from 'vitest';
import { groupHits, inGroupOrder } from './search-groups.ts';

const hit = (title: string, matchedTitle = title) => ({ title, matchedTitle });

describe('grouping search hits that answer to the same title', () => {
  it('puts the jobs matched by one shared title under one heading, where the first was found', () => {
    const hits = [hit('Registered Nurses', 'Nurse'), hit('Nurse Practitioners'), hit('Critical Care Nurses', 'nurse'), hit('Acute Care Nurses', 'Nurse')];
    const groups = groupHits(hits);
    expect(groups.map((group) => [group.heading, group.hits.map((each) => each.title)])).toEqual([
      ['Nurse', ['Registered Nurses', 'Critical Care Nurses', 'Acute Care Nurses']],
      [null, ['Nurse Practitioners']],
    ]);
    expect(inGroupOrder(groups).map((each) => each.title)).toEqual(['Registered Nurses', 'Critical Care Nurses', 'Acute Care Nurses', 'Nurse Practitioners']);
  });

  it('leaves a title matched by only one job, and a job’s own title, ungrouped', () => {
    const groups = groupHits([hit('Registered Nurses', 'RN'), hit('Nurse Anesthetists'), hit('Nurse Anesthetists', 'Nurse Anesthetists')]);
    expect(groups.every((group) => group.heading === null && group.hits.length === 1)).toBe(true);
  });
});
