import { formatDelta, formatScore } from '../format.ts';
import { buildScoreScale, type ScoreScaleGeometry } from '../chart-geometry.ts';
import { ZONE_OUTLOOKS, zoneMeaningOf } from '../glossary.ts';
import { methodologyOf, type Zone } from '../../methodology/definition.ts';
import { zoneOf } from '../../methodology/score.ts';
import { COARSE_CHOICES, COARSE_LABELS, type CoarseChoice } from '../../features/personal-report/coarse-time.ts';
import { tasksAtRiskAndSafe, writeAdvice, type AdviceLine, type TaskMention } from './report-advice.ts';
import { formatWholeShare } from './report-format.ts';
import { clearExactShares, dropRoleTask, moveTime, removeAddedTask, restoreRoleTask, switchLevel } from '../../features/personal-report/personal-edits.ts';
import type { InputProblem, PersonalInputs } from '../../features/personal-report/personal-inputs.ts';
import { computePersonalReport, designRangeOf, tasksOf, type PersonTask, type PersonalReport } from '../../features/personal-report/personal-score.ts';
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
  /** The coarse choice the person made, '' when the task keeps its typical share. */
  coarse: CoarseChoice | '';
  /** The task's share before any choice of the person, rounded ("15%"): what "Typical" stands for. */
  typicalShare: string;
  /** The task's share now, rounded for reading ("15%"). */
  shareRounded: string;
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
  /** The zone as a reader should take it: "Green · PROTECTED", or "Borderline Yellow/Green" when the range crosses a boundary. */
  verdict: string;
  subLabel: string;
  label: string;
  subLabelRule: string;
  roleScore: string;
  roleZone: Zone;
  delta: string;
  deltaSentence: string;
  attribution: { label: string; detail: string; delta: string; scoreAfter: string }[];
  advice: AdviceLine[];
  band: { low: string; high: string; zoneStable: boolean; sentence: string };
  /** The 0–100 scale with the zones, the range and the person's score. */
  scale: ScoreScaleGeometry;
  /** What the zone word means for the person, with its horizon. */
  zoneMeaning: string;
  /** One short plain sentence under the score: the zone's outlook for the work the person describes. */
  plainLine: string;
  atRisk: TaskMention[];
  safe: TaskMention[];
  /** What the person changed and what each change did, in words. */
  changes: string[];
  /** Tasks as scored, largest share first, in whole percents. */
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
  /** Task rows: the largest tasks of the role first, then added ones, then the rest (see visibleRows). */
  rows: TaskRowView[];
  /** How many of the rows show before "More tasks"; the rest sit behind it. */
  visibleRows: number;
  /** The rows behind "More tasks" hold a problem, so they start open. */
  moreOpen: boolean;
  /** The person set exact percentages (rather than coarse choices). */
  exactMode: boolean;
  /** Back from exact percentages to the coarse choices. */
  clearExactHref: string;
  coarseOptions: { value: CoarseChoice; label: string }[];
  totalShare: string;
  totalOk: boolean;
  context: { key: ContextKey; label: string; checked: boolean; detail: string }[];
  /** The applying ↔ designing control: symmetric around "no change" (0), limit points each way. */
  design: { value: number; limit: number; enabled: boolean };
  addGroups: { occupation: string; options: { value: string; label: string }[] }[];
  canAdd: boolean;
  problems: InputProblem[];
  caveats: string[];
  result: ResultView | null;
}

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
  const typical = new Map((tasksOf(source, { ...inputs, coarse: {}, shares: {}, design: 0 })?.derived ?? []).map((task) => [task.id, task.share]));
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
      coarse: inputs.coarse?.[id] ?? '',
      typicalShare: formatWholeShare(typical.get(id) ?? Math.round(task.share * 100)),
      shareRounded: dropped ? '0%' : formatWholeShare(shown ?? Math.round((inputs.shares[id] ?? task.share) * 100)),
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
      coarse: inputs.coarse?.[id] ?? '',
      typicalShare: formatWholeShare(typical.get(id) ?? 0),
      shareRounded: formatWholeShare(shown ?? Math.round((inputs.shares[id] ?? 0) * 100)),
      dropped: false,
      designLike: (task?.score ?? 3) <= 2,
      removeHref: valid ? hrefOf(removeAddedTask(source, inputs, id)) : null,
      restoreHref: null,
      problem: problemOf(`s${id}`),
    };
  });
  const largestFirst = [...roleRows].sort((a, b) => Number(b.dropped) - Number(a.dropped) || (base.tasks[Number(b.id) - 1]?.share ?? 0) - (base.tasks[Number(a.id) - 1]?.share ?? 0) || Number(a.id) - Number(b.id));
  const kept = largestFirst.filter((row) => !row.dropped);
  const dropped = largestFirst.filter((row) => row.dropped);
  return [...kept.slice(0, VISIBLE_TASKS), ...addedRows, ...kept.slice(VISIBLE_TASKS), ...dropped];
}

/** The number of the role's tasks shown before "More tasks". */
export const VISIBLE_TASKS = 8;

