import type { PublishedCorrection } from '../../features/studio/corrections.usecases.ts';
import { buildAtomFeed } from './atom-feed.ts';
import { formatScore } from '../format.ts';

/** Builds the Atom feed of published corrections. */
export function correctionsFeed(corrections: readonly PublishedCorrection[], publicUrl: string, now: Date = new Date()): string {
  const base = publicUrl.replace(/\/$/, '');
  return buildAtomFeed({
    id: `${base}/corrections`,
    title: 'jobzone corrections',
    subtitle: 'Published revisions that corrected an error in an assessment.',
    selfUrl: `${base}/feeds/corrections.atom`,
    alternateUrl: `${base}/corrections`,
    updated: now,
    author: 'jobzone editorial team',
    entries: corrections.map((correction) => ({
      id: `${base}/roles/${correction.roleSlug}/${correction.seniority}/history#revision-${correction.revision}`,
      title: `Correction: ${correction.title} (revision ${correction.revision})`,
      link: `${base}/roles/${correction.roleSlug}/${correction.seniority}/history`,
      updated: correction.publishedAt,
      published: correction.publishedAt,
      author: correction.author,
      summary: `${correction.reason} Score ${correction.previousScore === null ? '' : `${formatScore(correction.previousScore)} → `}${formatScore(correction.score)} (${correction.zone}).`,
    })),
  });
}
