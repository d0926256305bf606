import { formatScore } from '../format.ts';
import type { Zone } from '../../methodology/definition.ts';
import { zoneOf } from '../../methodology/score.ts';
import { dropRoleTask, moveTime, removeAddedTask, restoreRoleTask, switchLevel } from '../../features/personal-report/personal-edits.ts';
import type { InputProblem, PersonalInputs } from '../../features/personal-report/personal-inputs.ts';
import { computePersonalReport, designRangeOf, type PersonTask, type PersonalReport } from '../../features/personal-report/personal-score.ts';
import { serializeReportParams } from '../../features/personal-report/report-params.ts';
import { CONTEXT_FACTORS, MAX_ADDED_TASKS, type ContextKey, type ReportSource } from '../../features/personal-report/report-source.ts';

/**
 * The report as the page, the browser island and the PDF show it: every figure formatted, every
 * link built. One builder for all three, so they never disagree.
 */

export interface TaskRowView {
  id: string;
  field: string;
  label: string;
  name: string;
  score: number;
  kind: 'role' | 'added';
  origin: string | null;
  share: string;
  dropped: boolean;
  designLike: boolean;
  removeHref: string | null;
  restoreHref: string | null;
  problem: string | null;
}

export interface ResultView {
  score: string;
  zone: Zone;
  headline: string;
  subLabel: string;
  label: string;
  subLabelRule: string;
  roleScore: string;
  roleZone: Zone;
  delta: string;
  deltaSentence: string;
  attribution: { label: string; detail: string; delta: string; scoreAfter: string }[];
  suggestions: { text: string; score: string; gain: string; href: string }[];
  band: { low: string; high: string; zoneStable: boolean; sentence: string };
  tasks: { name: string; share: string; score: number }[];
}

export interface ReportView {
  title: string;
  status: 'expert' | 'baseline';
  seniorityLabel: string;
  roleHref: string;
  query: string;
  reportHref: string;
  pdfHref: string;
  resetHref: string;
  hidden: { role: string; level: string | null; drop: string[]; add: string[] };
  levels: { seniority: string; label: string; href: string; current: boolean }[];
  rows: TaskRowView[];
  totalShare: string;
  totalOk: boolean;
  context: { key: ContextKey; label: string; checked: boolean; detail: string }[];
  design: { value: number; min: number; max: number; enabled: boolean };
  addGroups: { occupation: string; options: { value: string; label: string }[] }[];
  canAdd: boolean;
  problems: InputProblem[];
  caveats: string[];
  result: ResultView | null;
}

/** Formats a signed change with one decimal ("+2.3", "−1.0", "0.0"). */
export const formatDelta = (delta: number) => (delta > 0 ? `+${delta.toFixed(1)}` : delta < 0 ? `−${Math.abs(delta).toFixed(1)}` : '0.0');
/** Formats a share of time ("25", "6.25"). */
export const formatShare = (hundredths: number) => String(hundredths / 100);

const hrefOf = (inputs: PersonalInputs) => `/report?${serializeReportParams(inputs)}`;

function deltaSentence(report: PersonalReport, roleLabel: string): string {
  if (report.delta === 0) return `The same as the ${roleLabel} score of ${formatScore(report.roleScore)}.`;
  const direction = report.delta > 0 ? 'higher' : 'lower';
  return `${Math.abs(report.delta).toFixed(1)} points ${direction} than the ${roleLabel} score of ${formatScore(report.roleScore)}.`;
}

function bandSentence(report: PersonalReport): string {
  const range = `between ${formatScore(report.band.low)} and ${formatScore(report.band.high)}`;
  return report.band.zoneStable
    ? `If any one judgement in the assessment were one step different, your score would lie ${range}; the zone holds across that range.`
    : `If any one judgement in the assessment were one step different, your score would lie ${range}; that range crosses a zone boundary, so read the zone with care.`;
}