function changeInWords(step: PersonalReport['attribution'][number]): string {
  const effect = step.delta > 0 ? `raised your score by ${step.delta.toFixed(1)}` : step.delta < 0 ? `lowered your score by ${Math.abs(step.delta).toFixed(1)}` : 'made no difference to your score';
  const what: Record<string, string> = {
    seniority: `Working at ${step.label.replace(/^Seniority: /, '')} level`,
    drop: step.label.replace(/^Removed/, 'Removing'),
    add: step.label.replace(/^Added/, 'Adding'),
    split: 'How you split your time',
    design: step.delta >= 0 ? 'Moving time toward designing new solutions' : 'Moving time toward applying existing tools',
  };
  return `${what[step.key] ?? `Saying “${step.label.toLowerCase().replace(/^my /, 'my ')}”`} ${effect}.`;
}

function resultOf(source: ReportSource, inputs: PersonalInputs, report: PersonalReport): ResultView {
  const reference = source.bases.find((base) => base.seniority === source.seniority);
  const roleLabel = `${source.title} (${reference?.label ?? source.seniority})`;
  const { result } = report;
  // The person's figures are scored under the methodology of the revision they start from; the role's own score under its revision's.
  const definition = methodologyOf(result.methodologyVersion);
  const roleDefinition = reference ? methodologyOf(reference.methodologyVersion) : definition;
  const best = report.suggestions[0] ?? null;
  return {
    score: formatScore(report.score),
    zone: report.zone,
    headline: result.headline,
    verdict: report.band.zoneStable ? `${report.zone} · ${result.headline}` : `Borderline ${zoneOf(report.band.low, definition)}/${zoneOf(report.band.high, definition)}`,
    subLabel: result.subLabel,
    label: result.label,
    subLabelRule: result.subLabelRule.rule,
    roleScore: formatScore(report.roleScore),
    roleZone: zoneOf(report.roleScore, roleDefinition),
    delta: formatDelta(report.delta),
    deltaSentence: deltaSentence(report, roleLabel),
    attribution: report.attribution.map((step) => ({ label: step.label, detail: step.detail, delta: formatDelta(step.delta), scoreAfter: formatScore(step.scoreAfter) })),
    advice: writeAdvice(report.tasks, best ? { ...best, href: hrefOf(moveTime(source, inputs, best.fromId, best.toId, best.points)) } : null),
    band: { low: formatScore(report.band.low), high: formatScore(report.band.high), zoneStable: report.band.zoneStable, sentence: bandSentence(report) },
    scale: buildScoreScale({ score: report.score, band: report.band }, definition),
    zoneMeaning: zoneMeaningOf(report.zone),
    plainLine: report.band.zoneStable
      ? `${ZONE_OUTLOOKS[report.zone]}, for the work you describe.`
      : `Borderline over 5–10 years: one judgement made differently would change the zone of the work you describe.`,
    ...tasksAtRiskAndSafe(report.tasks),
    changes: report.attribution.map(changeInWords),
    tasks: report.tasks
      .filter((task) => task.share > 0)
      .sort((a, b) => b.share - a.share)
      .map((task) => ({ name: task.name, share: formatWholeShare(task.share), score: task.score })),
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

/**
 * Lays out the applying ↔ designing control centred on "no change": it runs as far each way as
 * the smaller side allows, so every position is a valid shift; a value from the address that
 * reaches further widens both sides to it.
 */
export function designControl(range: { min: number; max: number }, value: number): ReportView['design'] {
  const reach = Math.min(-range.min, range.max);
  const limit = Math.max(reach, Math.abs(value));
  return { value, limit, enabled: limit > 0 };
}

const NO_PROBLEMS: readonly InputProblem[] = [];

// The report page builds the view and the island's server render builds it again from the very same
// objects (ADR 0171): the last view is kept by the identity of its inputs, which are never mutated.
let lastView: { source: ReportSource; inputs: PersonalInputs; parseProblems: readonly InputProblem[]; view: ReportView } | null = null;

/** Builds everything the report page, island and PDF show from the role and the person's inputs. */
export function buildReportView(source: ReportSource, inputs: PersonalInputs, parseProblems: readonly InputProblem[] = NO_PROBLEMS): ReportView {
  if (lastView?.source === source && lastView.inputs === inputs && lastView.parseProblems === parseProblems) return lastView.view;
  const view = computeReportView(source, inputs, parseProblems);
  lastView = { source, inputs, parseProblems, view };
  return view;
}

function computeReportView(source: ReportSource, inputs: PersonalInputs, parseProblems: readonly InputProblem[]): ReportView {
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
    visibleRows: Math.min(rows.length, VISIBLE_TASKS + inputs.add.length),
    moreOpen: rows.slice(VISIBLE_TASKS + inputs.add.length).some((row) => row.problem !== null),
    exactMode: Object.keys(inputs.shares).length > 0,
    clearExactHref: hrefOf(clearExactShares(source, inputs)),
    coarseOptions: COARSE_CHOICES.map((value) => ({ value, label: COARSE_LABELS[value] })),
    totalShare: String(total / 100),
    totalOk: total === 10_000,
    context: CONTEXT_FACTORS.map((factor) => ({
      key: factor.key,
      label: factor.label,
      checked: inputs.context.includes(factor.key),
      detail: barriers ? `${factor.barrierLabel} barrier: the role has ${barriers[factor.key]} of 2; yes sets it to ${factor.value}.` : `${factor.barrierLabel} barrier to ${factor.value} of 2.`,
    })),
    design: designControl(designRange, inputs.design),
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
