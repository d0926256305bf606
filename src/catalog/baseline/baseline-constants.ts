/**
 * Every threshold the data-derived baseline uses, in one place. docs/baseline-method.md gives the
 * reasoning for each; change them only together with that document and the sanity report.
 */
export const BASELINE = {
  /** Relative weight of a task in the time split: O*NET marks Core tasks as the occupation's most relevant. */
  taskWeight: { Core: 2, Supplemental: 1, unrated: 1 },
  /** GPT-4 automation level → AIJRI task score (T0 none … T4 full automation → 1 … 5). */
  taskScoreByLevel: { T0: 1, T1: 2, T2: 3, T3: 4, T4: 5 },

  /** O*NET importance (0–100) of physical activities → Embodied Physicality 0–3 (lower bounds for 1, 2, 3). */
  physicality: [35, 55, 75],
  /** Mean importance of caring for, relating to and coaching others → Deep Interpersonal Connection 0–3. */
  interpersonal: [45, 58, 70],
  /** Importance of guiding subordinates that adds a point to the job-zone part of Moral Judgment. */
  guidingSubordinates: { half: 45, full: 60 },

  /** Importance of the strongest physical activity → Physical Presence barrier 0–2. */
  physicalBarrier: [45, 70],
  /** Importance of assisting and caring for others → Cultural barrier 0–2. */
  culturalBarrier: [45, 70],
  /** Neutral value of a barrier nothing in the data speaks to (the middle of 0–2). */
  neutralBarrier: 1,

  /** BLS projected employment change 2024–34 in percent → Job Posting Trends (upper bounds for −2, −1, 0, +1). */
  projectedChange: [-10, -2, 5, 10],
  /** Wage change 2021→2024 minus the median change of all catalog occupations, in points → Wage Trends. */
  relativeWageChange: [-10, -4, 4, 10],
  /** Share of working time (percent) in tasks that Claude users hand over to it (directive or feedback loop) → AI Tool Maturity −1 / −2. */
  toolAutomationShare: { minusOne: 5, minusTwo: 15 },
  /** Mean exposure percentile of the published indices → Expert Consensus (−2 from, −1 from, +1 up to, +2 up to). */
  consensusPercentile: { minusTwo: 75, minusOne: 60, plusOne: 40, plusTwo: 25 },
  /** Spread (standard deviation of percentiles) under which the indices are said to agree. */
  consensusAgreement: { high: 15, medium: 25 },

  /** Growth correlation: exposure percentile from which AI is taken to touch the role, and the projected changes that then count. */
  growth: { exposedFrom: 60, stronglyExposedFrom: 70, boost: 8, strongBoost: 15, shrink: -3, strongShrink: -8 },

  /** Aliases taken from the alternate titles. */
  aliasCount: 5,
} as const;
