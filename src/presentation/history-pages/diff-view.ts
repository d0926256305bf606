import { formatDate, formatDelta, formatScore } from '../format.ts';
import type { RevisionRecord } from '../../features/read-model/read-model.ts';
import type { AssessmentAt } from '../../features/read-model/assessment-at.ts';
import { diffRevisions, type InputChange } from '../../features/revisions/revision-diff.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { assessmentHref, historyHref, revisionPicker, type RevisionPicker } from './history-view.ts';

/** One headline figure before and after. */
export interface FigureRow {
  label: string;
  before: string;
  after: string;
  deltaText: string | null;
  changed: boolean;
}

/** One scoring input that changed, in words. */
export interface InputRow {
  label: string;
  change: InputChange['change'];
  before: string;
  after: string;
}

/** Everything the diff page shows for two valid revisions. */
export interface DiffView {
  meta: { title: string; description: string; canonicalPath: string };
  title: string;
  seniorityLabel: string;
  assessmentHref: string;
  historyHref: string;
  from: { number: number; dateText: string; author: string; note: string };
  to: { number: number; dateText: string; author: string; note: string };
  figures: FigureRow[];
  inputGroups: { heading: string; rows: InputRow[] }[];
  text: { field: string; before: string; after: string }[];
  picker: RevisionPicker;
}

/** The page for a diff that cannot be shown: what was wrong and the form to pick again. */
export interface DiffProblemView {
  meta: { title: string; description: string; canonicalPath: string };
  title: string;
  seniorityLabel: string;
  assessmentHref: string;
  historyHref: string;
  message: string;
  picker: RevisionPicker;
}

export type DiffResult = { status: 200; view: DiffView } | { status: 400; view: DiffProblemView } | { status: 404; message: string };

const GROUPS: { kind: InputChange['kind']; heading: string }[] = [
  { kind: 'task', heading: 'Tasks' },
  { kind: 'protective', heading: 'Protective principles' },
  { kind: 'growth', heading: 'AI growth correlation' },
  { kind: 'evidence', heading: 'Evidence' },
  { kind: 'barrier', heading: 'Barriers' },
  { kind: 'override', heading: 'Override' },
];

function inputText(value: InputChange['before']): string {
  if (!value) return '—';
  return value.share === undefined ? `score ${value.score}` : `score ${value.score}, ${value.share}% of time`;
}

/** Turns a document path into words a reader recognises ("tasks[\"Design\"].rationale" → "Task “Design”: rationale"). */
export function fieldLabel(path: string): string {
  const task = /^tasks\[("(?:[^"\\]|\\.)*")\]\.?(.*)$/.exec(path);
  if (task) {
    const name = JSON.parse(task[1] ?? '""') as string;
    return task[2] ? `Task “${name}”: ${task[2]}` : `Task “${name}”`;
  }
  return path;
}

function parseRevision(value: string | null): number | null | 'missing' {
  if (value === null || value.trim() === '') return 'missing';
  return /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null;
}

function problem(message: string, picker: RevisionPicker, base: Omit<DiffProblemView, 'message' | 'picker' | 'meta'>): DiffResult {
  return { status: 400, view: { ...base, meta: { title: `Compare revisions of ${base.title}`, description: message, canonicalPath: base.historyHref }, message, picker } };
}

const side = (revision: RevisionRecord) => ({ number: revision.number, dateText: formatDate(revision.publishedAt), author: revision.author, note: revision.note });

/** Builds the side-by-side diff between two revisions named in the address; a 400 page with the form for missing, malformed, unknown or equal numbers; 404 when no assessment was found. */
export function buildDiffView({ slug, seniority, entry }: AssessmentAt, query: { from: string | null; to: string | null }): DiffResult {
  if (!entry) return { status: 404, message: `No assessment is published at /roles/${slug}/${seniority}.` };
  const base = {
    title: entry.title,
    seniorityLabel: seniorityLabel(entry.seniority),
    assessmentHref: assessmentHref(entry.roleSlug, entry.seniority),
    historyHref: historyHref(entry.roleSlug, entry.seniority),
  };
  const from = parseRevision(query.from);
  const to = parseRevision(query.to);
  const numbers = entry.revisions.map((revision) => revision.number);
  const known = numbers.length === 1 ? `It has one revision, number ${numbers[0]}.` : `Its revisions are numbered ${numbers[0]} to ${numbers.at(-1)}.`;
  const picker = revisionPicker(entry, typeof from === 'number' ? from : undefined, typeof to === 'number' ? to : undefined);
  if (from === 'missing' || to === 'missing') return problem(`Choose two revisions to compare. ${known}`, picker, base);
  if (from === null || to === null) return problem(`Revisions are whole numbers, like “from=1&to=2”. ${known}`, picker, base);
  const before = entry.revisions.find((revision) => revision.number === from);
  const after = entry.revisions.find((revision) => revision.number === to);
  const unknown = [before ? null : from, after ? null : to].filter((value) => value !== null);
  if (!before || !after) return problem(`This assessment has no revision ${[...new Set(unknown)].join(' or ')}. ${known}`, picker, base);
  if (from === to) return problem(`Revision ${from} compared with itself shows no change: choose two different revisions. ${known}`, picker, base);

  const diff = diffRevisions({ revision: before.number, document: before.document, figures: before.figures }, { revision: after.number, document: after.document, figures: after.figures });
  const figures: FigureRow[] = [
    { label: 'AIJRI score', before: formatScore(diff.score.before), after: formatScore(diff.score.after), deltaText: formatDelta(diff.score.delta), changed: diff.score.delta !== 0 },
    { label: 'Formula score', before: formatScore(diff.formulaScore.before), after: formatScore(diff.formulaScore.after), deltaText: formatDelta(diff.formulaScore.delta), changed: diff.formulaScore.delta !== 0 },
    { label: 'Zone', before: diff.zone.before, after: diff.zone.after, deltaText: null, changed: diff.zone.changed },
    { label: 'Sub-label', before: diff.subLabel.before, after: diff.subLabel.after, deltaText: null, changed: diff.subLabel.changed },
    { label: 'Label', before: diff.label.before, after: diff.label.after, deltaText: null, changed: diff.label.changed },
  ];
  const inputGroups = GROUPS.map((group) => ({
    heading: group.heading,
    rows: diff.inputs.filter((input) => input.kind === group.kind).map((input) => ({ label: input.kind === 'task' ? input.key : input.label, change: input.change, before: inputText(input.before), after: inputText(input.after) })),
  })).filter((group) => group.rows.length > 0);
  return {
    status: 200,
    view: {
      ...base,
      meta: {
        title: `${entry.title} (${base.seniorityLabel}): revision ${from} → ${to}`,
        description: `What changed in the ${entry.title} assessment between revision ${from} and revision ${to}: AIJRI ${formatScore(diff.score.before)} → ${formatScore(diff.score.after)}.`,
        canonicalPath: `${base.assessmentHref}/changes?from=${from}&to=${to}`,
      },
      from: side(before),
      to: side(after),
      figures,
      inputGroups,
      text: diff.text.map((change) => ({ field: fieldLabel(change.path), before: change.before ?? '—', after: change.after ?? '—' })),
      picker,
    },
  };
}
