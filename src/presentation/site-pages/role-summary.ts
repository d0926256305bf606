import type { Zone } from '../../methodology/index.ts';
import { headlinedSubLabel } from '../assessment-page/header-view.ts';
import { assessmentHref } from '../../features/revisions/revision-links.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { formatScore, formatShortDate } from '../format.ts';
import { categorySlug, type AssessmentEntry } from '../../features/read-model/read-model.ts';

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

export { assessmentHref };

/** Returns the path of a category page. */
export function categoryHref(category: string): string {
  return `/browse/${categorySlug(category)}`;
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
    subLabel: headlinedSubLabel(entry) ?? '',
    label: headlinedSubLabel(entry) === null ? entry.figures.zone : entry.figures.label,
    status: entry.status,
    updated: entry.revision.publishedAt.toISOString().slice(0, 10),
    updatedText: formatShortDate(entry.revision.publishedAt),
  };
}
