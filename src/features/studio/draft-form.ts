import { BARRIER_KEYS, EVIDENCE_KEYS, PROTECTIVE_KEYS, explainScore, methodologyOf, formatPath, scoreAssessment, validateAssessment, type Assessment } from '../../methodology/index.ts';

// Pure: the editor page renders with it and the live-score island runs the same code in the browser.

type Json = Record<string, unknown>;

/** How many evidence source rows a form shows beyond those filled in, so one can be added without JavaScript. */
export const EMPTY_SOURCE_ROWS = 1;
const MAX_TASKS = 60;
const MAX_SOURCES = 50;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function numberOrText(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

function textOrNothing(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function readProvenance(form: Map<string, string>, prefix: string): Json | undefined {
  const basis = textOrNothing(form.get(`${prefix}.provenance.basis`));
  if (!basis) return undefined;
  const provenance: Json = { basis, source: form.get(`${prefix}.provenance.source`) ?? '', confidence: form.get(`${prefix}.provenance.confidence`) || 'medium' };
  const detail = textOrNothing(form.get(`${prefix}.provenance.detail`));
  if (detail) provenance.detail = detail;
  return provenance;
}

function withoutUndefined(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}

function readJudged(form: Map<string, string>, prefix: string, previous: Json | undefined, textKey: 'rationale' | 'text'): Json {
  const next: Json = { ...(previous ?? {}) };
  if (form.has(`${prefix}.score`)) next.score = numberOrText(form.get(`${prefix}.score`));
  if (form.has(`${prefix}.${textKey}`)) next[textKey] = form.get(`${prefix}.${textKey}`) ?? '';
  if (form.has(`${prefix}.provenance.basis`)) next.provenance = readProvenance(form, prefix);
  return withoutUndefined(next);
}

function countOf(form: Map<string, string>, name: string, max: number): number {
  const count = Number(form.get(name));
  return Number.isInteger(count) && count >= 0 ? Math.min(count, max) : 0;
}

/**
 * Applies the editor form's fields (named by path: `tasks.0.share`, `evidence.wages.sources.1.url`)
 * to a draft document, keeping every part the form does not show. Values that are not numbers
 * stay text, so validation names them.
 */
export function applyDraftForm(document: unknown, entries: Iterable<[string, string]>): Json {
  const form = new Map<string, string>();
  for (const [name, value] of entries) if (!form.has(name)) form.set(name, value);
  const next = clone((document ?? {}) as Json);
  if (form.has('status')) next.status = form.get('status');
  if (form.has('role.title') || form.has('role.category')) {
    const role = { ...((next.role as Json | undefined) ?? {}) };
    if (form.has('role.title')) role.title = form.get('role.title');
    if (form.has('role.category')) role.category = form.get('role.category');
    next.role = role;
  }
  if (form.has('verdict')) next.verdict = textOrNothing(form.get('verdict'));
  if (form.has('tasks.count')) {
    const previous = (Array.isArray(next.tasks) ? next.tasks : []) as Json[];
    next.tasks = Array.from({ length: countOf(form, 'tasks.count', MAX_TASKS) }, (_, index) => {
      const prefix = `tasks.${index}`;
      const task = readJudged(form, prefix, previous[index], 'rationale');
      task.name = form.get(`${prefix}.name`) ?? task.name ?? '';
      const share = numberOrText(form.get(`${prefix}.share`));
      if (share !== undefined) task.share = share;
      return task;
    });
  }
  for (const [group, keys] of [['protective', PROTECTIVE_KEYS], ['barriers', BARRIER_KEYS]] as const) {
    const values = { ...((next[group] as Json | undefined) ?? {}) };
    for (const key of keys) values[key] = readJudged(form, `${group}.${key}`, values[key] as Json | undefined, 'rationale');
    next[group] = values;
  }
  next.growth = readJudged(form, 'growth', next.growth as Json | undefined, 'rationale');
  const evidence = { ...((next.evidence as Json | undefined) ?? {}) };
  for (const key of EVIDENCE_KEYS) {
    const prefix = `evidence.${key}`;
    const item = readJudged(form, prefix, evidence[key] as Json | undefined, 'text');
    if (form.has(`${prefix}.sources.count`)) {
      item.sources = Array.from({ length: countOf(form, `${prefix}.sources.count`, MAX_SOURCES) }, (_, index) => {
        const at = (field: string) => textOrNothing(form.get(`${prefix}.sources.${index}.${field}`));
        return withoutUndefined({ title: at('title'), url: at('url'), date: at('date'), quote: at('quote') });
      }).filter((source) => Object.keys(source).length > 0);
    }
    evidence[key] = item;
  }
  next.evidence = evidence;
  if (form.has('override.score')) {
    const score = numberOrText(form.get('override.score'));
    next.override = score === undefined ? null : { score, justification: form.get('override.justification') ?? '' };
  }
  return withoutUndefined(next);
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Scales task shares to sum to exactly 100 (two decimals), putting the rounding remainder on the largest task. */
export function rebalanceShares(shares: readonly number[]): number[] {
  const positive = shares.map((share) => (Number.isFinite(share) && share > 0 ? share : 0));
  const total = positive.reduce((sum, share) => sum + share, 0);
  if (positive.length === 0) return [];
  const scaled = total > 0 ? positive.map((share) => round2((share / total) * 100)) : positive.map(() => round2(100 / positive.length));
  const remainder = round2(100 - scaled.reduce((sum, share) => sum + share, 0));
  const largest = scaled.indexOf(Math.max(...scaled));
  scaled[largest] = round2((scaled[largest] ?? 0) + remainder);
  return scaled;
}

/** A task action a button of the editor form asks for: add, remove, move or rebalance. */
export type TaskAction = { kind: 'add' } | { kind: 'remove'; index: number } | { kind: 'up'; index: number } | { kind: 'down'; index: number } | { kind: 'rebalance' };

/** Reads a task action from the value of the button that sent the form ("remove-task:2"); null for a plain save. */
export function parseTaskAction(value: string | null | undefined): TaskAction | null {
  if (value === 'add-task') return { kind: 'add' };
  if (value === 'rebalance') return { kind: 'rebalance' };
  const match = /^(remove|up|down)-task:(\d{1,2})$/.exec(value ?? '');
  if (!match) return null;
  return { kind: match[1] as 'remove' | 'up' | 'down', index: Number(match[2]) };
}

/** Adds, removes, moves or rebalances tasks, keeping shares at 100: a new task takes half the last one's share; a removed task's share is spread over the rest. */
export function applyTaskAction(document: Json, action: TaskAction): Json {
  const tasks = clone((Array.isArray(document.tasks) ? document.tasks : []) as Json[]);
  const shares = () => tasks.map((task) => (typeof task.share === 'number' ? task.share : 0));
  const setShares = (values: number[]) => values.forEach((share, index) => tasks[index] && (tasks[index].share = share));
  if (action.kind === 'add' && tasks.length < MAX_TASKS) {
    const last = tasks.at(-1);
    const half = last && typeof last.share === 'number' ? round2(last.share / 2) : 100;
    if (last) last.share = round2((last.share as number) - half);
    tasks.push({ name: 'New task', share: half, score: 3, rationale: 'To be written.' });
  } else if (action.kind === 'remove' && tasks.length > 1 && action.index < tasks.length) {
    tasks.splice(action.index, 1);
    setShares(rebalanceShares(shares()));
  } else if (action.kind === 'up' && action.index > 0 && action.index < tasks.length) {
    const [task] = tasks.splice(action.index, 1);
    if (task) tasks.splice(action.index - 1, 0, task);
  } else if (action.kind === 'down' && action.index + 1 < tasks.length) {
    const [task] = tasks.splice(action.index, 1);
    if (task) tasks.splice(action.index + 1, 0, task);
  } else if (action.kind === 'rebalance') {
    setShares(rebalanceShares(shares()));
  }
  return { ...document, tasks };
}

/** The form field a validation problem belongs beside: `tasks[0].share` → `tasks.0.share`. */
export function fieldNameOf(path: readonly (string | number)[]): string {
  return path.join('.');
}

/** What the editor shows live: the headline figures, what moves the score, and each field's problem. */
export interface LiveScore {
  ok: boolean;
  score: number | null;
  zone: string | null;
  subLabel: string | null;
  label: string | null;
  band: { low: number; high: number; zoneStable: boolean } | null;
  movers: { label: string; up: number | null; down: number | null }[];
  shareTotal: number;
  problems: { field: string; path: string; message: string }[];
}

/** Validates and scores a draft document with the methodology engine; never throws. */
export function scoreDraft(document: unknown): LiveScore {
  const tasks = ((document as Json | null)?.tasks ?? []) as Json[];
  const shareTotal = round2(Array.isArray(tasks) ? tasks.reduce((sum, task) => sum + (typeof task.share === 'number' ? task.share : 0), 0) : 0);
  const result = validateAssessment(document);
  const problems = (result.ok ? result.problems : result.problems)
    .filter((problem) => problem.severity === 'error')
    .map((problem) => ({ field: fieldNameOf(problem.path), path: formatPath(problem.path) || 'document', message: problem.message }));
  if (!result.ok) return { ok: false, score: null, zone: null, subLabel: null, label: null, band: null, movers: [], shareTotal, problems };
  const assessment: Assessment = result.assessment;
  try {
    const definition = methodologyOf(assessment.methodology);
    const scored = scoreAssessment(assessment, definition);
    const explained = explainScore(assessment, definition);
    const movers = [...explained.sensitivity]
      .filter((entry) => entry.inFormula && entry.largestMove > 0)
      .sort((a, b) => b.largestMove - a.largestMove)
      .slice(0, 5)
      .map((entry) => ({ label: entry.label, up: entry.up?.delta ?? null, down: entry.down?.delta ?? null }));
    return { ok: problems.length === 0, score: scored.score, zone: scored.zone, subLabel: scored.subLabel, label: scored.label, band: explained.band, movers, shareTotal, problems };
  } catch (error) {
    return { ok: false, score: null, zone: null, subLabel: null, label: null, band: null, movers: [], shareTotal, problems: [...problems, { field: 'document', path: 'document', message: (error as Error).message }] };
  }
}
