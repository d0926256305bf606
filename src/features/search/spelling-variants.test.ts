import { describe, expect, it } from 'vitest';
import { commonSpelling } from './spelling-variants.ts';
import { buildSearchIndex, search } from './search-index.ts';
import { tokenize } from './search-text.ts';

describe('British spellings', () => {
  it('folds listed words and unambiguous word parts into the American spelling', () => {
    expect(['labourer', 'programme', 'centre', 'paediatrician', 'anaesthetist', 'organiser', 'jeweller', 'counsellor'].map(commonSpelling)).toEqual([
      'laborer',
      'program',
      'center',
      'pediatrician',
      'anesthetist',
      'organizer',
      'jeweler',
      'counselor',
    ]);
  });

  it('leaves words that only look British alone, and inherited object keys are not words', () => {
    expect(['tour', 'four', 'supervise', 'hour', 'constructor', 'tonne'].map(commonSpelling)).toEqual(['tour', 'four', 'supervise', 'hour', 'constructor', 'ton']);
  });

  it('folds gendered and neutral compounds into one word, but not the bare words', () => {
    expect(['foreperson', 'forewoman', 'chairperson', 'salesperson', 'person', 'woman', 'draughtsperson'].map(commonSpelling)).toEqual([
      'foreman',
      'foreman',
      'chairman',
      'salesman',
      'person',
      'woman',
      'draftsman',
    ]);
  });

  it('applies to titles and queries alike, after plurals are gone', () => {
    expect(tokenize('Labourers, Theatre Centres')).toEqual(['laborer', 'theater', 'center']);
  });

  it('lets a British title find the American occupation', () => {
    const index = buildSearchIndex([
      { slug: 'pediatricians', title: 'Pediatricians, General', onetCode: '29-1221.00', socCode: '29-1221', titles: [{ text: 'Pediatrician', kind: 'alternate' }] },
      { slug: 'program-managers', title: 'Program Managers', onetCode: '11-9199.00', socCode: '11-9199', titles: [{ text: 'Program Manager', kind: 'alternate' }] },
      { slug: 'laborers', title: 'Construction Laborers', onetCode: '47-2061.00', socCode: '47-2061', titles: [{ text: 'Laborer', kind: 'alternate' }] },
    ]);
    expect(search(index, 'Paediatrician')[0]).toMatchObject({ onetCode: '29-1221.00', score: 0.98 });
    expect(search(index, 'Programme Manager')[0]?.onetCode).toBe('11-9199.00');
    expect(search(index, 'General Labourer')[0]?.onetCode).toBe('47-2061.00');
  });
});
