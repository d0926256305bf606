import { add, clamp, compare, dec, divRound, mul, round, sub, sum, toNumber, type Decimal } from './decimal.ts';
import {
  BARRIER_KEYS,
  EVIDENCE_KEYS,
  PROTECTIVE_KEYS,
  type BarrierKey,
  type EvidenceKey,
  type Impact,
  type MethodologyDefinition,
  type ProtectiveKey,
  type Zone,
} from './definition.ts';

/** The inputs the formula reads; the rest of an assessment is narrative. */
export interface ScoringInput {
  tasks: readonly { name: string; share: number; score: number; impact?: Impact | undefined }[];
  protective: Record<ProtectiveKey, { score: number }>;
  growth: { score: number };
  evidence: Record<EvidenceKey, { score: number }>;
  barriers: Record<BarrierKey, { score: number }>;
  override?: { score: number; justification: string } | null | undefined;
}

export type SubLabel = 'Accelerated' | 'Transforming' | 'Stable' | 'Urgent' | 'Moderate' | 'Declining' | 'Imminent';

export interface SubLabelDecision {
  subLabel: SubLabel;
  rule: string;
  figures: { growth: number; shareAtLeast3: number; shareAtLeast4: number; score: number };
}

export interface TaskFigures {
  name: string;
  share: number;
  score: number;
  weighted: number;
  impact: Impact;
  impactIsDefault: boolean;
}

export interface ScoreResult {
  methodologyVersion: string;
  score: number;
  formulaScore: number;
  zone: Zone;
  formulaZone: Zone;
  headline: string;
  subLabel: SubLabel;
  label: string;
  subLabelRule: SubLabelDecision;
  tasks: TaskFigures[];
  shareTotal: number;
  taskExposure: number;
  taskResistance: number;
  raw: number;
  unclampedScore: number;
  modifiers: { evidence: number; barrier: number; growth: number };
  totals: { protective: number; growth: number; evidence: number; barriers: number };
  split: { displacement: number; augmentation: number; notInvolved: number };
  shareAtLeast3: number;
  shareAtLeast4: number;
  quickScreen: { sum: number; label: string; zone: Zone; agrees: boolean };
  composition: { taskResistance: number; evidence: number; barriers: number; protective: number; growth: number };
  override: { score: number; justification: string } | null;
}

/** Returns the impact class a task score implies when the assessor sets none. */
export function defaultImpact(score: number, definition: MethodologyDefinition): Impact {
  return definition.defaultImpactByScore[score] ?? 'augmentation';
}

/** Returns the zone of a score already rounded to the shown decimal. */
export function zoneOf(score: number, definition: MethodologyDefinition): Zone {
  const shown = dec(score);
  if (compare(shown, dec(definition.zones.greenFrom)) >= 0) return 'Green';
  if (compare(shown, dec(definition.zones.yellowFrom)) >= 0) return 'Yellow';
  return 'Red';
}

interface Core {
  taskExposure: Decimal;
  taskResistance: Decimal;
  evidenceModifier: Decimal;
  barrierModifier: Decimal;
  growthModifier: Decimal;
  raw: Decimal;
  unclamped: Decimal;
  score: Decimal;
  totals: { protective: number; growth: number; evidence: number; barriers: number };
}

const sumScores = <K extends string>(keys: readonly K[], values: Record<K, { score: number }>): number =>
  keys.reduce((total, key) => total + values[key].score, 0);

