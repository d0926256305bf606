import { buildSplitBar } from '../chart-geometry.ts';
import { buildTaskTableRows } from '../task-table.ts';
import { renderInlineMarkdown, renderMarkdown } from '../markdown.ts';
import type { AssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import type { AssessmentPageView, TaskRow } from './assessment-view.types.ts';
import { provenanceTag } from './role-link.ts';

/** How many of the largest tasks the page lists at once; the rest wait behind a disclosure. */
export const LEADING_TASKS = 8;
/** A disclosure hiding fewer rows than this would save less than it costs a reader. */
const MIN_HIDDEN_TASKS = 3;

/** Splits task rows into the largest by share (shown at once) and the rest, both largest first; short lists stay whole. */
export function splitTaskRows<T extends { share: number }>(rows: readonly T[]): { leading: T[]; more: T[] } {
  if (rows.length < LEADING_TASKS + MIN_HIDDEN_TASKS) return { leading: [...rows], more: [] };
  const ordered = [...rows].sort((a, b) => b.share - a.share);
  return { leading: ordered.slice(0, LEADING_TASKS), more: ordered.slice(LEADING_TASKS) };
}

/** Builds the task decomposition, the displacement/augmentation split and the reinstatement check. */
export function buildTaskViews(input: AssessmentPageInput): Pick<AssessmentPageView, 'tasks' | 'split' | 'reinstatementHtml'> {
  const { assessment, figures } = input.entry;
  const { methodology } = input;
  const rows: TaskRow[] = buildTaskTableRows(figures.tasks, methodology).map((row, index) => {
    const source = assessment.tasks[index];
    return { ...row, scoreMeaning: methodology.taskScoreMeaning[row.score] ?? '', rationaleHtml: renderInlineMarkdown(source?.rationale), provenance: provenanceTag(source?.provenance) };
  });
  const shareTotal = assessment.tasks.reduce((sum, task) => sum + Math.round(task.share * 100), 0) / 100;
  const split = buildSplitBar(figures.split);
  return {
    tasks: {
      rows,
      ...splitTaskRows(rows),
      shareTotalText: `${shareTotal}%`,
      exposureText: figures.taskExposure.toFixed(2),
      resistanceText: figures.taskResistance.toFixed(2),
      resistanceLine: `Task Resistance Score: ${Number(methodology.taskResistanceBase).toFixed(2)} − ${figures.taskExposure.toFixed(2)} = ${figures.taskResistance.toFixed(2)}/5.0`,
    },
    split: {
      ...figures.split,
      shareAtLeast3: figures.shareAtLeast3,
      shareAtLeast4: figures.shareAtLeast4,
      segments: split.segments,
      ariaLabel: split.ariaLabel,
      sentence: `Displacement/Augmentation split: ${figures.split.displacement}% displacement, ${figures.split.augmentation}% augmentation, ${figures.split.notInvolved}% not involved.`,
    },
    reinstatementHtml: renderMarkdown(assessment.reinstatement),
  };
}
