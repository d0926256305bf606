import { BASELINE_AUTHOR } from '../catalog/catalog.usecases.ts';
import type { Assessment } from '../../methodology/index.ts';
import { RESCORE_AUTHOR, type RevisionSummary } from './revisions.schemas.ts';

/** Days without a review after which an assessment is flagged as due for one. */
export const REVIEW_INTERVAL_DAYS = 90;
const DAY_MS = 86_400_000;

/** Revisions written by a program, not by a person: they do not count as a review. */
export const AUTOMATED_AUTHORS: ReadonlySet<string> = new Set([BASELINE_AUTHOR, RESCORE_AUTHOR]);

/** When an assessment was last reviewed and whether a review is due. */
export interface ReviewStatus {
  /** YYYY-MM-DD, or null when no person ever reviewed it (a data-derived baseline). */
  lastReviewed: string | null;
  daysSinceReview: number | null;
  /** The day the review falls due, YYYY-MM-DD. */
  dueOn: string | null;
  reviewDue: boolean;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Returns the last review date and flags a review as due once 90 days have passed without one (never reviewed counts as due). */
export function reviewStatus(lastReviewed: Date | string | null, now: Date): ReviewStatus {
  if (lastReviewed === null) return { lastReviewed: null, daysSinceReview: null, dueOn: null, reviewDue: true };
  const reviewed = new Date(typeof lastReviewed === 'string' ? `${lastReviewed.slice(0, 10)}T00:00:00Z` : Date.UTC(lastReviewed.getUTCFullYear(), lastReviewed.getUTCMonth(), lastReviewed.getUTCDate()));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.floor((today - reviewed.getTime()) / DAY_MS);
  const dueOn = new Date(reviewed.getTime() + REVIEW_INTERVAL_DAYS * DAY_MS);
  return { lastReviewed: day(reviewed), daysSinceReview: days, dueOn: day(dueOn), reviewDue: days >= REVIEW_INTERVAL_DAYS };
}

/** Finds when an assessment was last reviewed: its `reviewed` date or the newest revision a person published, whichever is later. */
export function lastReviewedOf(revisions: readonly Pick<RevisionSummary, 'publishedAt' | 'author'>[], current: Pick<Assessment, 'reviewed'>): string | null {
  const published = revisions.filter((revision) => !AUTOMATED_AUTHORS.has(revision.author)).map((revision) => day(revision.publishedAt));
  const candidates = [...published, ...(current.reviewed ? [current.reviewed] : [])].sort();
  return candidates.at(-1) ?? null;
}