/** Computes the formula chain; each figure is built from the one before as shown (rounded), so a reader can redo the sums. */
function computeCore(input: ScoringInput, definition: MethodologyDefinition, taskExposure: Decimal = taskExposureOf(input.tasks)): Core {
  const { places } = definition;
  const taskResistance = round(sub(dec(definition.taskResistanceBase), round(taskExposure, places.taskExposure)), places.taskResistance);
  const totals = {
    protective: sumScores(PROTECTIVE_KEYS, input.protective),
    growth: input.growth.score,
    evidence: sumScores(EVIDENCE_KEYS, input.evidence),
    barriers: sumScores(BARRIER_KEYS, input.barriers),
  };
  const modifier = (step: string, total: number) => round(add(dec(1), mul(dec(step), dec(total))), places.modifier);
  const evidenceModifier = modifier(definition.evidenceStep, totals.evidence);
  const barrierModifier = modifier(definition.barrierStep, totals.barriers);
  const growthModifier = modifier(definition.growthStep, totals.growth);
  const raw = round(mul(mul(mul(taskResistance, evidenceModifier), barrierModifier), growthModifier), places.raw);
  const unclamped = divRound(mul(sub(raw, dec(definition.rawFloor)), dec(100)), dec(definition.rawDivisor), places.score);
  const score = clamp(unclamped, dec(definition.ranges.score.min), dec(definition.ranges.score.max));
  return { taskExposure, taskResistance, evidenceModifier, barrierModifier, growthModifier, raw, unclamped, score, totals };
}

/** The time-weighted task score: the sum of share × score over the tasks, divided by 100 (eight places, rounded later). */
export function taskExposureOf(tasks: ScoringInput['tasks']): Decimal {
  return divRound(sum(tasks.map((task) => mul(dec(task.share), dec(task.score)))), dec(100), 8);
}

/**
 * Returns the formula score (one decimal, clamped) for the given inputs. `taskExposure`, when given,
 * must be taskExposureOf(input.tasks): explainScore moves one input at a time and reuses it.
 */
export function computeFormulaScore(input: ScoringInput, definition: MethodologyDefinition, taskExposure?: Decimal): number {
  return toNumber(computeCore(input, definition, taskExposure).score, definition.places.score);
}

function shareWhere(input: ScoringInput, predicate: (task: ScoringInput['tasks'][number]) => boolean): Decimal {
  return sum(input.tasks.filter(predicate).map((task) => dec(task.share)));
}

/** Picks the sub-label by the first rule of methodology §2.2 that holds. */
export function decideSubLabel(
  zone: Zone,
  figures: SubLabelDecision['figures'],
  definition: MethodologyDefinition,
): SubLabelDecision {
  const rules = definition.subLabels;
  const decide = (subLabel: SubLabel, rule: string): SubLabelDecision => ({ subLabel, rule, figures });
  if (zone === 'Green') {
    if (figures.growth === rules.acceleratedGrowth)
      return decide('Accelerated', `Growth Correlation = ${rules.acceleratedGrowth} AND AIJRI >= ${definition.zones.greenFrom}`);
    if (figures.shareAtLeast3 >= rules.transformingShareAtLeast3)
      return decide('Transforming', `${rules.transformingShareAtLeast3}% or more of task time scores 3+ (${figures.shareAtLeast3}%)`);
    return decide('Stable', `less than ${rules.transformingShareAtLeast3}% of task time scores 3+ (${figures.shareAtLeast3}%)`);
  }
  if (zone === 'Yellow') {
    if (figures.shareAtLeast4 >= rules.urgentShareAtLeast4)
      return decide('Urgent', `${rules.urgentShareAtLeast4}% or more of task time scores 4+ (${figures.shareAtLeast4}%)`);
    return decide('Moderate', `less than ${rules.urgentShareAtLeast4}% of task time scores 4+ (${figures.shareAtLeast4}%)`);
  }
  if (figures.growth <= rules.decliningGrowthAtMost)
    return decide('Declining', `Growth Correlation ${figures.growth} <= ${rules.decliningGrowthAtMost}: AI adoption shrinks demand`);
  return decide('Imminent', `Growth Correlation ${figures.growth} > ${rules.decliningGrowthAtMost}: the role is at risk without shrinking demand`);
}

