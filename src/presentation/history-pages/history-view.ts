import { methodologyOf, type SubLabel, type Zone } from '../../methodology/index.ts';
import { assessmentHref } from '../../features/revisions/revision-links.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { formatDate, formatDelta, formatScore, isoDate } from '../format.ts';
import type { AssessmentEntry, RevisionRecord } from '../../features/read-model/read-model.ts';
import type { AssessmentAt } from '../../features/read-model/assessment-at.ts';
import { AUTOMATED_AUTHORS, lastReviewedOf, reviewStatus, type ReviewStatus } from '../../features/revisions/review-status.ts';
import { feedUrl } from '../../features/revisions/revision-links.ts';
import { buildTimelineChart, type TimelineChart } from './timeline-chart.ts';
import { briefOf } from '../site-pages/role-summary.ts';

type ZoneClass = 'green' | 'yellow' | 'red';

/** One revision as the history lists it. */
export interface RevisionItem {
  number: number;
  anchor: string;
  dateText: string;
  dateIso: string;
  author: string;
  automated: boolean;
  note: string;
  methodologyVersion: string;
  scoreText: string;
  zone: Zone;
  zoneClass: ZoneClass;
  subLabel: SubLabel;
  label: string;
  /** Change from the previous revision ("+1.2"), or null for the first. */
  deltaText: string | null;
  /** The diff against the previous revision, or null for the first. */
  diffHref: string | null;
}

/** "Last reviewed" and the review-due flag, as text. */
export interface ReviewView extends ReviewStatus {
  lastReviewedText: string;
  dueText: string;
}

/** The form that picks two revisions to compare. */
export interface RevisionPicker {
  action: string;
  options: { value: number; label: string }[];
  from: number;
  to: number;
}

/** Everything the history page of one assessment shows. */
export interface HistoryView {
  meta: { title: string; description: string; canonicalPath: string };
  title: string;
  seniorityLabel: string;
  assessmentHref: string;
  /** The current score with its range and one plain sentence, as every page showing a score leads with. */
  current: { scoreText: string; rangeText: string; plainLine: string };
  chart: TimelineChart;
  revisions: RevisionItem[];
  review: ReviewView;
  picker: RevisionPicker;
  latestDiffHref: string | null;
  feedHref: string;
}

export type HistoryResult = { status: 200; view: HistoryView } | { status: 404; message: string };

export { assessmentHref };
/** Returns the site path of the diff between two revisions. */
export const diffHref = (roleSlug: string, seniority: string, from: number, to: number) => `${assessmentHref(roleSlug, seniority)}/changes?from=${from}&to=${to}`;
/** Returns the site path of an assessment's history. */
export const historyHref = (roleSlug: string, seniority: string) => `${assessmentHref(roleSlug, seniority)}/history`;
/** Returns the site path of a role's Atom feed. */
export const roleFeedHref = (roleSlug: string) => feedUrl('', { kind: 'role', roleSlug });


/** Lists an assessment's revisions newest first, each with its figures and a link to what it changed. */
export function revisionItems(entry: AssessmentEntry): RevisionItem[] {
  return entry.revisions
    .map((revision, index): RevisionItem => {
      const previous: RevisionRecord | undefined = index > 0 ? entry.revisions[index - 1] : undefined;
      return {
        number: revision.number,
        anchor: `revision-${revision.number}`,
        dateText: formatDate(revision.publishedAt),
        dateIso: isoDate(revision.publishedAt),
        author: revision.author,
        automated: AUTOMATED_AUTHORS.has(revision.author),
        note: revision.note,
        methodologyVersion: revision.methodologyVersion,
        scoreText: formatScore(revision.figures.score),
        zone: revision.figures.zone,
        zoneClass: revision.figures.zone.toLowerCase() as ZoneClass,
        subLabel: revision.figures.subLabel,
        label: revision.figures.label,
        deltaText: previous ? formatDelta(revision.figures.score - previous.figures.score) : null,
        diffHref: previous ? diffHref(entry.roleSlug, entry.seniority, previous.number, revision.number) : null,
      };
    })
    .reverse();
}

