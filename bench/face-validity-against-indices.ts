/**
 * The face-validity orderings of issue 11 against each modern exposure index (ADR 0094): which orderings each index
 * itself agrees with, and the Spearman ρ a ranking could keep if it followed the index everywhere except where the
 * checks force a move (method 2's score distribution assigned in the index's order; each failing occupation then moved
 * to the nearest score that satisfies its check, and a "higher" below its "lower" raised to it, until all hold: a
 * feasible ranking, so a lower bound on the best ρ the checks allow); then each input changed alone (held at 0, leaning
 * one way only, or the task rule changed) with its ρ, quick-screen agreement, zones and the checks that fail. Occupations an index does not cover keep their
 * method-2 place. Reads only the committed catalog; prints Markdown.
 *
 *   node bench/face-validity-against-indices.ts
 */
import { join } from 'node:path';
import { methodologyOf, scoreAssessment, type Assessment } from '../src/methodology/index.ts';
import { readJsonLines, REPOSITORY_ROOT } from '../src/data-pipeline/committed-catalog.ts';
import { BaselineRecordSchema, OccupationRecordSchema } from '../src/data-pipeline/catalog-records.ts';
import { spearman } from '../src/data-pipeline/report/spearman.ts';
import { ORDER_CHECKS, ZONE_CHECKS, type ZoneCheck } from '../src/data-pipeline/baseline/face-validity-checks.ts';

const baselines = await readJsonLines(join(REPOSITORY_ROOT, 'catalog', 'baselines.jsonl'), BaselineRecordSchema);
const occupations = new Map((await readJsonLines(join(REPOSITORY_ROOT, 'catalog', 'occupations.jsonl'), OccupationRecordSchema)).map((record) => [record.onetCode, record]));
const KEYS = ['eloundou-2023-human-beta', 'eloundou-2023-gpt4-beta', 'felten-2021-aioe', 'felten-2023-lm-aioe', 'microsoft-2025-ai-applicability'];
const idx = (code: string, key: string) => occupations.get(code)?.indices.find((item) => item.index === key)?.value;

// The suite's own checks (their reasons are in the module); pairs read higher, lower.
const ZONE: readonly ZoneCheck[] = ZONE_CHECKS;
const ORDER: [string, string][] = ORDER_CHECKS.map((check) => [check.higher, check.lower]);

const results = new Map(baselines.map(({ onetCode, assessment }) => [onetCode, scoreAssessment(assessment, methodologyOf(assessment.methodology))]));
const sortedScores = [...results.values()].map((r) => r.score).sort((a, b) => a - b);
const n = sortedScores.length;
const m2pct = new Map([...results].map(([c, r]) => [c, r.score]));
const title = new Map(baselines.map((b) => [b.onetCode, b.assessment.role.title]));
// 1. Does each index agree with each ordering the readers hold?
console.log('\n| ordering (higher ≥ lower resistance) | ' + KEYS.map((k) => k.replace('eloundou-2023-', '').replace('-2021', '').replace('-2023', '').replace('-2025-ai-applicability', '')).join(' | ') + ' | method 2 |');
console.log('|---|' + KEYS.map(() => ':-:').join('|') + '|:-:|');
const agreeCount = KEYS.map(() => 0);
for (const [h, l] of ORDER) {
  const cells = KEYS.map((k, i) => { const a = idx(h, k), b = idx(l, k); if (a === undefined || b === undefined) return '–'; const ok = a <= b; if (ok) agreeCount[i]! += 1; return ok ? 'yes' : '**no**'; });
  console.log(`| ${title.get(h)} ≥ ${title.get(l)} | ${cells.join(' | ')} | ${results.get(h)!.score >= results.get(l)!.score ? 'yes' : 'no'} |`);
}
console.log(`| **orderings the index agrees with (of ${ORDER.length})** | ${agreeCount.join(' | ')} | ${ORDER.length} |`);
// 2. Zone checks as the index would rank them (the method-2 score distribution assigned in the index's order).
function zoneOk(code: string, score: number) {
  const c = ZONE.filter((z) => z.code === code); if (!c.length) return true;
  const r = results.get(code)!; const zone = score >= 48 ? 'Green' : score >= 25 ? 'Yellow' : 'Red';
  const label = zone === 'Yellow' ? (r.shareAtLeast4 >= 40 ? 'Yellow (Urgent)' : 'Yellow (Moderate)') : zone;
  return c.every((z) => { const names = [zone, label]; return (!z.accept || z.accept.some((x) => names.includes(x))) && (!z.reject || !z.reject.some((x) => names.includes(x))) && (z.atLeast === undefined || score >= z.atLeast); });
}

