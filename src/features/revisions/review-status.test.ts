import { describe, expect, it } from 'vitest';
import { lastReviewedOf, reviewStatus } from './review-status.ts';

describe('review status', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('a review 89 days ago is not due; 90 days without review makes it due', () => {
    expect(reviewStatus('2026-08-26', now)).toEqual({ lastReviewed: '2026-08-26', daysSinceReview: 89, dueOn: '2026-11-24', reviewDue: false });
    expect(reviewStatus('2026-08-25', now)).toMatchObject({ daysSinceReview: 90, dueOn: '2026-11-23', reviewDue: true });
    expect(reviewStatus(new Date('2026-11-20T23:59:00Z'), now)).toMatchObject({ lastReviewed: '2026-11-20', reviewDue: false });
  });

  it('an assessment nobody reviewed is due', () => {
    expect(reviewStatus(null, now)).toEqual({ lastReviewed: null, daysSinceReview: null, dueOn: null, reviewDue: true });
  });

  it('the last review is the later of the reviewed date and the newest revision a person published; re-scores and baselines do not count', () => {
    const revisions = [
      { publishedAt: new Date('2026-11-01T09:00:00Z'), author: 'jobzone methodology rescore' },
      { publishedAt: new Date('2026-09-10T09:00:00Z'), author: 'Ada Assessor' },
      { publishedAt: new Date('2026-01-01T09:00:00Z'), author: 'jobzone baseline pipeline' },
    ];
    expect(lastReviewedOf(revisions, { reviewed: '2026-08-01' })).toBe('2026-09-10');
    expect(lastReviewedOf(revisions, { reviewed: '2026-10-01' })).toBe('2026-10-01');
    expect(lastReviewedOf(revisions.slice(2), {})).toBeNull();
  });
});
