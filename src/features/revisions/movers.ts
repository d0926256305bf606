import type { SubLabel, Zone } from '../../methodology/index.ts';
import type { PeriodChange } from './revisions.schemas.ts';

/** How one assessment moved over a period. */
export interface Mover {
  roleSlug: string;
  seniority: string;
  title: string;
  category: string;
  fromRevision: number;
  toRevision: number;
  before: { score: number; zone: Zone; subLabel: SubLabel; label: string };
  after: { score: number; zone: Zone; subLabel: SubLabel; label: string };
  delta: number;
  zoneChanged: boolean;
}

/** The movers of a period: the largest score changes and every zone change. */
export interface Movers {
  since: Date;
  until: Date;
  largest: Mover[];
  zoneChanges: Mover[];
}

const byMove = (a: Mover, b: Mover) => Math.abs(b.delta) - Math.abs(a.delta) || a.title.localeCompare(b.title, 'en') || a.seniority.localeCompare(b.seniority);

/** Ranks the changes of a period: the `limit` largest score moves (non-zero) and all zone changes, largest first; assessments first published within the period are not movers. */
export function rankMovers(changes: readonly PeriodChange[], period: { since: Date; until: Date }, limit: number): Movers {
  const movers: Mover[] = [];
  for (const change of changes) {
    if (!change.before) continue;
    const { before, after } = change;
    const headline = (figures: typeof after.figures) => ({ score: figures.score, zone: figures.zone, subLabel: figures.subLabel, label: figures.label });
    movers.push({
      roleSlug: change.roleSlug,
      seniority: change.seniority,
      title: change.title,
      category: change.category,
      fromRevision: before.revision,
      toRevision: after.revision,
      before: headline(before.figures),
      after: headline(after.figures),
      delta: Math.round((after.figures.score - before.figures.score) * 10) / 10,
      zoneChanged: before.figures.zone !== after.figures.zone,
    });
  }
  return {
    since: period.since,
    until: period.until,
    largest: movers.filter((mover) => mover.delta !== 0).sort(byMove).slice(0, limit),
    zoneChanges: movers.filter((mover) => mover.zoneChanged).sort(byMove),
  };
}
