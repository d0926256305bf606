import { explainScore, type Assessment, type MethodologyDefinition, type Sensitivity, type SingleStep, type Zone } from '../../methodology/index.ts';
import type { SensitivityRow, SensitivityStepView } from './assessment-view.types.ts';
import { formatDelta, formatScore, formatSigned } from '../format.ts';

function sensitivityGroup(entry: Sensitivity): string {
  switch (entry.input.kind) {
    case 'task':
      return 'Task';
    case 'protective':
      return 'Protective principle';
    case 'growth':
      return 'AI growth';
    case 'evidence':
      return 'Evidence';
    case 'barrier':
      return 'Barrier';
  }
}

function sensitivityLabel(entry: Sensitivity): string {
  return entry.input.kind === 'task' ? entry.input.name : entry.label.replace(/^(Protective|Evidence|Barrier): /, '');
}

function stepView(step: SingleStep | null, zone: Zone, signed: boolean): SensitivityStepView | null {
  if (!step) return null;
  return {
    toValueText: signed ? formatSigned(step.value) : String(step.value),
    scoreText: formatScore(step.score),
    deltaText: formatDelta(step.delta),
    zone: step.zone,
    zoneChanges: step.zone !== zone,
  };
}

/** Lists what moves the score: each judgement input one step up and down, and the protective principles the formula does not read. */
export function sensitivityRows(assessment: Assessment, formulaZone: Zone, methodology: MethodologyDefinition) {
  const explanation = explainScore(assessment, methodology);
  const rows: SensitivityRow[] = explanation.sensitivity
    .filter((entry) => entry.inFormula)
    .map((entry) => {
      const signed = entry.input.kind === 'evidence' || entry.input.kind === 'growth';
      const share = entry.input.kind === 'task' ? assessment.tasks[entry.input.index]?.share : undefined;
      return {
        group: share === undefined ? sensitivityGroup(entry) : `Task, ${share}% of time`,
        label: sensitivityLabel(entry),
        valueText: signed ? formatSigned(entry.value) : String(entry.value),
        largestMoveText: entry.largestMove.toFixed(1),
        up: stepView(entry.up, formulaZone, signed),
        down: stepView(entry.down, formulaZone, signed),
      };
    });
  const protective = explanation.sensitivity
    .filter((entry) => !entry.inFormula)
    .map((entry) => ({ label: sensitivityLabel(entry), valueText: String(entry.value) }));
  return { explanation, rows, protective };
}