function rowsOf(source: ReportSource, inputs: PersonalInputs, tasks: PersonTask[] | null, report: PersonalReport | null, problems: InputProblem[]): TaskRowView[] {
  const base = report?.base ?? source.bases.find((entry) => entry.seniority === (inputs.level ?? source.seniority)) ?? source.bases[0];
  if (!base) return [];
  const byId = new Map((tasks ?? []).map((task) => [task.id, task]));
  const problemOf = (field: string) => problems.find((problem) => problem.field === field)?.message ?? null;
  const valid = report !== null;
  const roleRows: TaskRowView[] = base.tasks.map((task, index) => {
    const id = String(index + 1);
    const dropped = inputs.drop.includes(index + 1);
    const shown = byId.get(id)?.share;
    return {
      id,
      field: `s${id}`,
      label: `Task ${id}`,
      name: task.name,
      score: task.score,
      kind: 'role',
      origin: null,
      share: dropped ? '0' : shown !== undefined ? formatShare(shown) : String(inputs.shares[id] ?? task.share),
      dropped,
      designLike: task.score <= 2,
      removeHref: valid && !dropped && inputs.drop.length < base.tasks.length - 1 ? hrefOf(dropRoleTask(source, inputs, index + 1)) : null,
      restoreHref: valid && dropped ? hrefOf(restoreRoleTask(source, inputs, index + 1)) : null,
      problem: problemOf(`s${id}`),
    };
  });
  const addedRows: TaskRowView[] = inputs.add.map((ref, index) => {
    const id = `a${index + 1}`;
    const occupation = source.related.find((related) => related.onetCode === ref.onetCode);
    const task = occupation?.tasks[ref.task - 1];
    const shown = byId.get(id)?.share;
    return {
      id,
      field: `s${id}`,
      label: `Added ${index + 1}`,
      name: task?.name ?? `${ref.onetCode} task ${ref.task}`,
      score: task?.score ?? 0,
      kind: 'added',
      origin: occupation?.title ?? null,
      share: shown !== undefined ? formatShare(shown) : String(inputs.shares[id] ?? 0),
      dropped: false,
      designLike: (task?.score ?? 3) <= 2,
      removeHref: valid ? hrefOf(removeAddedTask(source, inputs, id)) : null,
      restoreHref: null,
      problem: problemOf(`s${id}`),
    };
  });
  return [...roleRows, ...addedRows];
}

function resultOf(source: ReportSource, inputs: PersonalInputs, report: PersonalReport): ResultView {
  const roleLabel = `${source.title} (${source.bases.find((base) => base.seniority === source.seniority)?.label ?? source.seniority})`;
  const { result } = report;
  return {
    score: formatScore(report.score),
    zone: report.zone,
    headline: result.headline,
    subLabel: result.subLabel,
    label: result.label,
    subLabelRule: result.subLabelRule.rule,
    roleScore: formatScore(report.roleScore),
    roleZone: zoneOf(report.roleScore),
    delta: formatDelta(report.delta),
    deltaSentence: deltaSentence(report, roleLabel),
    attribution: report.attribution.map((step) => ({ label: step.label, detail: step.detail, delta: formatDelta(step.delta), scoreAfter: formatScore(step.scoreAfter) })),
    suggestions: report.suggestions.map((move) => ({
      text: `Move ${move.points} points of your time from “${move.fromName}” to “${move.toName}”`,
      score: formatScore(move.score),
      gain: formatDelta(move.gain),
      href: hrefOf(moveTime(source, inputs, move.fromId, move.toId, move.points)),
    })),
    band: { low: formatScore(report.band.low), high: formatScore(report.band.high), zoneStable: report.band.zoneStable, sentence: bandSentence(report) },
    tasks: report.tasks.filter((task) => task.share > 0).map((task) => ({ name: task.name, share: formatShare(task.share), score: task.score })),
  };
}

