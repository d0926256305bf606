import { describe, expect, it } from 'vitest';
import { buildMilitaryTitles, findMilitaryGroup } from './military-titles.ts';
import { tokenize } from './search-text.ts';

const military = buildMilitaryTitles();
const civilianTitles = new Set(['trooper']);
const find = (text: string) => findMilitaryGroup(military, tokenize(text), (key) => civilianTitles.has(key));

describe('military titles', () => {
  it('recognises ranks and specialities, with or without the service named', () => {
    for (const title of ['Sergeant', 'Private First Class', 'Lance Corporal', 'Rear Admiral', 'Infantryman', 'US Army Rifleman', 'Navy Petty Officer', 'Special Forces Operator']) {
      expect(find(title)?.reason, title).toMatch(/military (ranks|specialities) have no civilian O\*NET occupation/);
    }
  });

  it('leaves civilian titles alone, even with a rank word in them', () => {
    for (const title of ['Police Sergeant', 'General Manager', 'Private Investigator', 'Army', 'Trooper', 'Marine Engineer']) expect(find(title), title).toBeNull();
  });
});
