import type { FeedScope } from '../revisions/revision-links.ts';
import type { PublicationRow } from '../revisions/revisions.schemas.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { categoryOfSlug, publicationRowsOf } from './history-queries.ts';

/** How many of the newest publications a feed carries. */
export const FEED_ENTRIES = 50;

/** What a feed address gathered: its scope and newest publications, or the category or role it named that is not published. */
export type FeedInput =
  | { found: true; scope: FeedScope; rows: readonly PublicationRow[] }
  | { found: false; kind: 'category' | 'role'; slug: string };

const stripAtom = (param: string) => param.replace(/\.atom$/, '');

/** Gathers the newest FEED_ENTRIES publications of a feed address: everything, a category slug or a role slug (".atom" optional). */
export function gatherFeedInput(model: ReadModel, kind: FeedScope['kind'], param: string): FeedInput {
  let scope: FeedScope;
  if (kind === 'all') scope = { kind: 'all' };
  else if (kind === 'category') {
    const slug = stripAtom(param);
    const category = categoryOfSlug(model, slug);
    if (!category) return { found: false, kind, slug };
    scope = { kind: 'category', category };
  } else {
    const roleSlug = stripAtom(param);
    if (!model.roles.has(roleSlug)) return { found: false, kind, slug: roleSlug };
    scope = { kind: 'role', roleSlug };
  }
  return { found: true, scope, rows: publicationRowsOf(model, scope, FEED_ENTRIES) };
}