/** Returns the quick screen of methodology §2.3 (S = P + G). */
export function quickScreen(protective: number, growth: number, definition: MethodologyDefinition) {
  const rules = definition.quickScreen;
  const total = protective + growth;
  if (total >= rules.greenFrom) {
    const accelerated = growth === rules.acceleratedGrowth ? ' (Accelerated)' : '';
    return { sum: total, zone: 'Green' as Zone, label: `Likely Green Zone${accelerated}` };
  }
  if (total >= rules.yellowFrom) return { sum: total, zone: 'Yellow' as Zone, label: 'Likely Yellow Zone' };
  return { sum: total, zone: 'Red' as Zone, label: 'Likely Red Zone' };
}

function compositionOf(core: Core, definition: MethodologyDefinition): ScoreResult['composition'] {
  const weights = definition.composition;
  const scaled = (value: Decimal, weight: { weight: number; scaleMax: number }) =>
    toNumber(divRound(mul(value, dec(weight.weight)), dec(weight.scaleMax), definition.places.composition), definition.places.composition);
  return {
    taskResistance: scaled(core.taskResistance, weights.taskResistance),
    evidence: scaled(dec(core.totals.evidence), weights.evidence),
    barriers: scaled(dec(core.totals.barriers), weights.barriers),
    protective: scaled(dec(core.totals.protective), weights.protective),
    growth: scaled(dec(core.totals.growth), weights.growth),
  };
}

/** Scores an assessment: every derived figure of methodology §2, the zone, sub-label and quick screen. */
export function scoreAssessment(input: ScoringInput, definition: MethodologyDefinition): ScoreResult {
  const { places } = definition;
  const core = computeCore(input, definition);
  const percent = (value: Decimal) => toNumber(value, places.percent);

  const tasks: TaskFigures[] = input.tasks.map((task) => {
    const fallback = defaultImpact(task.score, definition);
    const impact = task.impact ?? fallback;
    const weighted = divRound(mul(dec(task.share), dec(task.score)), dec(100), places.weighted);
    return { name: task.name, share: task.share, score: task.score, weighted: toNumber(weighted, places.weighted), impact, impactIsDefault: impact === fallback };
  });
  const shareOfImpact = (impact: Impact) => sum(tasks.filter((task) => task.impact === impact).map((task) => dec(task.share)));
  const shareAtLeast3 = percent(shareWhere(input, (task) => task.score >= 3));
  const shareAtLeast4 = percent(shareWhere(input, (task) => task.score >= 4));

  const formulaScore = toNumber(core.score, places.score);
  const override = input.override ? { score: toNumber(dec(input.override.score), places.score), justification: input.override.justification } : null;
  const score = override ? override.score : formulaScore;
  const zone = zoneOf(score, definition);
  const subLabelRule = decideSubLabel(zone, { growth: core.totals.growth, shareAtLeast3, shareAtLeast4, score }, definition);
  const screen = quickScreen(core.totals.protective, core.totals.growth, definition);

  return {
    methodologyVersion: definition.version,
    score,
    formulaScore,
    zone,
    formulaZone: zoneOf(formulaScore, definition),
    headline: definition.zones.headline[zone],
    subLabel: subLabelRule.subLabel,
    label: `${zone} (${subLabelRule.subLabel})`,
    subLabelRule,
    tasks,
    shareTotal: toNumber(sum(input.tasks.map((task) => dec(task.share))), 2),
    taskExposure: toNumber(core.taskExposure, places.taskExposure),
    taskResistance: toNumber(core.taskResistance, places.taskResistance),
    raw: toNumber(core.raw, places.raw),
    unclampedScore: toNumber(core.unclamped, places.score),
    modifiers: {
      evidence: toNumber(core.evidenceModifier, places.modifier),
      barrier: toNumber(core.barrierModifier, places.modifier),
      growth: toNumber(core.growthModifier, places.modifier),
    },
    totals: core.totals,
    split: {
      displacement: percent(shareOfImpact('displacement')),
      augmentation: percent(shareOfImpact('augmentation')),
      notInvolved: percent(shareOfImpact('not_involved')),
    },
    shareAtLeast3,
    shareAtLeast4,
    quickScreen: { sum: screen.sum, label: screen.label, zone: screen.zone, agrees: screen.zone === zone },
    composition: compositionOf(core, definition),
    override,
  };
}