/** Lists the plain caveats of a personal report: what it is, what it is not, and what this one rests on. */
export function caveatsOf(source: ReportSource, inputs: PersonalInputs): string[] {
  const caveats = [
    'This is a structured judgement, not a forecast: it applies the published AIJRI method to the work you describe. It does not predict whether you will keep your job.',
    'Your changes move the task mix, the seniority and the workplace barriers. The market evidence, growth correlation and other judgements stay those of the role’s assessment.',
  ];
  if (source.status === 'baseline') caveats.push('This role’s assessment is a data-derived baseline that no assessor has reviewed yet; its task scores come from published research data, not an expert’s judgement.');
  if (inputs.add.length > 0) caveats.push('Added tasks carry the score the baseline of their own occupation gives them.');
  if (inputs.design !== 0) caveats.push('The design shift counts tasks scored 1–2 (AI at most assists) as designing new solutions and tasks scored 3–5 as applying existing tools.');
  caveats.push('Nothing you enter is stored or sent anywhere: the report lives in its web address, which you can keep or share.');
  return caveats;
}

/** Builds everything the report page, island and PDF show from the role and the person's inputs. */
export function buildReportView(source: ReportSource, inputs: PersonalInputs, parseProblems: readonly InputProblem[] = []): ReportView {
  const outcome = parseProblems.length === 0 ? computePersonalReport(source, inputs) : null;
  const report = outcome?.ok ? outcome.report : null;
  const problems = [...parseProblems, ...(outcome && !outcome.ok ? outcome.problems : [])];
  const tasks = outcome?.ok ? outcome.report.splitTasks : (outcome?.splitTasks ?? null);
  const rows = rowsOf(source, inputs, tasks, report, problems);
  const total = rows.filter((row) => !row.dropped).reduce((sum, row) => sum + Math.round((Number(row.share) || 0) * 100), 0);
  const reference = source.bases.find((base) => base.seniority === source.seniority);
  const current = report?.base ?? reference;
  const designRange = report?.designRange ?? (tasks ? designRangeOf(tasks) : { min: 0, max: 0 });
  const query = serializeReportParams(inputs);
  const barriers = report?.roleBarriers;
  const added = new Set(inputs.add.map((ref) => `${ref.onetCode}:${ref.task}`));
  return {
    title: source.title,
    status: source.status,
    seniorityLabel: current?.label ?? source.seniority,
    roleHref: `/roles/${source.roleSlug}/${current?.seniority ?? source.seniority}`,
    query,
    reportHref: `/report?${query}`,
    pdfHref: `/report.pdf?${query}`,
    resetHref: `/report?role=${source.roleSlug}/${source.seniority}`,
    hidden: {
      role: `${source.roleSlug}/${source.seniority}`,
      level: inputs.level,
      drop: inputs.drop.map(String),
      add: inputs.add.map((ref) => `${ref.onetCode}:${ref.task}`),
    },
    levels: source.bases.map((base) => ({
      seniority: base.seniority,
      label: base.label,
      href: hrefOf(switchLevel(source, inputs, base.seniority)),
      current: base.seniority === (current?.seniority ?? source.seniority),
    })),
    rows,
    totalShare: String(total / 100),
    totalOk: total === 10_000,
    context: CONTEXT_FACTORS.map((factor) => ({
      key: factor.key,
      label: factor.label,
      checked: inputs.context.includes(factor.key),
      detail: barriers ? `${factor.barrierLabel} barrier: the role has ${barriers[factor.key]} of 2; yes sets it to ${factor.value}.` : `${factor.barrierLabel} barrier to ${factor.value} of 2.`,
    })),
    design: { value: inputs.design, min: Math.min(designRange.min, inputs.design), max: Math.max(designRange.max, inputs.design), enabled: designRange.min !== 0 || designRange.max !== 0 },
    addGroups: source.related.map((occupation) => ({
      occupation: occupation.title,
      options: occupation.tasks.flatMap((task, index) => {
        const value = `${occupation.onetCode}:${index + 1}`;
        return added.has(value) ? [] : [{ value, label: `${task.name} (score ${task.score})` }];
      }),
    })),
    canAdd: inputs.add.length < MAX_ADDED_TASKS,
    problems,
    caveats: caveatsOf(source, inputs),
    result: report ? resultOf(source, inputs, report) : null,
  };
}
