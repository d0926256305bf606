import type { Zone } from '../methodology/definition.ts';

/**
 * The terms the personal report shows a reader, each with a short explanation. Same shape as the
 * site glossary (src/presentation/glossary.ts) so the two can be folded together.
 */

export interface GlossaryEntry {
  term: string;
  short: string;
  long?: string;
}

/** What each zone word means for the person, and over what horizon. */
export const ZONE_MEANINGS: Record<Zone, GlossaryEntry> = {
  Green: { term: 'Green', short: 'likely to hold up: AI should change how the work is done more than whether people do it, over the next 5–10 years' },
  Yellow: { term: 'Yellow', short: 'exposed: a real part of the work can be done by AI, so expect the job to change over the next 5–10 years' },
  Red: { term: 'Red', short: 'at risk: much of the work can already be done by AI, and the job may shrink over the next 5–10 years' },
};

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

export const BAND_ENTRY: GlossaryEntry = {
  term: 'range',
  short: 'where the score would lie if any one judgement in the assessment were one step different',
};
