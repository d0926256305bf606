import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from './spearman.ts';

describe('Spearman rank correlation', () => {
  it('gives tied values their average rank', () => {
    expect(averageRanks([10, 30, 20, 30])).toEqual([1, 3.5, 2, 3.5]);
  });

  it('matches the hand-computed value of a small example with a tie (8 / √95)', () => {
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 12);
  });

  it('is −1 for a perfectly reversed order and ignores the scale of the values', () => {
    expect(spearman([1, 2, 3, 4], [400, 30, 2, 0.1])).toBeCloseTo(-1, 12);
  });

  it('is undefined when one list has no spread', () => {
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
  });
});
