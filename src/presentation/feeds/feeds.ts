import type { ReadModel } from '../../features/read-model/read-model.ts';
import { buildRevisionFeed } from './revision-feeds.ts';
import type { FeedScope } from '../../features/revisions/revision-links.ts';
import { categoryOfSlug, publicationRowsOf } from '../../features/history-pages/history-queries.ts';

/** How many of the newest publications a feed carries. */
export const FEED_ENTRIES = 50;

export type FeedResult = { status: 200; xml: string } | { status: 404; message: string };

const stripAtom = (param: string) => param.replace(/\.atom$/, '');

/** Resolves a feed address (everything, a category slug or a role slug) to its Atom document, or to a 404 for an unknown category or role. */
export function resolveFeed(model: ReadModel, kind: FeedScope['kind'], param: string, publicUrl: string, now: Date): FeedResult {
  let scope: FeedScope;
  if (kind === 'all') scope = { kind: 'all' };
  else if (kind === 'category') {
    const category = categoryOfSlug(model, stripAtom(param));
    if (!category) return { status: 404, message: `No category is published as “${stripAtom(param)}”.` };
    scope = { kind: 'category', category };
  } else {
    const roleSlug = stripAtom(param);
    if (!model.roles.has(roleSlug)) return { status: 404, message: `No role is published as “${roleSlug}”.` };
    scope = { kind: 'role', roleSlug };
  }
  return { status: 200, xml: buildRevisionFeed(scope, publicationRowsOf(model, scope, FEED_ENTRIES), publicUrl.replace(/\/$/, ''), now) };
}
