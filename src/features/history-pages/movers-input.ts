import type { PeriodChange } from '../revisions/revisions.schemas.ts';
import { rankMovers, type Movers } from '../revisions/movers.ts';
import { firstPublishedAt } from '../read-model/read-model.queries.ts';
import type { CategoryEntry, ReadModel } from '../read-model/read-model.ts';
import { lastScoreChangeBefore, periodChangesOf, type LastScoreChange } from './history-queries.ts';

/** How many of the largest score changes the movers page lists. */
export const MOVERS_LIMIT = 20;

/** What the movers page shows for a period, gathered from the read model before the page is built. */
export interface MoversInput<P extends { since: Date; until: Date }> {
  period: P;
  /** Every assessment with a revision published in the period. */
  changes: readonly PeriodChange[];
  movers: Movers;
  /** Gathered only when nothing moved in the period: the last score change before its end, and when the catalog was first published. */
  quiet: { lastChange: LastScoreChange | null; firstPublishedAt: Date | null } | null;
  /** Each category has a feed of its own. */
  categories: readonly CategoryEntry[];
}

/** Gathers the period's changes and largest movers, and what moved last when nothing did. */
export function gatherMoversInput<P extends { since: Date; until: Date }>(model: ReadModel, period: P): MoversInput<P> {
  const changes = periodChangesOf(model, period.since, period.until);
  const movers = rankMovers(changes, period, MOVERS_LIMIT);
  const moved = movers.largest.length > 0 || movers.zoneChanges.length > 0;
  const lastChange = moved ? null : lastScoreChangeBefore(model, period.until);
  const quiet = moved ? null : { lastChange, firstPublishedAt: lastChange ? null : firstPublishedAt(model) };
  return { period, changes, movers, quiet, categories: model.categories };
}
