import type { BarrierKey, Impact } from '../../methodology/definition.ts';
import type { ScoringInput } from '../../methodology/score.ts';

/**
 * What the personal report needs to know about a role: its assessed seniorities (the inputs the
 * formula reads, nothing narrative) and the task lists of related occupations a person can add
 * from. Plain data, so the server can hand it to the browser island as props.
 */

export interface SourceTask {
  name: string;
  /** Share of working time in percent, up to two decimals. */
  share: number;
  score: number;
  impact?: Impact | undefined;
}

export interface BaseAssessment {
  seniority: string;
  label: string;
  tasks: SourceTask[];
  judgements: Omit<ScoringInput, 'tasks'>;
  /** The published score of this assessment. */
  score: number;
  /** The methodology version that score was computed under; the report scores the person's version under it too. */
  methodologyVersion: string;
}

export interface RelatedOccupation {
  onetCode: string;
  title: string;
  tasks: { name: string; score: number; impact?: Impact | undefined }[];
}

export interface ReportSource {
  roleSlug: string;
  title: string;
  status: 'expert' | 'baseline';
  /** The seniority the report starts from (the one in the `role` parameter). */
  seniority: string;
  /** Every assessed seniority of the role, in career order. */
  bases: BaseAssessment[];
  related: RelatedOccupation[];
}

export const CONTEXT_KEYS = ['licensed', 'union', 'physical', 'liability'] as const;
export type ContextKey = (typeof CONTEXT_KEYS)[number];

export interface ContextFactor {
  key: ContextKey;
  label: string;
  barrier: BarrierKey;
  barrierLabel: string;
  /** The barrier score this context sets (the top of the 0–2 range). */
  value: number;
}

/** The workplace facts a person can state and the barrier each one sets. */
export const CONTEXT_FACTORS: readonly ContextFactor[] = [
  { key: 'licensed', label: 'My work is licensed or regulated', barrier: 'regulatory', barrierLabel: 'Regulatory / Licensing', value: 2 },
  { key: 'union', label: 'My workplace is unionised', barrier: 'union', barrierLabel: 'Union / Collective Bargaining', value: 2 },
  { key: 'physical', label: 'My work needs me physically present', barrier: 'physical', barrierLabel: 'Physical Presence', value: 2 },
  { key: 'liability', label: 'I personally sign off and carry liability', barrier: 'liability', barrierLabel: 'Liability / Accountability', value: 2 },
];

/**
 * The rule that sorts tasks into "designing new solutions" and "applying existing tools": a task
 * AI at most assists with (score 1–2) is design-like, a task AI does a large part of (3–5) is
 * apply-like. See docs/adr/0060.
 */
export const DESIGN_LIKE_MAX_SCORE = 2;

/** Share every added task starts with, in percent, taken from the role's own tasks in proportion. */
export const ADDED_TASK_SHARE = 10;
export const MAX_ADDED_TASKS = 5;
/** Points of time one suggested change moves from one task to another. */
export const SUGGESTED_MOVE_POINTS = 10;

/** Tells whether a task counts as designing new solutions under the rule of DESIGN_LIKE_MAX_SCORE. */
export function isDesignLike(score: number): boolean {
  return score <= DESIGN_LIKE_MAX_SCORE;
}
