import { describe, expect, it } from 'vitest';
import { boundedEditDistance, buildFuzzyVocabulary, findNearWords } from './fuzzy-words.ts';

describe('typo tolerance over the vocabulary', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(boundedEditDistance('programer', 'programmer', 2)).toBe(1);
    expect(boundedEditDistance('nurce', 'nurse', 2)).toBe(1);
    expect(boundedEditDistance('teh', 'the', 2)).toBe(1);
    expect(boundedEditDistance('softwear', 'software', 2)).toBe(2);
    expect(boundedEditDistance('cashier', 'cashier', 2)).toBe(0);
  });

  it('stops counting past the bound', () => {
    expect(boundedEditDistance('nurse', 'welder', 1)).toBe(2);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('finds words one edit away first, and two edits away only when there are none', () => {
    const vocabulary = buildFuzzyVocabulary(['software', 'programmer', 'nurse', 'purse', 'developer']);
    const words = (word: string, max: number) => findNearWords(vocabulary, word, max).map((near) => vocabulary.words[near.id]);
    expect(words('programer', 2)).toEqual(['programmer']);
    expect(words('nurss', 1).sort()).toEqual(['nurse']);
    expect(words('softwear', 2)).toEqual(['software']);
    expect(words('softwear', 1)).toEqual([]);
    expect(words('welder', 2)).toEqual([]);
  });
});
