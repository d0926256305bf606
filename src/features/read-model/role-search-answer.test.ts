import { describe, expect, it } from 'vitest';
import { committedReadModel } from '../site-pages/test-support/read-model-fixture.ts';
import { answerRoleSearch, oneLine } from './role-search-answer.ts';

const model = await committedReadModel();

describe('the shared answer to a title search', () => {
  it('gives each hit one line on what the job is and the page of its current assessment', () => {
    const { hits } = answerRoleSearch(model, 'registered nurse', 3);
    expect(hits[0]).toMatchObject({ slug: 'registered-nurses', url: '/roles/registered-nurses/all-levels' });
    for (const hit of hits) {
      expect(hit.description).not.toMatch(/[*_`]/);
      expect(hit.description.length).toBeLessThanOrEqual(110);
    }
  });

  it('finds nothing for a query without a searchable word', () => {
    expect(answerRoleSearch(model, '', 5)).toEqual({ hits: [], notInCatalog: null });
  });

  it('cuts a description to its first sentence and a word boundary', () => {
    expect(oneLine('Provide nursing care. Also teach.')).toBe('Provide nursing care');
    expect(oneLine('word '.repeat(40), 30)).toBe('word word word word word…');
    expect(oneLine(null)).toBe('');
  });
});
