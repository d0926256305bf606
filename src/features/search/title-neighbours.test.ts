import { describe, expect, it } from 'vitest';
import { buildTitleNeighbours, neighbourVotes } from './title-neighbours.ts';

const DOCUMENTS = [['toolmaker'], ['tool', 'die', 'maker'], ['barber'], ['barber', 'stylist'], ['electrician', 'apprentice'], ['plumber', 'apprentice'], ['pipefitter', 'apprentice']];
const ENTRIES = Int32Array.from([0, 0, 1, 1, 2, 3, 3]);
const model = buildTitleNeighbours(DOCUMENTS, ENTRIES);

describe('the learned title matcher (nearest titles by word parts)', () => {
  it('votes for the entry whose titles share the most word parts, with shares that add up to 1', () => {
    const votes = neighbourVotes(model, ['toolmaking']);
    expect(votes[0]).toMatchObject({ entry: 0, nearest: 0 });
    expect(votes.reduce((sum, vote) => sum + vote.share, 0)).toBeCloseTo(1, 10);
  });

  it('lets a short word count as much as a long one, so "apprentice" does not outvote the trade', () => {
    expect(neighbourVotes(model, ['barber', 'apprentice'])[0]?.entry).toBe(1);
  });

  it('finds nothing for words none of whose parts it has seen', () => {
    expect(neighbourVotes(model, ['xyzzy'])).toEqual([]);
    expect(neighbourVotes(model, [])).toEqual([]);
  });

  it('gives the same answer twice: the scratch space is cleared after each query', () => {
    const first = neighbourVotes(model, ['plumber', 'helper']);
    neighbourVotes(model, ['tool', 'maker']);
    expect(neighbourVotes(model, ['plumber', 'helper'])).toEqual(first);
  });

  it('builds the same model from the same titles', () => {
    const again = buildTitleNeighbours(DOCUMENTS, ENTRIES);
    expect([...again.featureIds]).toEqual([...model.featureIds]);
    expect(Buffer.from(again.postingWeight.buffer).equals(Buffer.from(model.postingWeight.buffer))).toBe(true);
    expect(Buffer.from(again.postingDoc.buffer).equals(Buffer.from(model.postingDoc.buffer))).toBe(true);
  });
});
