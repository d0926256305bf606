import { seniorityLabel, type Zone } from '../../methodology/index.ts';
import { categorySlug, type AssessmentEntry } from '../read-model/read-model.ts';

/** What a list row shows about one published assessment. */
export interface RoleSummary {
  key: string;
  href: string;
  title: string;
  seniority: string;
  seniorityLabel: string;
  category: string;
  categoryHref: string;
  score: number;
  scoreText: string;
  zone: Zone;
  subLabel: string;
  label: string;
  status: 'expert' | 'baseline';
  updated: string;
  updatedText: string;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export { seniorityLabel };

/** Returns the path of an assessment page. */
export function assessmentHref(roleSlug: string, seniority: string): string {
  return `/roles/${encodeURIComponent(roleSlug)}/${encodeURIComponent(seniority)}`;
}

/** Returns the path of a category page. */
export function categoryHref(category: string): string {
  return `/browse/${categorySlug(category)}`;
}

/** Formats a date for readers ("23 Nov 2026"), in UTC so every server shows the same day. */
export function formatDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/** Formats a score with its one shown decimal ("64.0"). */
export function formatScore(score: number): string {
  return score.toFixed(1);
}

/** Summarises an assessment for a list row: link, score, zone, status and last update. */
export function summarize(entry: AssessmentEntry): RoleSummary {
  return {
    key: entry.key,
    href: assessmentHref(entry.roleSlug, entry.seniority),
    title: entry.title,
    seniority: entry.seniority,
    seniorityLabel: seniorityLabel(entry.seniority),
    category: entry.category,
    categoryHref: categoryHref(entry.category),
    score: entry.figures.score,
    scoreText: formatScore(entry.figures.score),
    zone: entry.figures.zone,
    subLabel: entry.figures.subLabel,
    label: entry.figures.label,
    status: entry.status,
    updated: entry.revision.publishedAt.toISOString().slice(0, 10),
    updatedText: formatDate(entry.revision.publishedAt),
  };
}
