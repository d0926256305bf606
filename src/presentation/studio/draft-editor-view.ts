import { CURRENT_METHODOLOGY, findMethodology, type MethodologyDefinition } from '../../methodology/index.ts';
import { EMPTY_SOURCE_ROWS, scoreDraft, type LiveScore } from '../../features/studio/draft-form.ts';
import type { DraftRecord } from '../../features/studio/drafts.repository.ts';

type Json = Record<string, unknown>;

/** One form control of the editor. */
export interface EditorField {
  name: string;
  label: string;
  kind: 'number' | 'text' | 'textarea' | 'select' | 'date' | 'url';
  value: string;
  options?: readonly { value: string; label: string }[];
  min?: number;
  max?: number;
  step?: number;
  problem?: string;
}

/** One fieldset of the editor: an input of the methodology with its provenance, or a task with its buttons. */
export interface EditorFieldset {
  id: string;
  legend: string;
  fields: EditorField[];
  hidden?: { name: string; value: string }[];
  buttons?: { value: string; label: string }[];
  /** Evidence sources, shown as a nested list of rows. */
  sources?: { legend: string; fields: EditorField[] }[];
}

/** Everything the editor page renders: the draft, its form and the live figures at load time. */
export interface DraftEditorView {
  draftId: number;
  version: number;
  heading: string;
  state: string;
  baseRevision: number;
  note: string;
  isCorrection: boolean;
  fieldsets: EditorFieldset[];
  live: LiveScore;
  document: Json;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

const PROVENANCE_BASES = [
  { value: '', label: 'not recorded' },
  { value: 'assessor', label: 'assessor judgement' },
  { value: 'data', label: 'data' },
  { value: 'default', label: 'neutral default' },
];
const CONFIDENCES = [
  { value: 'high', label: 'high' },
  { value: 'medium', label: 'medium' },
  { value: 'low', label: 'low' },
];

function provenanceFields(prefix: string, provenance: Json | undefined, problemOf: (name: string) => string | undefined): EditorField[] {
  const field = (name: string, label: string, kind: EditorField['kind'], value: unknown, options?: EditorField['options']): EditorField => {
    const full = `${prefix}.provenance.${name}`;
    const problem = problemOf(full);
    return { name: full, label, kind, value: text(value), ...(options ? { options } : {}), ...(problem ? { problem } : {}) };
  };
  return [
    field('basis', 'Provenance', 'select', provenance?.basis, PROVENANCE_BASES),
    field('source', 'Provenance source', 'text', provenance?.source),
    field('confidence', 'Confidence', 'select', provenance?.confidence ?? 'medium', CONFIDENCES),
    field('detail', 'Provenance detail', 'text', provenance?.detail),
  ];
}

/**
 * The methodology whose ranges and labels the editor's form shows: the one the draft names. A draft
 * naming no version is written for the current one (the schema's default); one naming an unknown
 * version is shown with the current ranges while validation reports the version beside its field.
 */
export function editorMethodologyOf(draft: Pick<DraftRecord, 'document'>): MethodologyDefinition {
  const named = (draft.document as Json | null)?.methodology;
  return (typeof named === 'string' ? findMethodology(named) : undefined) ?? CURRENT_METHODOLOGY;
}

/** Builds the editor's form from a draft, with each validation problem beside its field. */
export function buildDraftEditorView(draft: DraftRecord, definition: MethodologyDefinition): DraftEditorView {
  const document = draft.document as Json;
  const live = scoreDraft(document);
  const problems = new Map<string, string>();
  for (const problem of live.problems) if (!problems.has(problem.field)) problems.set(problem.field, problem.message);
  const problemOf = (name: string) => problems.get(name);
  const make = (name: string, label: string, kind: EditorField['kind'], value: unknown, extra: Partial<EditorField> = {}): EditorField => {
    const problem = problemOf(name);
    return { name, label, kind, value: text(value), ...extra, ...(problem ? { problem } : {}) };
  };
  const { ranges } = definition;
  const scoreOptions = (range: { min: number; max: number }) => ({ min: range.min, max: range.max, step: 1 });
  const role = (document.role ?? {}) as Json;
  const fieldsets: EditorFieldset[] = [
    {
      id: 'about',
      legend: 'About this assessment',
      fields: [
        make('status', 'Status', 'select', document.status, { options: [{ value: 'expert', label: 'expert assessment' }, { value: 'baseline', label: 'data-derived baseline' }] }),
        make('role.title', 'Job title', 'text', role.title),
        make('role.category', 'Category', 'text', role.category),
        make('verdict', 'Verdict', 'textarea', document.verdict),
      ],
      hidden: [{ name: 'tasks.count', value: String(Array.isArray(document.tasks) ? document.tasks.length : 0) }],
    },
  ];
  const tasks = (Array.isArray(document.tasks) ? document.tasks : []) as Json[];
  tasks.forEach((task, index) => {
    const prefix = `tasks.${index}`;
    fieldsets.push({
      id: `task-${index}`,
      legend: `Task ${index + 1}`,
      fields: [
        make(`${prefix}.name`, 'Task', 'text', task.name),
        make(`${prefix}.share`, 'Share of time (%)', 'number', task.share, { min: 0, max: 100, step: 0.01 }),
        make(`${prefix}.score`, 'Task score (1–5)', 'number', task.score, scoreOptions(ranges.taskScore)),
        make(`${prefix}.rationale`, 'Rationale', 'textarea', task.rationale),
        ...provenanceFields(prefix, task.provenance as Json | undefined, problemOf),
      ],
      buttons: [
        ...(index > 0 ? [{ value: `up-task:${index}`, label: `Move task ${index + 1} up` }] : []),
        ...(index + 1 < tasks.length ? [{ value: `down-task:${index}`, label: `Move task ${index + 1} down` }] : []),
        ...(tasks.length > 1 ? [{ value: `remove-task:${index}`, label: `Remove task ${index + 1}` }] : []),
      ],
    });
  });
  const judgedFieldset = (group: 'protective' | 'barriers', key: string, label: string, range: { min: number; max: number }) => {
    const prefix = `${group}.${key}`;
    const value = ((document[group] ?? {}) as Json)[key] as Json | undefined;
    fieldsets.push({
      id: prefix.replace('.', '-'),
      legend: label,
      fields: [make(`${prefix}.score`, `Score (${range.min}–${range.max})`, 'number', value?.score, scoreOptions(range)), make(`${prefix}.rationale`, 'Rationale', 'textarea', value?.rationale), ...provenanceFields(prefix, value?.provenance as Json | undefined, problemOf)],
    });
  };
  for (const { key, label } of definition.protective) judgedFieldset('protective', key, `Protective: ${label}`, ranges.protective);
  const growth = (document.growth ?? {}) as Json;
  fieldsets.push({
    id: 'growth',
    legend: 'Growth correlation',
    fields: [make('growth.score', `Score (${ranges.growth.min}–${ranges.growth.max})`, 'number', growth.score, scoreOptions(ranges.growth)), make('growth.rationale', 'Rationale', 'textarea', growth.rationale), ...provenanceFields('growth', growth.provenance as Json | undefined, problemOf)],
  });
  for (const { key, label } of definition.evidence) {
    const prefix = `evidence.${key}`;
    const item = ((document.evidence ?? {}) as Json)[key] as Json | undefined;
    const sources = (Array.isArray(item?.sources) ? item.sources : []) as Json[];
    const rows = [...sources, ...Array.from({ length: EMPTY_SOURCE_ROWS }, () => ({}) as Json)];
    fieldsets.push({
      id: `evidence-${key}`,
      legend: `Evidence: ${label}`,
      fields: [make(`${prefix}.score`, `Score (${ranges.evidence.min}–${ranges.evidence.max})`, 'number', item?.score, scoreOptions(ranges.evidence)), make(`${prefix}.text`, 'Evidence', 'textarea', item?.text), ...provenanceFields(prefix, item?.provenance as Json | undefined, problemOf)],
      hidden: [{ name: `${prefix}.sources.count`, value: String(rows.length) }],
      sources: rows.map((source, index) => ({
        legend: index < sources.length ? `Source ${index + 1}` : 'Add a source',
        fields: [
          make(`${prefix}.sources.${index}.title`, 'Title', 'text', source.title),
          make(`${prefix}.sources.${index}.url`, 'URL', 'url', source.url),
          make(`${prefix}.sources.${index}.date`, 'Date', 'date', source.date),
          make(`${prefix}.sources.${index}.quote`, 'Quote', 'textarea', source.quote),
        ],
      })),
    });
  }
  for (const { key, label } of definition.barriers) judgedFieldset('barriers', key, `Barrier: ${label}`, ranges.barrier);
  const override = document.override as Json | null | undefined;
  fieldsets.push({
    id: 'override',
    legend: 'Override (leave the score empty to use the formula)',
    fields: [make('override.score', 'Final score (0–100)', 'number', override?.score, { min: 0, max: 100, step: 0.1 }), make('override.justification', 'Justification', 'textarea', override?.justification)],
  });
  return {
    draftId: draft.id,
    version: draft.version,
    heading: `${draft.title} (${draft.seniority})`,
    state: draft.state,
    baseRevision: draft.baseRevision,
    note: draft.note,
    isCorrection: draft.isCorrection,
    fieldsets,
    live,
    document,
  };
}
