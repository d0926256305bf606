import type { PublicationRow } from '../../features/revisions/revisions.schemas.ts';
import { buildAtomFeed, type AtomEntry } from './atom-feed.ts';
import { feedPageUrl, feedUrl, revisionDiffUrl, revisionUrl, type FeedScope } from '../../features/revisions/revision-links.ts';
import { formatDelta, formatScore } from '../format.ts';

const SITE_AUTHOR = 'jobzone';

/** Says in one line what a published revision changed: the score and label before and after. */
export function describePublication(row: Pick<PublicationRow, 'figures' | 'previousFigures'>): string {
  const { figures, previousFigures } = row;
  if (!previousFigures) return `First published: AIJRI ${formatScore(figures.score)}, ${figures.label}.`;
  const delta = Math.round((figures.score - previousFigures.score) * 10) / 10;
  const label = previousFigures.label === figures.label ? figures.label : `${previousFigures.label} → ${figures.label}`;
  return `AIJRI ${formatScore(previousFigures.score)} → ${formatScore(figures.score)} (${formatDelta(delta)}), ${label}.`;
}

function entryOf(row: PublicationRow, publicUrl: string): AtomEntry {
  const link = row.revision > 1 ? revisionDiffUrl(publicUrl, row.roleSlug, row.seniority, row.revision - 1, row.revision) : revisionUrl(publicUrl, row.roleSlug, row.seniority, row.revision);
  return {
    id: revisionUrl(publicUrl, row.roleSlug, row.seniority, row.revision),
    title: `${row.title} (${row.seniority}), revision ${row.revision}: ${formatScore(row.figures.score)} ${row.figures.label}`,
    link,
    published: row.publishedAt,
    updated: row.publishedAt,
    author: row.author,
    categories: [row.category],
    summary: `${describePublication(row)} ${row.note}`,
  };
}

function titleOf(scope: FeedScope, rows: readonly PublicationRow[]): string {
  if (scope.kind === 'all') return 'jobzone: every published change';
  if (scope.kind === 'category') return `jobzone: changes in ${scope.category}`;
  return `jobzone: changes to ${rows[0]?.title ?? scope.roleSlug}`;
}

/** Builds the Atom feed of published revisions (everything, one category or one role) with absolute links from the public URL. */
export function buildRevisionFeed(scope: FeedScope, rows: readonly PublicationRow[], publicUrl: string, now: Date): string {
  const selfUrl = feedUrl(publicUrl, scope);
  return buildAtomFeed({
    id: selfUrl,
    title: titleOf(scope, rows),
    subtitle: 'New revisions of AI Job Resistance Index assessments, with what changed and why.',
    selfUrl,
    alternateUrl: feedPageUrl(publicUrl, scope),
    updated: now,
    author: SITE_AUTHOR,
    entries: rows.map((row) => entryOf(row, publicUrl)),
  });
}
