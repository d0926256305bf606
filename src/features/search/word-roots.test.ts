import { describe, expect, it } from 'vitest';
import { wordRoot } from './word-roots.ts';

describe('word roots', () => {
  it('brings a title word together with its relatives', () => {
    expect(wordRoot('teaching')).toBe(wordRoot('teacher'));
    expect(wordRoot('custodial')).toBe(wordRoot('custodian'));
    expect(wordRoot('janitorial')).toBe(wordRoot('janitor'));
    expect(wordRoot('engineering')).toBe(wordRoot('engineer'));
  });

  it('leaves short words and words without a suffix alone', () => {
    expect(wordRoot('nurse')).toBeNull();
    expect(wordRoot('cook')).toBeNull();
    expect(wordRoot('sonar')).toBeNull();
    expect(wordRoot('welder')).toBeNull();
  });
});
