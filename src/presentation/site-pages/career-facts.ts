import type { OccupationEntry } from '../../features/read-model/read-model.ts';
import { formatChangePercent, formatDollars } from '../format.ts';
import { describeFigureNote, isGroupFigureNote } from './shared-figures.ts';

/** Growth of all US jobs that BLS projects for 2024–34, the yardstick the outlook words compare with. */
export const ALL_JOBS_GROWTH_PERCENT = 3.1;

/** What a career switcher compares first: pay, outlook and the education the job asks for, in plain words. */
export interface CareerFacts {
  wageText: string;
  wageSource: string | null;
  outlookText: string;
  outlookWords: string;
  outlookSource: string | null;
  educationText: string;
  educationSource: string | null;
}

/** Words O*NET's job zones stand for: how much preparation the work needs. */
const JOB_ZONE_WORDS: Record<number, string> = {
  1: 'Little or no preparation; some need a high school diploma',
  2: 'Some preparation; usually a high school diploma',
  3: 'Medium preparation; usually vocational training or an associate’s degree',
  4: 'Considerable preparation; usually a bachelor’s degree',
  5: 'Extensive preparation; usually a graduate degree',
};

/** Describes a projected change in employment against the all-jobs average ("faster than average"). */
export function describeOutlook(percent: number): string {
  if (percent >= 8) return 'growing much faster than average';
  if (percent >= 5) return 'growing faster than average';
  if (percent >= 2) return 'growing about as fast as average';
  if (percent > -2) return 'little or no change';
  if (percent > -8) return 'shrinking';
  return 'shrinking fast';
}

/** Turns an O*NET job zone (1–5) into the preparation it stands for, or null. */
export function describeJobZone(jobZone: number | null): string | null {
  return jobZone === null ? null : (JOB_ZONE_WORDS[jobZone] ?? null);
}

/**
 * Gathers the wage, outlook and typical education of an occupation (BLS, with O*NET's job zone when BLS names
 * no education); each source says when BLS published the figure for the occupation's whole SOC group (`groupTitle`).
 */
export function careerFactsOf(occupation: OccupationEntry | null | undefined, groupTitle: string | null = null): CareerFacts {
  const wage = occupation?.medianWage2024 ?? null;
  const change = occupation?.projectedChangePercent ?? null;
  const education = occupation?.typicalEducation ?? null;
  const zoneWords = describeJobZone(occupation?.jobZone ?? null);
  const said = new Set<string>();
  // A card says a group note once; the figures after it that share the same group say so in three words.
  const sourceOf = (figure: { source: string; note?: string | undefined }, prefix = '') => {
    const note = occupation ? describeFigureNote(figure.note, occupation, groupTitle) : null;
    if (note === null) return `${prefix}${figure.source}`;
    const repeated = said.has(note);
    said.add(note);
    return `${prefix}${figure.source}; ${repeated && isGroupFigureNote(note) ? 'same group' : note}`;
  };
  return {
    wageText: wage ? `${formatDollars(wage.value)} a year` : 'No wage figure',
    wageSource: wage ? sourceOf(wage, 'median, ') : null,
    outlookText: change ? `${formatChangePercent(change.value)} jobs by 2034` : 'No projection',
    outlookWords: change ? describeOutlook(change.value) : '',
    outlookSource: change ? sourceOf(change) : null,
    educationText: education?.value ?? zoneWords ?? 'Not recorded',
    educationSource: education ? sourceOf(education) : zoneWords ? 'O*NET job zone' : null,
  };
}
