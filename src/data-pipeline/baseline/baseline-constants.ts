import { aijri1, type MethodologyDefinition } from '../../methodology/definition.ts';

/**
 * Every threshold the data-derived baseline uses, in one place. docs/baseline-method.md gives the
 * reasoning for each; change them only together with that document and the sanity report.
 */
export const BASELINE = {
  /** Relative weight of a task in the time split: O*NET marks Core tasks as the occupation's most relevant. */
  taskWeight: { Core: 2, Supplemental: 1, unrated: 1 },
  /** GPT-4 automation level → AIJRI task score (T0 none … T4 full automation → 1 … 5). */
  taskScoreByLevel: { T0: 1, T1: 2, T2: 3, T3: 4, T4: 5 },
  /**
   * How the task labels combine (method 2): a human E0 label caps GPT-4's level at 1 where GPT-4 rates T0–T1 and at 2
   * where it rates T2–T4; a human E2 label caps at 3. Observed Claude use is not read here but once, as AI Tool Maturity.
   */
  taskRules: { capWhenHumansE0AndGpt4Low: 1, capWhenHumansE0: 2, capWhenHumansE2: 3 },
  /**
   * Frey & Osborne (2013) probability of computerisation below which a physical-automation row does not apply: their own
   * low-risk bound (Frey & Osborne 2017: low < 0.3, medium 0.3–0.7, high ≥ 0.7). A 2013 estimate does not veto a row whose
   * cited deployments came later; it can still say an occupation is low risk (ADR 0096).
   */
  physicalAutomationFrom: 0.3,

  /** O*NET importance (0–100) of physical activities → Embodied Physicality 0–3 (lower bounds for 1, 2, 3). */
  physicality: [35, 55, 75],
  /** Importance of assisting and caring for others → Deep Interpersonal Connection 0–3. */
  interpersonal: [45, 58, 70],
  /** Importance of guiding subordinates that adds a point to the job-zone part of Moral Judgment. */
  guidingSubordinates: { half: 45, full: 60 },

  /**
   * Physical Presence barrier 0–2, the strongest of: hands-on, machine or vehicle work (importance), close bodily
   * contact with people (the lower of physical proximity and exposure to disease), and proximity alone (1 only).
   */
  physicalPresence: { handsOn: [45, 70], bodilyContact: [45, 70], proximityAlone: 75 },
  /** Union membership rate of the occupation group (percent) → Union barrier 1 from, 2 from. All wage and salary workers: 9.9% (2024). */
  unionRate: [10, 20],
  /** Importance of assisting and caring for others → Cultural barrier 0–2. */
  culturalBarrier: [45, 70],
  /** Neutral value of a barrier nothing in the data speaks to (the middle of 0–2). */
  neutralBarrier: 1,

  /** BLS projected employment change 2024–34 in percent → Job Posting Trends (upper bounds for −2, −1, 0, +1). */
  projectedChange: [-10, -2, 5, 10],
  /**
   * The most a projected rise earns (ADR 0093): strong projected growth is demand for the service (a third of the
   * occupations at +10% or more are in health care), not a sign that AI cannot do the work; steep projected declines
   * (45 of 57 at −10% or less in production and office work) are where technology takes the work, and keep −2.
   */
  projectedGrowthAtMost: 1,
  /**
   * Wage change 2021→2024 minus the median change of its peer group, in points, from which Wage Trends leans one point
   * (ADR 0092): −1 at or below −leanFrom, +1 at or above +leanFrom, else 0. Never ±2: the window mostly predates
   * generative AI and its relative changes do not move with AI exposure (Spearman 0.01 with GPT-4 β); a change ten
   * points out of line with the peers (about 1.5 robust standard deviations) is a market signal, not AI evidence.
   */
  relativeWageChange: { leanFrom: 10 },
  /**
   * Of the classified Claude conversations on an occupation's tasks, the time-weighted percent that hand the task over
   * (directive, feedback loop) rather than work on it together → AI Tool Maturity (−2 from, −1 from, +1 up to).
   */
  toolHandOverPercent: { minusTwo: 60, minusOne: 45, plusOne: 25 },
  /** Working time (percent) in tasks with observed use from which their hand-over split speaks for the occupation; below it, no point. */
  toolHandOverSpeaksFrom: 10,
  /**
   * Mean exposure percentile of the published indices → Expert Consensus (−2 from, −1 from, +1 up to, +2 up to). With
   * two sources the point is given only where each of them, read alone by these bounds, leans the same way (ADR 0093).
   */
  consensusPercentile: { minusTwo: 75, minusOne: 60, plusOne: 40, plusTwo: 25 },
  /** Spread (standard deviation of percentiles) under which the indices are said to agree. */
  consensusAgreement: { high: 15, medium: 25 },

  /** Growth correlation: exposure percentile from which AI is taken to touch the role, and the projected changes that then count. */
  growth: { exposedFrom: 60, stronglyExposedFrom: 70, boost: 8, strongBoost: 15, shrink: -3, strongShrink: -8 },

  /**
   * Wage peers (ADR 0092): the `nearest` BLS series of the same SOC major group closest in May 2021 pay, each series
   * counted once and never the occupation's own; a major group with fewer than `minimum` other series gives way to the catalog.
   */
  wagePeers: { nearest: 8, minimum: 5 },

  /** Aliases taken from the alternate titles. */
  aliasCount: 5,
} as const;

/** The methodology version the baseline method writes its assessments for: their tasks, impacts and verdicts follow its rules. */
export const BASELINE_METHODOLOGY: MethodologyDefinition = aijri1;