console.log('\n| index | checks failed by the index order (zone / order) | occupations whose score must move | ρ of the index order after the nearest-score moves that satisfy every check |');
console.log('|---|---:|---:|---:|');
for (const k of KEYS) {
  const codes = baselines.map((b) => b.onetCode);
  const covered = codes.filter((c) => idx(c, k) !== undefined);
  const exp = covered.map((c) => idx(c, k)!).sort((a, b) => a - b);
  const pseudo = (c: string) => { const v = idx(c, k); if (v !== undefined) return v; const sc = m2pct.get(c)!; const p = sortedScores.filter((x) => x < sc).length / n; return exp[Math.floor((1 - p) * (exp.length - 1))]!; };
  const order = [...codes].sort((a, b) => pseudo(b) - pseudo(a) || a.localeCompare(b));
  const s = new Map(order.map((c, i) => [c, sortedScores[i]!]));
  const zoneFails = ZONE.filter((z) => !zoneOk(z.code, s.get(z.code)!)).length;
  const orderFails = ORDER.filter(([h, l]) => s.get(h)! < s.get(l)!).length;
  const moved = new Set<string>();
  for (let round = 0; round < 100; round += 1) {
    let changed = false;
    for (const z of ZONE) {
      const v = s.get(z.code)!; if (zoneOk(z.code, v)) continue;
      const candidates = [48, 47.9, 40, 25, 24.9].filter((t) => zoneOk(z.code, t)).sort((a, b) => Math.abs(a - v) - Math.abs(b - v));
      s.set(z.code, candidates[0]!); moved.add(z.code); changed = true;
    }
    for (const [h, l] of ORDER) if (s.get(h)! < s.get(l)!) {
      // raise the higher to the lower, unless that breaks its zone check; then lower the lower
      if (zoneOk(h, s.get(l)!)) { s.set(h, s.get(l)!); moved.add(h); } else { s.set(l, s.get(h)!); moved.add(l); }
      changed = true;
    }
    if (!changed) break;
  }
  const left = ZONE.filter((z) => !zoneOk(z.code, s.get(z.code)!)).length + ORDER.filter(([h, l]) => s.get(h)! < s.get(l)!).length;
  const r1 = spearman(covered.map((c) => s.get(c)!), covered.map((c) => -idx(c, k)!))!;
  console.log(`| ${k} | ${zoneFails} / ${orderFails} | ${moved.size} | ${(-r1).toFixed(3)}${left ? ' (still failing ' + left + ')' : ''} |`);
}

