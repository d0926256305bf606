import type { FeedInput } from '../../features/history-pages/feed-input.ts';
import { resolveFeed } from './feeds.ts';

/** Answers a feed request from its gathered input: the Atom document as application/atom+xml, or a plain-text 404 for an unknown category or role. */
export function feedResponse(input: FeedInput, publicUrl: string, now: Date = new Date()): Response {
  const result = resolveFeed(input, publicUrl, now);
  if (result.status === 404) return new Response(`${result.message}\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(result.xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
