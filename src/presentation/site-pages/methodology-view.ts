import {
  explainScore,
  scoreAssessment,
  type Dimension,
  type Impact,
  type MethodologyDefinition,
  type Range,
  type ScoreResult,
  type Sensitivity,
  type Zone,
} from '../../methodology/index.ts';
import type { AssessmentEntry } from '../../features/read-model/read-model.ts';
import { WORKED_EXAMPLE, type MethodologyInput } from '../../features/site-pages/methodology-input.ts';
import { buildCompositionBars, type CompositionBar } from './composition-bars.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { buildTaskTableRows, IMPACT_WORDS } from '../task-table.ts';
import { assessmentHref } from './role-summary.ts';
import { formatScore, formatSigned } from '../format.ts';

export { WORKED_EXAMPLE };

export interface DimensionGroup {
  title: string;
  symbol: string;
  range: string;
  totalRange: string;
  dimensions: { label: string; description: string }[];
}

export interface FormulaStep {
  symbol: string;
  name: string;
  rule: string;
  places: number;
}

/** One step of the worked example's chain, with the numbers put in. */
export interface WorkedStep {
  symbol: string;
  calculation: string;
}

export interface WorkedExample {
  title: string;
  href: string;
  tasks: { name: string; share: number; score: number; weighted: string; impact: string }[];
  steps: WorkedStep[];
  result: ScoreResult;
  composition: CompositionBar[];
  band: { low: string; high: string; zoneStable: boolean };
  topMoves: { label: string; value: number; up: string; down: string }[];
}

/** Everything the methodology page shows, read from the methodology definition in code. */
export interface MethodologyView {
  version: string;
  name: string;
  taskScores: { score: number; meaning: string; defaultImpact: string }[];
  dimensionGroups: DimensionGroup[];
  growth: { label: string; range: string };
  formula: FormulaStep[];
  /** The whole formula on one line. */
  formulaLine: string;
  constants: { rawFloor: string; rawDivisor: string; taskResistanceBase: string; scoreRange: string };
  zones: { zone: Zone; headline: string; rule: string }[];
  subLabels: { zone: Zone; rules: { subLabel: string; rule: string }[] }[];
  quickScreen: { label: string; rule: string }[];
  composition: { label: string; rule: string; weight: number }[];
  sensitivityStep: number;
  worked: WorkedExample | null;
}

const impactWordOf = (impact: Impact | undefined) => (impact ? IMPACT_WORDS[impact].toLowerCase() : '');
const span = (range: Range) => `${formatSigned(range.min)} to ${formatSigned(range.max)}`;
const total = (count: number, range: Range) => span({ min: count * range.min, max: count * range.max });

function group(title: string, symbol: string, range: Range, dimensions: readonly Dimension<string>[]): DimensionGroup {
  return {
    title,
    symbol,
    range: span(range),
    totalRange: total(dimensions.length, range),
    dimensions: dimensions.map(({ label, description }) => ({ label, description })),
  };
}

/** Lists the methodology's rules in reading order, every figure taken from the definition. */
export function describeMethodology(definition: MethodologyDefinition): Omit<MethodologyView, 'worked'> {
  const { ranges, places, zones, subLabels, quickScreen, composition } = definition;
  const taskScores = [];
  for (let score = ranges.taskScore.min; score <= ranges.taskScore.max; score += 1) {
    taskScores.push({ score, meaning: definition.taskScoreMeaning[score] ?? '', defaultImpact: impactWordOf(definition.defaultImpactByScore[score]) });
  }
  const compositionLabels: Record<keyof MethodologyDefinition['composition'], [string, string]> = {
    taskResistance: ['Task resistance', 'TR'],
    evidence: ['Evidence', 'E'],
    barriers: ['Barriers', 'B'],
    protective: ['Protective principles', 'P'],
    growth: ['Growth correlation', 'G'],
  };
  return {
    version: definition.version,
    name: definition.name,
    taskScores,
    dimensionGroups: [
      group('Protective principles', 'P', ranges.protective, definition.protective),
      group('Evidence (market signals)', 'E', ranges.evidence, definition.evidence),
      group('Barriers to AI', 'B', ranges.barrier, definition.barriers),
    ],
    growth: { label: definition.growthLabel, range: span(ranges.growth) },
    formula: [
      { symbol: 'w', name: 'Weighted score of a task', rule: 'share ÷ 100 × task score', places: places.weighted },
      { symbol: 'X', name: 'Task exposure', rule: 'sum of the weighted scores', places: places.taskExposure },
      { symbol: 'TR', name: 'Task resistance', rule: `${definition.taskResistanceBase} − X`, places: places.taskResistance },
      { symbol: 'EM', name: 'Evidence modifier', rule: `1 + ${definition.evidenceStep} × E`, places: places.modifier },
      { symbol: 'BM', name: 'Barrier modifier', rule: `1 + ${definition.barrierStep} × B`, places: places.modifier },
      { symbol: 'GM', name: 'Growth modifier', rule: `1 + ${definition.growthStep} × G`, places: places.modifier },
      { symbol: 'raw', name: 'Raw value', rule: 'TR × EM × BM × GM', places: places.raw },
      {
        symbol: 'AIJRI',
        name: 'Score',
        rule: `(raw − ${definition.rawFloor}) ÷ ${definition.rawDivisor} × 100, kept within ${ranges.score.min}–${ranges.score.max}`,
        places: places.score,
      },
    ],
    formulaLine: `AIJRI = ((${definition.taskResistanceBase} − X) × (1 + ${definition.evidenceStep}·E) × (1 + ${definition.barrierStep}·B) × (1 + ${definition.growthStep}·G) − ${definition.rawFloor}) ÷ ${definition.rawDivisor} × 100`,
    constants: { rawFloor: definition.rawFloor, rawDivisor: definition.rawDivisor, taskResistanceBase: definition.taskResistanceBase, scoreRange: `${ranges.score.min}–${ranges.score.max}` },
    zones: [
      { zone: 'Green', headline: zones.headline.Green, rule: `score ≥ ${zones.greenFrom}` },
      { zone: 'Yellow', headline: zones.headline.Yellow, rule: `${zones.yellowFrom} ≤ score < ${zones.greenFrom}` },
      { zone: 'Red', headline: zones.headline.Red, rule: `score < ${zones.yellowFrom}` },
    ],
    subLabels: [
      {
        zone: 'Green',
        rules: [
          { subLabel: 'Accelerated', rule: `growth correlation G = ${formatSigned(subLabels.acceleratedGrowth)}` },
          { subLabel: 'Transforming', rule: `${subLabels.transformingShareAtLeast3}% or more of working time is in tasks scored 3 or higher` },
          { subLabel: 'Stable', rule: 'otherwise' },
        ],
      },
      {
        zone: 'Yellow',
        rules: [
          { subLabel: 'Urgent', rule: `${subLabels.urgentShareAtLeast4}% or more of working time is in tasks scored 4 or higher` },
          { subLabel: 'Moderate', rule: 'otherwise' },
        ],
      },
      {
        zone: 'Red',
        rules: [
          { subLabel: 'Declining', rule: `growth correlation G ≤ ${formatSigned(subLabels.decliningGrowthAtMost)}: AI adoption shrinks demand` },
          { subLabel: 'Imminent', rule: 'otherwise' },
        ],
      },
    ],
    quickScreen: [
      { label: 'Likely Green Zone', rule: `S ≥ ${quickScreen.greenFrom} (“Accelerated” added when G = ${formatSigned(quickScreen.acceleratedGrowth)})` },
      { label: 'Likely Yellow Zone', rule: `${quickScreen.yellowFrom} ≤ S < ${quickScreen.greenFrom}` },
      { label: 'Likely Red Zone', rule: `S < ${quickScreen.yellowFrom}` },
    ],
    composition: (Object.keys(composition) as (keyof typeof composition)[]).map((key) => {
      const [label, symbol] = compositionLabels[key];
      return { label, rule: `${symbol} ÷ ${composition[key].scaleMax} × ${composition[key].weight}`, weight: composition[key].weight };
    }),
    sensitivityStep: 1,
  };
}