/** Works out when an assessment was last reviewed by a person and whether a review is due, in words. */
export function reviewViewOf(entry: AssessmentEntry, now: Date): ReviewView {
  const status = reviewStatus(lastReviewedOf(entry.revisions, entry.assessment), now);
  const lastReviewedText = status.lastReviewed ? formatDate(status.lastReviewed) : 'Never reviewed by a person';
  const dueText = !status.lastReviewed
    ? 'Review due: this assessment was derived from data and has not been reviewed by a person.'
    : status.reviewDue
      ? `Review due: last reviewed ${status.daysSinceReview} days ago (reviews are due every 90 days).`
      : `Next review due by ${formatDate(status.dueOn ?? status.lastReviewed)}.`;
  return { ...status, lastReviewedText, dueText };
}

/** Returns the picker that compares two revisions, preset to the latest change. */
export function revisionPicker(entry: AssessmentEntry, from?: number, to?: number): RevisionPicker {
  const numbers = entry.revisions.map((revision) => revision.number);
  const latest = numbers.at(-1) ?? 1;
  return {
    action: `${assessmentHref(entry.roleSlug, entry.seniority)}/changes`,
    options: [...entry.revisions].reverse().map((revision) => ({ value: revision.number, label: `Revision ${revision.number} · ${formatDate(revision.publishedAt)} · ${formatScore(revision.figures.score)}` })),
    from: from !== undefined && numbers.includes(from) ? from : (numbers.at(-2) ?? latest),
    to: to !== undefined && numbers.includes(to) ? to : latest,
  };
}

/** Returns the diff of the newest revision against the one before, or null when there is only one. */
export function latestDiffHref(entry: AssessmentEntry): string | null {
  const [previous, latest] = entry.revisions.slice(-2);
  return previous && latest ? diffHref(entry.roleSlug, entry.seniority, previous.number, latest.number) : null;
}

/** Draws the timeline of an assessment's scores. */
export function timelineOf(entry: AssessmentEntry, height?: number): TimelineChart {
  return buildTimelineChart(
    entry.revisions.map((revision) => ({ revision: revision.number, publishedAt: revision.publishedAt, score: revision.figures.score, zone: revision.figures.zone })),
    { roleName: `${entry.title} (${seniorityLabel(entry.seniority)})`, ...(height === undefined ? {} : { height }) },
    // The bands are drawn at the thresholds of the latest revision's methodology.
    methodologyOf(entry.figures.methodologyVersion),
  );
}

/** Builds the history page of the gathered assessment: timeline, every revision newest first, review status and the compare form; 404 when none was found. */
export function buildHistoryView({ slug, seniority, entry }: AssessmentAt, now: Date): HistoryResult {
  if (!entry) return { status: 404, message: `No assessment is published at /roles/${slug}/${seniority}.` };
  const levelLabel = seniorityLabel(entry.seniority);
  const count = entry.revisions.length;
  return {
    status: 200,
    view: {
      meta: {
        title: `History of ${entry.title} (${levelLabel})`,
        description: `Every published revision of the ${entry.title} (${levelLabel}) assessment: ${count} revision${count === 1 ? '' : 's'}, with date, author, note and score.`,
        canonicalPath: historyHref(entry.roleSlug, entry.seniority),
      },
      title: entry.title,
      seniorityLabel: levelLabel,
      current: { scoreText: formatScore(entry.figures.score), ...briefOf(entry) },
      assessmentHref: assessmentHref(entry.roleSlug, entry.seniority),
      chart: timelineOf(entry),
      revisions: revisionItems(entry),
      review: reviewViewOf(entry, now),
      picker: revisionPicker(entry),
      latestDiffHref: latestDiffHref(entry),
      feedHref: roleFeedHref(entry.roleSlug),
    },
  };
}
