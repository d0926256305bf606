import { methodologyOf, scoreAssessment, type Assessment } from '../../methodology/index.ts';

/** The method version of a baseline: written on it since baseline-2; the first catalog carried none. */
export function baselineMethodOf(assessment: Pick<Assessment, 'baselineMethod'>): string {
  return assessment.baselineMethod?.version ?? 'baseline-1';
}

/** One judgement input that moved between two versions of an assessment. */
export interface MovedInput {
  input: string;
  before: number | null;
  after: number | null;
}

/** The headline figures of an assessment. */
export interface Headline {
  score: number;
  zone: string;
  label: string;
}

const headline = (assessment: Assessment): Headline => {
  const result = scoreAssessment(assessment, methodologyOf(assessment.methodology));
  return { score: result.score, zone: result.zone, label: result.label };
};

const GROUPS = ['protective', 'barriers', 'evidence'] as const;

/** Lists the judgement inputs that differ: task exposure (weighted mean task score), protective principles, growth, evidence and barriers. */
export function movedInputs(before: Assessment, after: Assessment): MovedInput[] {
  const moved: MovedInput[] = [];
  const exposureBefore = scoreAssessment(before, methodologyOf(before.methodology)).taskExposure;
  const exposureAfter = scoreAssessment(after, methodologyOf(after.methodology)).taskExposure;
  if (exposureBefore !== exposureAfter) moved.push({ input: 'task exposure', before: exposureBefore, after: exposureAfter });
  for (const group of GROUPS) {
    const a = before[group] as Record<string, { score: number }>;
    const b = after[group] as Record<string, { score: number }>;
    for (const key of Object.keys({ ...a, ...b })) {
      const from = a[key]?.score ?? null;
      const to = b[key]?.score ?? null;
      if (from !== to) moved.push({ input: `${group}.${key}`, before: from, after: to });
    }
  }
  if (before.growth.score !== after.growth.score) moved.push({ input: 'growth', before: before.growth.score, after: after.growth.score });
  return moved;
}

/** Writes moved inputs as "barriers.regulatory 1→2, task exposure 2.85→2.29". */
export function describeMoved(moved: readonly MovedInput[]): string {
  return moved.length === 0 ? 'no judgement input moved (texts or sources only)' : moved.map((item) => `${item.input} ${item.before ?? '–'}→${item.after ?? '–'}`).join(', ');
}

/** The entry of one occupation in a catalog diff. */
export interface BaselineDiffEntry {
  onetCode: string;
  title: string;
  change: 'changed' | 'added' | 'removed';
  methodBefore: string | null;
  methodAfter: string | null;
  before: Headline | null;
  after: Headline | null;
  moved: MovedInput[];
}

/** Compares two sets of baselines by O*NET code; unchanged ones are left out. Entries come in code order. */
export function diffBaselines(
  before: readonly { onetCode: string; assessment: Assessment }[],
  after: readonly { onetCode: string; assessment: Assessment }[],
): BaselineDiffEntry[] {
  const old = new Map(before.map((record) => [record.onetCode, record.assessment]));
  const fresh = new Map(after.map((record) => [record.onetCode, record.assessment]));
  const codes = [...new Set([...old.keys(), ...fresh.keys()])].sort();
  const entries: BaselineDiffEntry[] = [];
  for (const onetCode of codes) {
    const a = old.get(onetCode);
    const b = fresh.get(onetCode);
    if (a && b) {
      if (canonicalJson(a) === canonicalJson(b)) continue;
      entries.push({ onetCode, title: b.role.title, change: 'changed', methodBefore: baselineMethodOf(a), methodAfter: baselineMethodOf(b), before: headline(a), after: headline(b), moved: movedInputs(a, b) });
    } else if (b) entries.push({ onetCode, title: b.role.title, change: 'added', methodBefore: null, methodAfter: baselineMethodOf(b), before: null, after: headline(b), moved: [] });
    else if (a) entries.push({ onetCode, title: a.role.title, change: 'removed', methodBefore: baselineMethodOf(a), methodAfter: null, before: headline(a), after: null, moved: [] });
  }
  return entries;
}

/** JSON with object keys sorted, so documents that differ only in key order (JSONB) compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** The revision note of a baseline republished by a newer method: the versions, the headline move and the inputs that moved. */
export function republishNote(before: Assessment, after: Assessment): string {
  const from = headline(before);
  const to = headline(after);
  const methods = baselineMethodOf(before) === baselineMethodOf(after) ? `Baseline method ${baselineMethodOf(after)} (rebuilt)` : `Baseline method ${baselineMethodOf(after)} replaces ${baselineMethodOf(before)}`;
  return `Data-derived baseline, not reviewed. ${methods}: ${from.score.toFixed(1)} ${from.label} → ${to.score.toFixed(1)} ${to.label}; inputs moved: ${describeMoved(movedInputs(before, after))}. See docs/baseline-method.md.`;
}
