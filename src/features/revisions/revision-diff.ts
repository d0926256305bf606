import { BARRIER_KEYS, EVIDENCE_KEYS, PROTECTIVE_KEYS, methodologyOf, type Assessment, type SubLabel, type Zone } from '../../methodology/index.ts';
import type { ScoreJson } from '../catalog/catalog.schemas.ts';

/** What a diff compares: a revision's number, document and stored figures. */
export interface DiffSide {
  revision: number;
  document: Assessment;
  figures: ScoreJson;
}

/** One scoring input that a revision added, removed or changed. */
export interface InputChange {
  kind: 'task' | 'protective' | 'growth' | 'evidence' | 'barrier' | 'override';
  /** The task name or the dimension key ("jobPostings"). */
  key: string;
  label: string;
  change: 'added' | 'removed' | 'changed';
  before: { score: number; share?: number } | null;
  after: { score: number; share?: number } | null;
}

/** One text field that differs, by its path in the document (tasks are addressed by name). */
export interface TextChange {
  path: string;
  before: string | null;
  after: string | null;
}

/** Everything that differs between two revisions: headline figures, scoring inputs and text, side by side. */
export interface RevisionDiff {
  from: number;
  to: number;
  score: { before: number; after: number; delta: number };
  formulaScore: { before: number; after: number; delta: number };
  zone: { before: Zone; after: Zone; changed: boolean };
  subLabel: { before: SubLabel; after: SubLabel; changed: boolean };
  label: { before: string; after: string; changed: boolean };
  inputs: InputChange[];
  text: TextChange[];
}

const delta = (before: number, after: number) => Math.round((after - before) * 10) / 10;

function taskChanges(before: Assessment, after: Assessment): InputChange[] {
  const nameKey = (name: string) => name.trim().toLowerCase();
  const old = new Map(before.tasks.map((task) => [nameKey(task.name), task]));
  const changes: InputChange[] = [];
  for (const task of after.tasks) {
    const previous = old.get(nameKey(task.name));
    old.delete(nameKey(task.name));
    const now = { score: task.score, share: task.share };
    if (!previous) changes.push({ kind: 'task', key: task.name, label: `Task: ${task.name}`, change: 'added', before: null, after: now });
    else if (previous.score !== task.score || previous.share !== task.share)
      changes.push({ kind: 'task', key: task.name, label: `Task: ${task.name}`, change: 'changed', before: { score: previous.score, share: previous.share }, after: now });
  }
  for (const task of old.values()) changes.push({ kind: 'task', key: task.name, label: `Task: ${task.name}`, change: 'removed', before: { score: task.score, share: task.share }, after: null });
  return changes;
}

function dimensionChanges<K extends string>(
  kind: InputChange['kind'],
  keys: readonly K[],
  labels: readonly { key: K; label: string }[],
  before: Record<K, { score: number }>,
  after: Record<K, { score: number }>,
): InputChange[] {
  return keys
    .filter((key) => before[key].score !== after[key].score)
    .map((key) => ({
      kind,
      key,
      label: labels.find((dimension) => dimension.key === key)?.label ?? key,
      change: 'changed' as const,
      before: { score: before[key].score },
      after: { score: after[key].score },
    }));
}

function overrideChange(before: Assessment, after: Assessment): InputChange[] {
  const old = before.override;
  const now = after.override;
  if (old?.score === now?.score) return [];
  const change = old === null ? 'added' : now === null ? 'removed' : 'changed';
  return [{ kind: 'override', key: 'override', label: 'Assessor override', change, before: old ? { score: old.score } : null, after: now ? { score: now.score } : null }];
}

/** Lists the scoring inputs that differ between two documents: tasks (by name), protective principles, growth, evidence, barriers, override. */
export function diffInputs(before: Assessment, after: Assessment): InputChange[] {
  // Inputs are named as the newer document's methodology names them.
  const definition = methodologyOf(after.methodology);
  return [
    ...taskChanges(before, after),
    ...dimensionChanges('protective', PROTECTIVE_KEYS, definition.protective, before.protective, after.protective),
    ...(before.growth.score === after.growth.score
      ? []
      : [{ kind: 'growth' as const, key: 'growth', label: definition.growthLabel, change: 'changed' as const, before: { score: before.growth.score }, after: { score: after.growth.score } }]),
    ...dimensionChanges('evidence', EVIDENCE_KEYS, definition.evidence, before.evidence, after.evidence),
    ...dimensionChanges('barrier', BARRIER_KEYS, definition.barriers, before.barriers, after.barriers),
    ...overrideChange(before, after),
  ];
}

// Scoring inputs are reported by diffInputs; the text diff leaves them out.
const SCORING_LEAF = /^(tasks\[.*\]\.(share|score)|(protective|evidence|barriers)\.\w+\.score|growth\.score|override\.score)$/;

type Leaves = Map<string, string>;

function collectLeaves(value: unknown, path: string, leaves: Leaves): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') {
    leaves.set(path, String(value));
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectLeaves(item, `${path}[${index}]`, leaves));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    // Tasks are matched by name so that inserting one does not make every later task look changed.
    if (path === '' && key === 'tasks' && Array.isArray(child)) {
      for (const task of child as { name: string }[]) collectLeaves(task, `tasks[${JSON.stringify(task.name)}]`, leaves);
      continue;
    }
    collectLeaves(child, path ? `${path}.${key}` : key, leaves);
  }
}

/** Lists the text fields that differ between two documents, by path, with both values. */
export function diffText(before: Assessment, after: Assessment): TextChange[] {
  const old: Leaves = new Map();
  const now: Leaves = new Map();
  collectLeaves(before, '', old);
  collectLeaves(after, '', now);
  // In the order of the newer document, then fields it no longer has.
  const paths = [...new Set([...now.keys(), ...old.keys()])];
  return paths
    .filter((path) => !SCORING_LEAF.test(path) && old.get(path) !== now.get(path))
    .map((path) => ({ path, before: old.get(path) ?? null, after: now.get(path) ?? null }));
}

/** Compares two revisions: headline figures, every scoring input that changed, and every text change side by side. */
export function diffRevisions(a: DiffSide, b: DiffSide): RevisionDiff {
  return {
    from: a.revision,
    to: b.revision,
    score: { before: a.figures.score, after: b.figures.score, delta: delta(a.figures.score, b.figures.score) },
    formulaScore: { before: a.figures.formulaScore, after: b.figures.formulaScore, delta: delta(a.figures.formulaScore, b.figures.formulaScore) },
    zone: { before: a.figures.zone, after: b.figures.zone, changed: a.figures.zone !== b.figures.zone },
    subLabel: { before: a.figures.subLabel, after: b.figures.subLabel, changed: a.figures.subLabel !== b.figures.subLabel },
    label: { before: a.figures.label, after: b.figures.label, changed: a.figures.label !== b.figures.label },
    inputs: diffInputs(a.document, b.document),
    text: diffText(a.document, b.document),
  };
}