type R = { code: string; score: number; zone: string; label: string; qs: boolean };
function evaluate(name: string, modify: (code: string, a: Assessment) => Assessment) {
  const rs: R[] = baselines.map(({ onetCode, assessment }) => {
    const modified = modify(onetCode, assessment);
    const r = scoreAssessment(modified, methodologyOf(modified.methodology));
    return { code: onetCode, score: r.score, zone: r.zone, label: r.label, qs: r.quickScreen.agrees };
  });
  const by = new Map(rs.map((r) => [r.code, r]));
  const fails: string[] = [];
  for (const c of ZONE) {
    const r = by.get(c.code)!; const names = [r.zone, r.label];
    const ok = (!c.accept || c.accept.some((n) => names.includes(n))) && (!c.reject || !c.reject.some((n) => names.includes(n))) && (c.atLeast === undefined || r.score >= c.atLeast);
    if (!ok) fails.push(`${c.code} ${r.score} ${r.label}`);
  }
  for (const [h, l] of ORDER) if (by.get(h)!.score < by.get(l)!.score) fails.push(`${h} ${by.get(h)!.score} < ${l} ${by.get(l)!.score}`);
  const rho = KEYS.map((k) => { const p = rs.filter((r) => idx(r.code, k) !== undefined); return spearman(p.map((r) => r.score), p.map((r) => idx(r.code, k)!))!.toFixed(3); });
  const zones = ['Green', 'Yellow', 'Red'].map((z) => rs.filter((r) => r.zone === z).length).join('/');
  console.log(`| ${name} | ${rho.join(' | ')} | ${rs.filter((r) => r.qs).length} | ${zones} | ${fails.length ? fails.length + ': ' + fails.slice(0, 4).join('; ') : 'all hold'} |`);
}
const ev = (key: keyof Assessment['evidence'], f: (s: number, a: Assessment, code: string) => number) => (code: string, a: Assessment) => ({ ...a, evidence: { ...a.evidence, [key]: { ...a.evidence[key], score: f(a.evidence[key].score, a, code) } } });
const bar = (key: keyof Assessment['barriers'], f: (s: number, code: string) => number) => (code: string, a: Assessment) => ({ ...a, barriers: { ...a.barriers, [key]: { ...a.barriers[key], score: f(a.barriers[key].score, code) } } });
console.log('\n## Each input changed alone: ρ, quick-screen agreement, zones and the face-validity checks\n');
console.log('| variant | human β | GPT-4 β | AIOE | LM-AIOE | Microsoft | QS agrees | G/Y/R | face validity |');
console.log('|---|---:|---:|---:|---:|---:|---:|---|---|');
evaluate('as committed', (_c, a) => a);
evaluate('projections at 0', ev('jobPostings', () => 0));
evaluate('projections: declines only', ev('jobPostings', (s) => Math.min(0, s)));
evaluate('growth correlation at 0', (_c, a) => ({ ...a, growth: { ...a.growth, score: 0 } }));
evaluate('union at 0', bar('union', () => 0));
evaluate('union at 1 (neutral) ', bar('union', () => 1));
evaluate('cultural at 0', bar('cultural', () => 0));
evaluate('regulatory at 0', bar('regulatory', () => 0));
evaluate('liability at 0', bar('liability', () => 0));
evaluate('tool maturity at 0', ev('toolMaturity', () => 0));
evaluate('tool maturity: hand-over side only', ev('toolMaturity', (s) => Math.min(0, s)));
evaluate('wages at 0', ev('wages', () => 0));
// Task-rule variants, recomputed from each task's rationale (GPT-4 level, human label, physical-automation floor): the
// first must reproduce the committed scores, which checks the parsing.
const parse = (text: string) => {
  const g = Number(/GPT-4: T(\d)/.exec(text)![1]) + 1;
  const h = /humans: E(\d)/.exec(text)?.[1];
  const phys = /: (\d)\.$/.exec(text) && !/caps at \d\.$/.test(text) ? Number(/: (\d)\.$/.exec(text)![1]) : 0;
  return { g, h: h ?? '', phys };
};
const taskRule = (rule: (g: number, h: string, text: string) => number) => (_c: string, a: Assessment) => {
  const tasks = a.tasks.map((t) => { const p = parse(t.rationale ?? ''); const base = rule(p.g, p.h, t.rationale ?? ''); const score = Math.max(base, p.phys); return { ...t, score, impact: score !== t.score ? undefined : t.impact }; });
  return { ...a, tasks };
};
const current = (g: number, h: string, text: string) => h === '0' ? Math.min(g, g <= 2 ? 1 : 2) : (/caps at 3/.test(text) ? Math.min(g, 3) : g);
evaluate('task rule recomputed from the rationales (must equal the committed row)', taskRule(current));
evaluate('human E0 where GPT-4 says T2–T4: cap 3 instead of 2', taskRule((g, h, t) => (h === '0' ? Math.min(g, g <= 2 ? 1 : 3) : current(g, h, t))));
evaluate('GPT-4 level alone (no human caps)', taskRule((g) => g));
