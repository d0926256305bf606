import type { AssessmentEntry } from '../../features/read-model/read-model.ts';
import type { TimelineChart } from './timeline-chart.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { assessmentHref, historyHref, latestDiffHref, revisionItems, reviewViewOf, roleFeedHref, timelineOf, type RevisionItem, type ReviewView } from './history-view.ts';

/** How many revisions the assessment page lists before linking to the full history. */
export const RECENT_REVISIONS = 3;

const SUBSCRIBE_MESSAGES: Record<string, string> = {
  sent: 'Thank you. If that address can receive updates, a confirmation link is on its way: open it to start receiving them.',
  invalid: 'That does not look like an email address. Please check it and try again.',
  limited: 'Too many requests just now. Please wait a few minutes and try again.',
};

/** What the History and Get updates sections of an assessment page show. */
export interface RoleUpdatesView {
  roleName: string;
  chart: TimelineChart;
  recent: RevisionItem[];
  revisionCount: number;
  review: ReviewView;
  historyHref: string;
  latestDiffHref: string | null;
  feed: { href: string; title: string };
  subscribe: { action: string; status: { kind: 'sent' | 'invalid' | 'limited'; message: string } | null };
}

/** Returns the message for a subscribe outcome named in the page address (?subscribe=sent|invalid|limited), or null. */
export function subscribeStatusOf(param: string | null): RoleUpdatesView['subscribe']['status'] {
  if (param !== 'sent' && param !== 'invalid' && param !== 'limited') return null;
  return { kind: param, message: SUBSCRIBE_MESSAGES[param] ?? '' };
}

/** Builds the compact history (timeline, last few revisions, review status) and the subscribe form of an assessment page. */
export function buildRoleUpdatesView(entry: AssessmentEntry, now: Date, subscribeParam: string | null): RoleUpdatesView {
  const roleName = `${entry.title} (${seniorityLabel(entry.seniority)})`;
  return {
    roleName,
    chart: timelineOf(entry, 140),
    recent: revisionItems(entry).slice(0, RECENT_REVISIONS),
    revisionCount: entry.revisions.length,
    review: reviewViewOf(entry, now),
    historyHref: historyHref(entry.roleSlug, entry.seniority),
    latestDiffHref: latestDiffHref(entry),
    feed: { href: roleFeedHref(entry.roleSlug), title: `Changes to ${entry.title} (Atom feed)` },
    subscribe: { action: `${assessmentHref(entry.roleSlug, entry.seniority)}/subscribe`, status: subscribeStatusOf(subscribeParam) },
  };
}
