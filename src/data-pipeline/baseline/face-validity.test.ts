import { describe, expect, it } from 'vitest';
import { scoreAssessment, type ScoreResult } from '../../methodology/index.ts';
import { readCommittedCatalog } from '../committed-catalog.ts';

/**
 * Face validity of the committed baselines: orderings and zones that an informed reader of each field
 * holds, written down before the mapping was tuned (issue 11). Each check carries its reasoning; a
 * mapping change that breaks one must be argued against that reasoning, not fixed by editing the row.
 */

const catalog = await readCommittedCatalog();
const results = new Map(catalog.baselines.map((baseline) => [baseline.onetCode, { title: baseline.assessment.role.title, result: scoreAssessment(baseline.assessment) }]));

function resultOf(code: string): { title: string; result: ScoreResult } {
  const found = results.get(code);
  if (!found) throw new Error(`no baseline for ${code} in catalog/baselines.jsonl`);
  return found;
}

const PHYSICIANS = { family: '29-1215.00', internist: '29-1216.00', psychiatrist: '29-1223.00', emergency: '29-1214.00' };
const SURGEONS = { orthopedic: '29-1242.00', pediatric: '29-1243.00' };
const NURSING = { registered: '29-1141.00', practical: '29-2061.00', medicalAssistant: '31-9092.00' };
const AVIATION = { airlinePilot: '53-2011.00', commercialPilot: '53-2012.00', airTrafficController: '53-2021.00' };
const CLERICAL = { dataEntry: '43-9021.00', wordProcessor: '43-9022.00', officeClerk: '43-9061.00', secretary: '43-6014.00', bookkeepingClerk: '43-3031.00', telemarketer: '41-9041.00' };
const TEACHERS = { elementary: '25-2021.00', secondary: '25-2031.00', middle: '25-2022.00', specialElementary: '25-2056.00' };
const LAW = { lawyer: '23-1011.00', judge: '23-1023.00', paralegal: '23-2011.00' };
const CLERGY = '21-2011.00';
const TRADES = { electrician: '47-2111.00', plumber: '47-2152.00', roofer: '47-2181.00' };
const CREATIVE = { actor: '27-2011.00', musician: '27-2042.00', fineArtist: '27-1013.00', writer: '27-3043.00', technicalWriter: '27-3042.00', graphicDesigner: '27-1024.00' };
const DRIVERS = { heavyTruck: '53-3032.00', lightTruck: '53-3033.00', taxi: '53-3054.00' };

interface ZoneCheck {
  code: string;
  /** Zones (or full labels such as "Yellow (Moderate)") the reader would accept. */
  accept?: readonly string[];
  /** Zones or labels the reader would reject. */
  reject?: readonly string[];
  /** A score the baseline must reach (used for "Green or high Yellow"). */
  atLeast?: number;
  why: string;
}

const ZONE_CHECKS: readonly ZoneCheck[] = [
  ...Object.values(PHYSICIANS).map((code) => ({
    code,
    accept: ['Green'],
    why: 'Physicians diagnose and treat in person, are licensed by state medical boards and carry malpractice liability; LLMs assist with notes and lookup, they do not take the role over.',
  })),
  ...Object.values(SURGEONS).map((code) => ({ code, accept: ['Green'], why: 'Surgery is licensed, hands-on work with the highest consequence of error.' })),
  ...Object.values(AVIATION).map((code) => ({
    code,
    reject: ['Red', 'Yellow (Urgent)'],
    why: 'Pilots and controllers hold FAA certificates, carry lives and work under strict human-in-the-loop rules; autopilot has existed for decades without making the crew optional.',
  })),
  ...[TEACHERS.elementary, TEACHERS.secondary, TEACHERS.specialElementary].map((code) => ({
    code,
    atLeast: 40,
    why: 'School teaching is licensed by state certification, unionised, in person and custodial; readers expect Green or high Yellow.',
  })),
  { code: CLERGY, atLeast: 40, why: 'Pastoral care, rites and community leadership are in person and carry moral authority; plausibly Green or high Yellow.' },
  { code: TRADES.electrician, accept: ['Green'], why: 'Licensed hands-on work in varied, unstructured sites (state electrical licensing).' },
  { code: TRADES.plumber, accept: ['Green'], why: 'Licensed hands-on work in varied, unstructured sites (state plumbing licensing).' },
  ...[CLERICAL.dataEntry, CLERICAL.wordProcessor, CLERICAL.bookkeepingClerk, CLERICAL.telemarketer].map((code) => ({
    code,
    accept: ['Red'],
    why: 'Routine text and number handling at a desk is what LLMs and software already do; no barrier protects it.',
  })),
  { code: LAW.paralegal, reject: ['Green'], why: 'Document review and drafting are core LLM strengths.' },
  { code: CREATIVE.writer, reject: ['Green'], why: 'Producing text is the core strength of language models.' },
  { code: CREATIVE.graphicDesigner, reject: ['Green'], why: 'Image generation reaches much of routine design work.' },
  ...Object.values(DRIVERS).map((code) => ({
    code,
    reject: ['Green'],
    why: 'Autonomous trucks, driverless delivery vehicles and robotaxis are in commercial operation; "AI" covers physical automation too, so drivers must not read "protected".',
  })),
];

