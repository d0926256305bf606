import {
  methodologyOf,
  type Assessment,
  type Explanation,
  type MethodologyDefinition,
  type ScoreResult,
} from '../../methodology/index.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { buildTaskTableRows } from '../task-table.ts';

const fixed = (value: number, places: number) => value.toFixed(places);
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function taskTable(result: ScoreResult, definition: MethodologyDefinition): string[] {
  const nameWidth = Math.min(60, Math.max(4, ...result.tasks.map((task) => task.name.length)));
  const row = (name: string, share: string, score: string, weighted: string, impact: string) =>
    `  ${name.padEnd(nameWidth)}  ${share.padStart(6)}  ${score.padStart(5)}  ${weighted.padStart(8)}  ${impact}`;
  const lines = [row('Task', 'Time %', 'Score', 'Weighted', 'Aug/Disp')];
  for (const task of buildTaskTableRows(result.tasks, definition)) {
    const [first = '', ...rest] = wrap(task.name, nameWidth);
    const marker = task.impactSetByAssessor ? ` (set by assessor; score ${task.score} implies another)` : '';
    lines.push(row(first, task.shareText, String(task.score), task.weightedText, task.impactWord.toUpperCase() + marker));
    for (const more of rest) lines.push(`  ${more}`);
  }
  lines.push(row('Total', `${result.shareTotal}%`, '', fixed(result.taskExposure, 2), ''));
  return lines;
}

function dimensionLine<K extends string>(dimensions: readonly { key: K; label: string }[], values: Record<K, { score: number }>, withSign: boolean): string {
  return dimensions.map(({ key, label }) => `${label} ${withSign ? signed(values[key].score) : values[key].score}`).join(', ');
}

function sensitivityLines(explanation: Explanation): string[] {
  const moving = explanation.sensitivity.filter((entry) => entry.largestMove > 0).slice(0, 6);
  const step = (from: number, to: { value: number; score: number; delta: number } | null) =>
    to ? `${from}→${to.value}: ${fixed(to.score, 1)} (${to.delta >= 0 ? '+' : ''}${fixed(to.delta, 1)})` : null;
  return moving.map((entry) => {
    const steps = [step(entry.value, entry.up), step(entry.value, entry.down)].filter((text): text is string => text !== null);
    return `  ${entry.label}: ${steps.join('; ')}`;
  });
}

/** Lays out the full calculation of a score the way the published page shows it. */
export function formatScoreReport(assessment: Assessment, result: ScoreResult, explanation: Explanation): string {
  const { role } = assessment;
  const seniority = seniorityLabel(role.seniority);
  const status = assessment.status === 'baseline' ? 'data-derived baseline, not reviewed' : 'expert assessment';
  const { totals, modifiers } = result;
  const definition = methodologyOf(result.methodologyVersion);
  const zones = definition.zones;
  const lines: string[] = [
    `${role.title} — ${seniority}`,
    `${role.category} · ${status} · methodology ${result.methodologyVersion}`,
    `AIJRI ${fixed(result.score, 1)}/100 · ${result.label} · ${result.headline}`,
    '',
    'Task decomposition',
    ...taskTable(result, definition),
    '',
    `Task Resistance Score: ${fixed(6, 2)} - ${fixed(result.taskExposure, 2)} = ${fixed(result.taskResistance, 2)}/5.0`,
    `Displacement/Augmentation split: ${result.split.displacement}% displacement, ${result.split.augmentation}% augmentation, ${result.split.notInvolved}% not involved.`,
    `Task time scoring 3+: ${result.shareAtLeast3}%   scoring 4+: ${result.shareAtLeast4}%`,
    '',
    `Protective principles: ${dimensionLine(definition.protective, assessment.protective, false)} = ${totals.protective}/9`,
    `AI growth correlation: ${signed(totals.growth)}`,
    `Quick screen: Protective ${totals.protective} + Correlation ${totals.growth} = ${result.quickScreen.label}` +
      (result.quickScreen.agrees ? ' (agrees with the full score)' : ` — DISAGREES with the full score (${result.zone}): flag for a second look`),
    `Evidence: ${dimensionLine(definition.evidence, assessment.evidence, true)} = ${signed(totals.evidence)}/10`,
    `Barriers: ${dimensionLine(definition.barriers, assessment.barriers, false)} = ${totals.barriers}/10`,
    '',
    'JobZone Composite Score (AIJRI)',
    `  Task Resistance Score   ${fixed(result.taskResistance, 2)}/5.0`,
    `  Evidence Modifier       1.0 + (${totals.evidence} x ${definition.evidenceStep}) = ${fixed(modifiers.evidence, 2)}`,
    `  Barrier Modifier        1.0 + (${totals.barriers} x ${definition.barrierStep}) = ${fixed(modifiers.barrier, 2)}`,
    `  Growth Modifier         1.0 + (${totals.growth} x ${definition.growthStep}) = ${fixed(modifiers.growth, 2)}`,
    `  Raw: ${fixed(result.taskResistance, 2)} x ${fixed(modifiers.evidence, 2)} x ${fixed(modifiers.barrier, 2)} x ${fixed(modifiers.growth, 2)} = ${fixed(result.raw, 4)}`,
    `  JobZone Score: (${fixed(result.raw, 4)} - ${definition.rawFloor}) / ${definition.rawDivisor} x 100 = ${fixed(result.formulaScore, 1)}/100` +
      (result.unclampedScore !== result.formulaScore ? ` (formula gives ${fixed(result.unclampedScore, 1)}; clamped to 0–100)` : ''),
    '',
    `Zone: ${result.zone.toUpperCase()} (Green >= ${zones.greenFrom}, Yellow ${zones.yellowFrom}-${Number(zones.greenFrom) - 1}, Red < ${zones.yellowFrom})`,
    `Sub-label: ${result.label} — ${result.subLabelRule.rule}`,
    result.override
      ? `Assessor override: ${fixed(result.override.score, 1)} replaces the formula score ${fixed(result.formulaScore, 1)} — ${result.override.justification}`
      : 'Assessor override: none — formula score accepted.',
    '',
    `Composition profile (a display; it does not add up to the score): Task Resistance ${fixed(result.composition.taskResistance, 1)} · Evidence ${fixed(result.composition.evidence, 1)} · Barriers ${fixed(result.composition.barriers, 1)} · Protective ${fixed(result.composition.protective, 1)} · AI Growth ${fixed(result.composition.growth, 1)}`,
    `Uncertainty band: ${fixed(explanation.band.low, 1)}–${fixed(explanation.band.high, 1)} if any one judgement were one step different; the zone ${explanation.band.zoneStable ? 'holds' : 'can change'}.`,
    'What moves this score most (one step up / down):',
    ...sensitivityLines(explanation),
    '  (Protective principles do not enter the formula, so they move the score by 0.)',
    '',
    `AIJRI ${fixed(result.score, 1)}/100 · ${result.label} · ${result.headline}`,
  ];
  return `${lines.join('\n')}\n`;
}
