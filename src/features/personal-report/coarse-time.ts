/**
 * The coarse way to say how much time a task takes: four plain choices instead of a percentage.
 * Each choice stands for a nominal share of the week; tasks left at "typical" keep the role's share,
 * and then all shares are scaled so they add up to 100 (docs/adr/0155).
 */

export const COARSE_CHOICES = ['never', 'sometimes', 'often', 'most'] as const;
export type CoarseChoice = (typeof COARSE_CHOICES)[number];

/** Nominal share of working time, in percent, that each choice stands for before the shares are scaled to 100. */
export const COARSE_NOMINAL_SHARE: Record<CoarseChoice, number> = { never: 0, sometimes: 5, often: 15, most: 40 };

export const COARSE_LABELS: Record<CoarseChoice, string> = { never: 'Never', sometimes: 'Sometimes', often: 'Often', most: 'Most of my day' };

/** Tells whether a text is one of the coarse choices. */
export function isCoarseChoice(text: string): text is CoarseChoice {
  return (COARSE_CHOICES as readonly string[]).includes(text);
}
