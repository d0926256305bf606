import { methodologyOf, type Zone } from '../../methodology/index.ts';
import { borderlineZones, headlinedSubLabel } from '../assessment-page/header-view.ts';
import { assessmentHref } from '../../features/revisions/revision-links.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { formatScore, formatShortDate } from '../format.ts';
import { ZONE_OUTLOOKS } from '../glossary.ts';
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
  /** "46.1–51.0": where the score would lie if any one judgement moved one step. */
  rangeText: string;
  /** One short plain sentence: what the zone means over the horizon and how much of the work AI already does. */
  plainLine: string;
}

/** Task scores from which AI does a large part of the task (the summary's threshold). */
const AI_DOES_FROM = 3;

/** Returns the range and the one-line plain sentence a list row shows beside a score. */
export function briefOf(entry: AssessmentEntry): { rangeText: string; plainLine: string } {
  const { band, tasks, zone, methodologyVersion } = entry.figures;
  const borderline = borderlineZones(band, methodologyOf(methodologyVersion));
  const aiShare = Math.round(tasks.filter((task) => task.score >= AI_DOES_FROM).reduce((sum, task) => sum + task.share, 0));
  const zonePart = borderline ? `Borderline ${borderline[0]}/${borderline[1]} over 5–10 years` : ZONE_OUTLOOKS[zone];
  const aiPart = aiShare === 0 ? 'AI does little of the work yet' : `AI can already do much of ${aiShare}% of the work`;
  return { rangeText: `${formatScore(band.low)}–${formatScore(band.high)}`, plainLine: `${zonePart}: ${aiPart}.` };
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
    ...briefOf(entry),
  };
}
