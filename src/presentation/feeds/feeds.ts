import { buildRevisionFeed } from './revision-feeds.ts';
import type { FeedInput } from '../../features/history-pages/feed-input.ts';

export type FeedResult = { status: 200; xml: string } | { status: 404; message: string };

/** Builds a gathered feed's Atom document, or the 404 for an unknown category or role. */
export function resolveFeed(input: FeedInput, publicUrl: string, now: Date): FeedResult {
  if (!input.found) return { status: 404, message: input.kind === 'category' ? `No category is published as “${input.slug}”.` : `No role is published as “${input.slug}”.` };
  return { status: 200, xml: buildRevisionFeed(input.scope, input.rows, publicUrl.replace(/\/$/, ''), now) };
}