const step = (value: number | undefined) => (value === undefined ? '—' : formatScore(value));

function describeMove(move: Sensitivity): { label: string; value: number; up: string; down: string } {
  return { label: move.label, value: move.value, up: move.up ? `${step(move.up.score)} (${formatSigned(move.up.delta)})` : '—', down: move.down ? `${step(move.down.score)} (${formatSigned(move.down.delta)})` : '—' };
}

/** Scores the worked-example assessment live with the engine and writes out each step with its numbers. */
export function buildWorkedExample(entry: AssessmentEntry | null, definition: MethodologyDefinition): WorkedExample | null {
  if (!entry) return null;
  const result = scoreAssessment(entry.assessment, definition);
  const explanation = explainScore(entry.assessment, definition);
  const { totals, modifiers } = result;
  const places = definition.places;
  const weightedSum = result.tasks.map((task) => task.weighted.toFixed(places.weighted)).join(' + ');
  return {
    title: `${entry.title}, ${seniorityLabel(entry.seniority)}`,
    href: assessmentHref(entry.roleSlug, entry.seniority),
    tasks: buildTaskTableRows(result.tasks, definition).map((row) => ({ name: row.name, share: row.share, score: row.score, weighted: row.weightedText, impact: row.impactWord.toLowerCase() })),
    steps: [
      { symbol: 'X', calculation: `${weightedSum} = ${result.taskExposure.toFixed(places.taskExposure)}` },
      { symbol: 'TR', calculation: `${definition.taskResistanceBase} − ${result.taskExposure.toFixed(places.taskExposure)} = ${result.taskResistance.toFixed(places.taskResistance)}` },
      { symbol: 'EM', calculation: `1 + ${definition.evidenceStep} × ${totals.evidence} = ${modifiers.evidence.toFixed(places.modifier)}` },
      { symbol: 'BM', calculation: `1 + ${definition.barrierStep} × ${totals.barriers} = ${modifiers.barrier.toFixed(places.modifier)}` },
      { symbol: 'GM', calculation: `1 + ${definition.growthStep} × ${totals.growth} = ${modifiers.growth.toFixed(places.modifier)}` },
      {
        symbol: 'raw',
        calculation: `${result.taskResistance.toFixed(places.taskResistance)} × ${modifiers.evidence.toFixed(places.modifier)} × ${modifiers.barrier.toFixed(places.modifier)} × ${modifiers.growth.toFixed(places.modifier)} = ${result.raw.toFixed(places.raw)}`,
      },
      { symbol: 'AIJRI', calculation: `(${result.raw.toFixed(places.raw)} − ${definition.rawFloor}) ÷ ${definition.rawDivisor} × 100 = ${result.formulaScore.toFixed(places.score)}` },
    ],
    result,
    composition: buildCompositionBars(result.composition, definition),
    band: { low: step(explanation.band.low), high: step(explanation.band.high), zoneStable: explanation.band.zoneStable },
    topMoves: explanation.sensitivity.slice(0, 5).map(describeMove),
  };
}

/** Builds the methodology page from the definition and the gathered worked example. */
export function buildMethodologyView({ worked }: MethodologyInput, definition: MethodologyDefinition): MethodologyView {
  return { ...describeMethodology(definition), worked: buildWorkedExample(worked, definition) };
}
