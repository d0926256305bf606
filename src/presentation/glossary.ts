/** One term a reader meets on the site, with a one-line explanation and, where useful, more. */
export interface GlossaryEntry {
  term: string;
  short: string;
  long?: string;
}

/** The horizon every zone word speaks about. */
export const HORIZON = 'the next 5–10 years';

/** A zone in the fewest plain words, with its horizon: what a list row or a score bar says beside a score. */
export const ZONE_OUTLOOKS = {
  Green: 'Likely protected over 5–10 years',
  Yellow: 'Likely to change a lot over 5–10 years',
  Red: 'At risk over 5–10 years',
} as const;

const ENTRIES = {
  green: {
    term: 'Green',
    short: `Protected: AI is unlikely to replace this work over ${HORIZON}, though it will change parts of it.`,
    long: 'A score of 48 or more out of 100.',
  },
  yellow: {
    term: 'Yellow',
    short: `Exposed: over ${HORIZON} AI is likely to take over a large part of this work; the job changes rather than disappears.`,
    long: 'A score from 25 to 47 out of 100.',
  },
  red: {
    term: 'Red',
    short: `At risk: AI can already do much of this work, and over ${HORIZON} fewer people are likely to be needed for it.`,
    long: 'A score below 25 out of 100.',
  },
  borderline: {
    term: 'Borderline',
    short: 'The score sits so near a zone boundary that one judgement made differently would move it into the next zone.',
  },
  accelerated: { term: 'Accelerated', short: 'Green, and wider use of AI creates more demand for this work.' },
  transforming: { term: 'Transforming', short: 'Green, but AI does a large part of at least 40% of the working time, so the daily work is changing.' },
  stable: { term: 'Stable', short: 'Green, and AI touches little of the daily work.' },
  urgent: { term: 'Urgent', short: 'Yellow, and AI does most of at least 40% of the working time: the change is coming soon.' },
  moderate: { term: 'Moderate', short: 'Yellow, with AI taking over parts of the work at a moderate pace.' },
  declining: { term: 'Declining', short: 'Red, and wider use of AI shrinks demand for this work.' },
  imminent: { term: 'Imminent', short: `Red: AI can do most of the work now and the role is likely to shrink early within ${HORIZON}.` },
  band: {
    term: 'range',
    short: 'Where the score would lie if any one of the judgements behind it were one step different.',
    long: 'Also called the uncertainty band. A range that crosses a zone boundary makes the zone borderline.',
  },
  horizon: { term: '5–10 years', short: 'The period the assessment speaks about: what the evidence suggests for the next 5 to 10 years, not a forecast for any single year.' },
  automatedEstimate: {
    term: 'automated estimate',
    short: 'Computed from public data (O*NET tasks, BLS statistics, published research) by a fixed method; no assessor has reviewed it yet.',
    long: 'Also called a data-derived baseline. An expert assessment replaces it once someone reviews the role.',
  },
  expertAssessment: { term: 'expert assessment', short: 'Written and checked by an assessor against the published method, with sources for each judgement.' },
  quickScreen: { term: 'quick screen', short: 'A rough first check from two judgements only (human-only factors and whether AI grows demand); the full score weighs everything.' },
  taskLevels: { term: 'T-levels', short: 'How much of a task AI can do, from 1 (not involved) to 5 (fully automatable).' },
} satisfies Record<string, GlossaryEntry>;

export type GlossaryKey = keyof typeof ENTRIES;

/** The site's glossary: one entry per term a reader meets. */
export const GLOSSARY: Readonly<Record<GlossaryKey, GlossaryEntry>> = ENTRIES;

/** Finds the glossary entry of a zone word or sub-label ("Green", "Imminent"), or null when the word has none. */
export function glossaryEntryOf(word: string): GlossaryEntry | null {
  const key = word.trim().toLowerCase() as GlossaryKey;
  return key in ENTRIES ? ENTRIES[key] : null;
}

/** How AI relates to a task of each score, in the words the advice uses. */
export const EXPOSURE_KINDS = {
  safe: { term: 'work AI is unlikely to take over', short: 'tasks scored 1–2: AI is not involved or only assists' },
  shared: { term: 'work AI shares with you', short: 'tasks scored 3: AI does a large part, a person still steers it' },
  atRisk: { term: 'work AI can already do much of', short: 'tasks scored 4–5: AI can do most or all of it' },
} as const satisfies Record<string, GlossaryEntry>;

export type ExposureKind = keyof typeof EXPOSURE_KINDS;

/** Sorts a task score into the kind of work the advice talks about. */
export function exposureKindOf(score: number): ExposureKind {
  if (score <= 2) return 'safe';
  if (score >= 4) return 'atRisk';
  return 'shared';
}

/** What a zone word means for a reader, in one sentence with its horizon. */
export function zoneMeaningOf(zone: 'Green' | 'Yellow' | 'Red'): string {
  return GLOSSARY[zone === 'Green' ? 'green' : zone === 'Yellow' ? 'yellow' : 'red'].short;
}
