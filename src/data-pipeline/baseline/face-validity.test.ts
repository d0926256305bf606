import { describe, expect, it } from 'vitest';
import { methodologyOf, scoreAssessment, type ScoreResult } from '../../methodology/index.ts';
import { readCommittedCatalog } from '../committed-catalog.ts';
import { ORDER_CHECKS, ZONE_CHECKS } from './face-validity-checks.ts';

/**
 * Face validity of the committed baselines: orderings and zones that an informed reader of each field
 * holds, written down before the mapping was tuned (issue 11). Each check carries its reasoning; a
 * mapping change that breaks one must be argued against that reasoning, not fixed by editing the row.
 */

const catalog = await readCommittedCatalog();
const results = new Map(catalog.baselines.map((baseline) => [baseline.onetCode, { title: baseline.assessment.role.title, result: scoreAssessment(baseline.assessment, methodologyOf(baseline.assessment.methodology)) }]));

function resultOf(code: string): { title: string; result: ScoreResult } {
  const found = results.get(code);
  if (!found) throw new Error(`no baseline for ${code} in catalog/baselines.jsonl`);
  return found;
}

const describeResult = (code: string) => {
  const { title, result } = resultOf(code);
  return `${code} ${title}: ${result.score.toFixed(1)} ${result.label}`;
};

/**
 * Expectations baseline method 2 does not meet, each with why. They stay in the suite as expected failures: a test
 * fails as soon as one of them holds (then move it back among the checks) and every other check must hold.
 * Decided after tuning (issue 11); the lead reviews this list.
 */
const KNOWN_GAPS: Readonly<Record<string, string>> = {
  // None since ADR 0093 (licensed sign-off against practice on orders, expert consensus only where the independent sources
  // lean the same way, projected growth leans one point at most). The seven physician and surgeon orderings listed here
  // before it now hold; docs/adr/0093-*.md gives the figures before and after.
};

function expectOrGap(key: string, holds: boolean, explain: string): void {
  const gap = KNOWN_GAPS[key];
  if (gap === undefined) expect(holds, explain).toBe(true);
  else expect(holds, `${explain} — now holds: remove "${key}" from KNOWN_GAPS`).toBe(false);
}

describe('face validity of the data-derived baselines (orderings informed readers hold)', () => {
  it.each(ZONE_CHECKS.map((check) => [describeResult(check.code), check] as const))('%s', (_name, check) => {
    const { result } = resultOf(check.code);
    const names = [result.zone, result.label];
    const explain = `${describeResult(check.code)} — ${check.why}`;
    const holds =
      (check.accept === undefined || check.accept.some((name) => names.includes(name))) &&
      (check.reject === undefined || !check.reject.some((name) => names.includes(name))) &&
      (check.atLeast === undefined || result.score >= check.atLeast);
    expectOrGap(`${check.code} ${check.accept?.join('/') ?? 'zone'}`, holds, explain);
  });

  it.each(ORDER_CHECKS.map((check) => [`${describeResult(check.higher)} ≥ ${describeResult(check.lower)}`, check] as const))('%s', (_name, check) => {
    const holds = resultOf(check.higher).result.score >= resultOf(check.lower).result.score;
    expectOrGap(`${check.higher} ≥ ${check.lower}`, holds, `${describeResult(check.higher)} should not be below ${describeResult(check.lower)} — ${check.why}`);
  });

  it('list only known gaps that belong to a check', () => {
    const keys = new Set([
      ...ZONE_CHECKS.map((check) => `${check.code} ${check.accept?.join('/') ?? 'zone'}`),
      ...ORDER_CHECKS.map((check) => `${check.higher} ≥ ${check.lower}`),
    ]);
    expect(Object.keys(KNOWN_GAPS).filter((key) => !keys.has(key))).toEqual([]);
  });
});