interface OrderCheck {
  higher: string;
  lower: string;
  why: string;
}

const ORDER_CHECKS: readonly OrderCheck[] = [
  ...[PHYSICIANS.family, PHYSICIANS.internist, PHYSICIANS.psychiatrist].flatMap((code) => [
    { higher: code, lower: NURSING.medicalAssistant, why: 'A physician carries the diagnosis, licence and liability; the medical assistant works under them.' },
    { higher: code, lower: NURSING.registered, why: 'Physicians hold the more protected licence and responsibility than the nurses they direct.' },
  ]),
  ...Object.values(SURGEONS).map((code) => ({ higher: code, lower: NURSING.practical, why: 'Surgeons are at least as protected as licensed practical nurses: hands-on, licensed, highest liability.' })),
  ...Object.values(AVIATION).flatMap((code) =>
    [CLERICAL.dataEntry, CLERICAL.officeClerk, CLERICAL.secretary].map((lower) => ({ higher: code, lower, why: 'Certified safety-critical work is not more exposed than clerical work.' })),
  ),
  ...[TEACHERS.elementary, TEACHERS.secondary, TEACHERS.middle].flatMap((code) =>
    [CLERICAL.dataEntry, CLERICAL.officeClerk].map((lower) => ({ higher: code, lower, why: 'Teaching children in person is far less automatable than data entry or general office work.' })),
  ),
  { higher: LAW.lawyer, lower: LAW.paralegal, why: 'Lawyers are admitted to the bar and carry the liability; paralegals do the drafting LLMs do best.' },
  { higher: LAW.judge, lower: LAW.paralegal, why: 'Judging is a public office with moral judgment; paralegal work is document work.' },
  { higher: CLERGY, lower: CLERICAL.officeClerk, why: 'Pastoral care is in person and relational; office clerking is routine.' },
  { higher: CLERGY, lower: CREATIVE.writer, why: 'Clergy write sermons but their role is presence and care, unlike writing for its own sake.' },
  { higher: CREATIVE.actor, lower: CREATIVE.writer, why: 'Performing in person is less reachable by text generation than writing.' },
  { higher: CREATIVE.musician, lower: CREATIVE.technicalWriter, why: 'Live performance is embodied; technical writing is document work.' },
  { higher: CREATIVE.fineArtist, lower: CLERICAL.dataEntry, why: 'Original physical art is less automatable than keying data.' },
  { higher: TRADES.roofer, lower: CLERICAL.telemarketer, why: 'Manual trades above scripted phone sales (kept from the first catalog tests).' },
  ...Object.values(TRADES).map((code) => ({ higher: code, lower: CLERICAL.dataEntry, why: 'Hands-on trades are less exposed than data entry.' })),
  ...Object.values(DRIVERS).map((code) => ({ higher: code, lower: CLERICAL.dataEntry, why: 'Autonomous driving is arriving route by route; it is not yet as far along as software for keying data.' })),
];

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
