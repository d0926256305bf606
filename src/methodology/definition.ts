/**
 * The versioned AIJRI methodology: every constant, range and threshold of methodology v1 lives
 * here, and everything that scores, explains or documents the method reads it from here.
 * Decimal constants are strings so they reach the exact arithmetic without passing through floats.
 */

export type Zone = 'Green' | 'Yellow' | 'Red';
export type Impact = 'augmentation' | 'displacement' | 'not_involved';

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface Dimension<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly description: string;
}

export const PROTECTIVE_KEYS = ['physicality', 'interpersonal', 'moralJudgment'] as const;
export const EVIDENCE_KEYS = ['jobPostings', 'companyActions', 'wages', 'toolMaturity', 'expertConsensus'] as const;
export const BARRIER_KEYS = ['regulatory', 'physical', 'union', 'liability', 'cultural'] as const;

export type ProtectiveKey = (typeof PROTECTIVE_KEYS)[number];
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];
export type BarrierKey = (typeof BARRIER_KEYS)[number];

export const aijri1 = {
  version: 'aijri-1',
  name: 'AI Job Resistance Index, methodology v1',
  ranges: {
    taskScore: { min: 1, max: 5 },
    protective: { min: 0, max: 3 },
    growth: { min: -2, max: 2 },
    evidence: { min: -2, max: 2 },
    barrier: { min: 0, max: 2 },
    score: { min: 0, max: 100 },
  },
  /** Task exposure is subtracted from this to give task resistance (TR = 6 − X). */
  taskResistanceBase: '6',
  evidenceStep: '0.04',
  barrierStep: '0.02',
  growthStep: '0.05',
  /** Raw value of the worst possible inputs (TR 1, E −10, G −2, B 0). */
  rawFloor: '0.54',
  /** Published divisor that maps raw onto 0–100. */
  rawDivisor: '7.93',
  /** Places each figure is shown with; every later figure is computed from the shown one. */
  places: { weighted: 2, taskExposure: 2, taskResistance: 2, modifier: 2, raw: 4, score: 1, composition: 1, percent: 0 },
  zones: {
    greenFrom: '48',
    yellowFrom: '25',
    headline: { Green: 'PROTECTED', Yellow: 'EXPOSED', Red: 'AT RISK' } as Record<Zone, string>,
  },
  subLabels: {
    acceleratedGrowth: 2,
    transformingShareAtLeast3: 40,
    urgentShareAtLeast4: 40,
    decliningGrowthAtMost: -1,
  },
  quickScreen: { greenFrom: 4, yellowFrom: 1, acceleratedGrowth: 2 },
  /** Composition profile weights: each dimension scaled to its share of 100 (a display, not the score). */
  composition: {
    taskResistance: { weight: 50, scaleMax: 5 },
    evidence: { weight: 20, scaleMax: 10 },
    barriers: { weight: 15, scaleMax: 10 },
    protective: { weight: 10, scaleMax: 9 },
    growth: { weight: 5, scaleMax: 2 },
  },
  defaultImpactByScore: {
    1: 'not_involved',
    2: 'augmentation',
    3: 'augmentation',
    4: 'displacement',
    5: 'displacement',
  } as Record<number, Impact>,
  taskScoreMeaning: {
    1: 'AI not involved (human work)',
    2: 'AI assists at the margin',
    3: 'AI does a large part under human direction',
    4: 'AI does most of it with human review',
    5: 'Fully automatable',
  } as Record<number, string>,
  protective: [
    { key: 'physicality', label: 'Embodied Physicality', description: 'Work that needs a human body in a physical place.' },
    { key: 'interpersonal', label: 'Deep Interpersonal Connection', description: 'Value that comes from a human relationship.' },
    { key: 'moralJudgment', label: 'Goal-Setting & Moral Judgment', description: 'Deciding what should be done and carrying the moral weight of it.' },
  ] as readonly Dimension<ProtectiveKey>[],
  evidence: [
    { key: 'jobPostings', label: 'Job Posting Trends', description: 'Are postings for the role growing or shrinking?' },
    { key: 'companyActions', label: 'Company Actions', description: 'Are employers hiring for it, or cutting it citing AI?' },
    { key: 'wages', label: 'Wage Trends', description: 'Are wages rising or falling in real terms?' },
    { key: 'toolMaturity', label: 'AI Tool Maturity', description: 'How far do shipping AI tools already do the work?' },
    { key: 'expertConsensus', label: 'Expert Consensus', description: 'What do researchers and forecasters agree on?' },
  ] as readonly Dimension<EvidenceKey>[],
  barriers: [
    { key: 'regulatory', label: 'Regulatory / Licensing', description: 'Licences or rules that require a person.' },
    { key: 'physical', label: 'Physical Presence', description: 'The work has to be done on site.' },
    { key: 'union', label: 'Union / Collective Bargaining', description: 'Collective agreements that slow replacement.' },
    { key: 'liability', label: 'Liability / Accountability', description: 'Someone must be answerable for the outcome.' },
    { key: 'cultural', label: 'Cultural / Ethical', description: 'People expect or insist on a human doing it.' },
  ] as readonly Dimension<BarrierKey>[],
  growthLabel: 'AI Growth Correlation',
} as const;

type Widen<T> = T extends string ? string : T extends number ? number : { readonly [K in keyof T]: Widen<T[K]> };
type KeptExactly = 'protective' | 'evidence' | 'barriers' | 'defaultImpactByScore';

/** The shape of any methodology version: aijri-1's fields with its literal values widened, so a later version can change them. */
export type MethodologyDefinition = Widen<Omit<typeof aijri1, KeptExactly>> & Pick<typeof aijri1, KeptExactly>;

export const METHODOLOGIES: Readonly<Record<string, MethodologyDefinition>> = { [aijri1.version]: aijri1 };
export const CURRENT_METHODOLOGY = aijri1;

/** Looks a version up among the given definitions; only their own entries count ("constructor" is no version). */
export function findMethodology(version: string, methodologies: Readonly<Record<string, MethodologyDefinition>> = METHODOLOGIES): MethodologyDefinition | undefined {
  return Object.hasOwn(methodologies, version) ? methodologies[version] : undefined;
}

/** Returns the definition figures were computed under, from the version their revision records; an unknown version is an error, never a silent fallback. */
export function methodologyOf(version: string): MethodologyDefinition {
  const definition = findMethodology(version);
  if (!definition) throw new Error(`methodology version "${version}" is not known to this build; expected one of: ${Object.keys(METHODOLOGIES).join(', ')}`);
  return definition;
}
