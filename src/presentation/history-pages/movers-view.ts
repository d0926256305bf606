import type { Zone } from '../../methodology/index.ts';
import { formatDate, formatDelta, formatScore } from '../format.ts';
import type { Mover } from '../../features/revisions/movers.ts';
import { feedUrl } from '../../features/revisions/revision-links.ts';
import { MOVERS_LIMIT, type MoversInput } from '../../features/history-pages/movers-input.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { assessmentHref, diffHref } from './history-view.ts';

/** The periods the movers page offers, in days. */
export const PERIOD_DAYS = [7, 30, 90, 365] as const;
const DEFAULT_DAYS = 30;
export { MOVERS_LIMIT };
const DAY_MS = 86_400_000;

/** The period a movers page covers: [since, until). */
export interface Period {
  since: Date;
  until: Date;
  /** The preset chosen, or null for dates given by hand. */
  days: number | null;
  text: string;
  /** Why the address's period was not used, when it was not. */
  problem: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
const dayStart = (text: string) => {
  if (!DATE.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
};
const moment = (text: string) => {
  if (!DATE_TIME.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** Reads the period from the address: ?days=7|30|90|365 (default 30) or ?since=YYYY-MM-DD[&until=YYYY-MM-DD] (until inclusive, default now); a UTC date-time (2026-01-31T12:00Z) is taken as the exact moment, an until moment exclusive. */
export function parsePeriod(params: { days: string | null; since: string | null; until: string | null }, now: Date): Period {
  const preset = (days: number, problem: string | null): Period => ({
    since: new Date(now.getTime() - days * DAY_MS),
    until: now,
    days,
    text: `the last ${days} days`,
    problem,
  });
  if (params.since || params.until) {
    const since = params.since ? (dayStart(params.since) ?? moment(params.since)) : null;
    const untilDay = params.until ? dayStart(params.until) : null;
    const untilMoment = params.until && !untilDay ? moment(params.until) : null;
    if (!since || (params.until && !untilDay && !untilMoment)) return preset(DEFAULT_DAYS, 'Dates are written YYYY-MM-DD, like 2026-01-31. Showing the last 30 days instead.');
    const until = untilDay ? new Date(untilDay.getTime() + DAY_MS) : (untilMoment ?? now);
    if (until <= since) return preset(DEFAULT_DAYS, 'The start date must come before the end date. Showing the last 30 days instead.');
    const lastDay = new Date(until.getTime() - 1);
    const at = (date: Date) => (date.getTime() % DAY_MS === 0 ? formatDate(date) : `${formatDate(date)}, ${date.toISOString().slice(11, 16)} UTC`);
    return { since, until, days: null, text: untilDay || !untilMoment ? `${at(since)} to ${formatDate(lastDay)}` : `${at(since)} to ${at(until)}`, problem: null };
  }
  if (params.days === null || params.days === '') return preset(DEFAULT_DAYS, null);
  const days = Number(params.days);
  if (!(PERIOD_DAYS as readonly number[]).includes(days)) return preset(DEFAULT_DAYS, `Choose a period of ${PERIOD_DAYS.join(', ')} days, or two dates. Showing the last 30 days instead.`);
  return preset(days, null);
}

/** One mover as the page lists it. */
export interface MoverRow {
  name: string;
  category: string;
  href: string;
  diffHref: string;
  revisionsText: string;
  beforeScore: string;
  afterScore: string;
  deltaText: string;
  direction: 'up' | 'down';
  before: { zone: Zone; zoneClass: string; label: string };
  after: { zone: Zone; zoneClass: string; label: string };
  zoneChanged: boolean;
}

/** Everything the movers page shows. */
export interface MoversView {
  period: Period;
  presets: { days: number; label: string; current: boolean }[];
  sinceValue: string;
  untilValue: string;
  largest: MoverRow[];
  zoneChanges: MoverRow[];
  /** How many assessments had a revision published in the period. */
  publishedCount: number;
  /** How many of them were first published in the period (and so are not movers). */
  firstPublishedCount: number;
  /** The two counts in a sentence, or an empty string. */
  countsText: string;
  /** The introduction: what the page lists over which period, then the counts, as one text. */
  lede: string;
  /** Set when nothing moved in the period: what moved last and when, with a link to the period that shows it. */
  lastMove: { text: string; href: string | null } | null;
  feeds: { label: string; href: string }[];
}

function rowOf(mover: Mover): MoverRow {
  return {
    name: `${mover.title} (${seniorityLabel(mover.seniority)})`,
    category: mover.category,
    href: assessmentHref(mover.roleSlug, mover.seniority),
    diffHref: diffHref(mover.roleSlug, mover.seniority, mover.fromRevision, mover.toRevision),
    revisionsText: `revision ${mover.fromRevision} → ${mover.toRevision}`,
    beforeScore: formatScore(mover.before.score),
    afterScore: formatScore(mover.after.score),
    deltaText: formatDelta(mover.delta),
    direction: mover.delta >= 0 ? 'up' : 'down',
    before: { zone: mover.before.zone, zoneClass: mover.before.zone.toLowerCase(), label: mover.before.label },
    after: { zone: mover.after.zone, zoneClass: mover.after.zone.toLowerCase(), label: mover.after.label },
    zoneChanged: mover.zoneChanged,
  };
}

const assessments = (count: number) => `${count.toLocaleString('en-US')} assessment${count === 1 ? '' : 's'}`;

function countsText(published: number, firstPublished: number): string {
  if (published === 0) return 'No revision was published in this period.';
  const had = `${assessments(published)} had a revision published in this period.`;
  if (firstPublished === 0) return had;
  return `${had} ${firstPublished === published ? (published === 1 ? 'It was' : 'All were') : `${firstPublished.toLocaleString('en-US')} of them were`} first published in it and ${firstPublished === 1 ? 'has' : 'have'} nothing to move from.`;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Says what moved last before the end of an empty period, and offers the day it moved as a period of its own. */
function describeLastMove({ lastChange: last, firstPublishedAt: first }: NonNullable<MoversInput<Period>['quiet']>): { text: string; href: string | null } {
  if (!last) {
    return { text: `No score has moved since the catalog was first published${first ? ` on ${formatDate(first)}` : ''}: every assessment is still at the score it was published with.`, href: null };
  }
  const name = `${last.title} (${seniorityLabel(last.seniority)})`;
  return {
    text: `Nothing moved in this period. The last move was on ${formatDate(last.publishedAt)}: ${name} went from ${formatScore(last.before)} to ${formatScore(last.after)} (${formatDelta(Math.round((last.after - last.before) * 10) / 10)}).`,
    href: `/movers?since=${dayOf(last.publishedAt)}&until=${dayOf(last.publishedAt)}`,
  };
}

/** Builds the movers page for a period from its gathered changes: the largest score changes, every zone change and the feeds. */
export function buildMoversView({ period, changes, movers, quiet, categories }: MoversInput<Period>): MoversView {
  const firstPublished = changes.filter((change) => change.before === null).length;
  return {
    period,
    presets: PERIOD_DAYS.map((days) => ({ days, label: days === 365 ? 'Last year' : `Last ${days} days`, current: period.days === days })),
    sinceValue: period.since.toISOString().slice(0, 10),
    untilValue: new Date(period.until.getTime() - 1).toISOString().slice(0, 10),
    largest: movers.largest.map(rowOf),
    zoneChanges: movers.zoneChanges.map(rowOf),
    publishedCount: changes.length,
    firstPublishedCount: firstPublished,
    countsText: countsText(changes.length, firstPublished),
    lede: `Assessments change as AI changes. These are the largest score changes and every zone change over ${period.text}. ${countsText(changes.length, firstPublished)}`,
    lastMove: quiet ? describeLastMove(quiet) : null,
    feeds: [
      { label: 'Every published change', href: feedUrl('', { kind: 'all' }) },
      ...categories.map((category) => ({ label: category.name, href: feedUrl('', { kind: 'category', category: category.name }) })),
    ],
  };
}
