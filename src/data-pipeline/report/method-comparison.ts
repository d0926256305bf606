import { methodologyOf, scoreAssessment, type Assessment, type Zone } from '../../methodology/index.ts';
import type { BaselineRecord, OccupationRecord } from '../catalog-records.ts';
import { INDEX_DEFINITIONS } from '../build/index-values.ts';
import { baselineMethodOf } from '../diff/baseline-diff.ts';
import { compareExpertWithBaseline, type ExpertBaselineComparison } from '../diff/expert-vs-baseline.ts';
import { layerScores } from './layer-agreement.ts';
import { spearman } from './spearman.ts';

const ZONES: readonly Zone[] = ['Green', 'Yellow', 'Red'];

/** Headline figures of a set of baselines, for a before/after table. */
export interface MethodFigures {
  method: string;
  byZone: Record<Zone, number>;
  /** Baselines whose quick screen (protective principles + growth) points to the zone of the score. */
  quickScreenAgrees: number;
  /** Scores within 2.5 points of a zone boundary (25 or 48). */
  nearBoundary: number;
  /** Spearman's ρ of the score and of the task exposure with each published index. */
  spearman: { key: string; score: number | null; taskExposure: number | null }[];
}

/** One occupation's score under both methods. */
export interface Mover {
  onetCode: string;
  title: string;
  before: { score: number; label: string };
  after: { score: number; label: string };
}

export interface MethodComparison {
  before: MethodFigures;
  after: MethodFigures;
  /** Zone before → zone after counts, rows = before. */
  transitions: Record<Zone, Record<Zone, number>>;
  watched: Mover[];
  risers: Mover[];
  fallers: Mover[];
  byMajorGroup: { category: string; count: number; before: Record<Zone, number>; after: Record<Zone, number> }[];
  /** Spearman's ρ of the method-2 score with each index when one input (or the barriers) is held neutral: what costs agreement. */
  withoutInput: { input: string; spearman: { key: string; score: number | null }[] }[];
  /** Spearman's ρ of the method-2 score built up one layer at a time (the last row is the published score). */
  byLayer: { input: string; spearman: { key: string; score: number | null }[] }[];
  /** How many baselines keep each input at its default, method 2. */
  defaults: { input: string; count: number }[];
  experts: (ExpertBaselineComparison & { file: string })[];
}

/** Occupations whose figures issue 11 quoted; the comparison shows them before and after. */
export const WATCHED_CODES = [
  '53-2011.00', // Airline Pilots, Copilots, and Flight Engineers
  '53-2021.00', // Air Traffic Controllers
  '29-1215.00', // Family Medicine Physicians
  '29-1216.00', // General Internal Medicine Physicians
  '29-1223.00', // Psychiatrists
  '29-2061.00', // Licensed Practical and Licensed Vocational Nurses
  '31-9092.00', // Medical Assistants
  '25-2021.00', // Elementary School Teachers
  '25-2031.00', // Secondary School Teachers
  '21-2011.00', // Clergy
  '53-3032.00', // Heavy and Tractor-Trailer Truck Drivers
  '53-3054.00', // Taxi Drivers
  '43-9021.00', // Data Entry Keyers
  '41-9041.00', // Telemarketers
];

const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/** Spearman's ρ of a figure of each baseline with one published index, over the occupations the index covers. */
function spearmanWith(pairsOf: readonly { onetCode: string; value: number }[], occupations: ReadonlyMap<string, OccupationRecord>, key: string): number | null {
  const pairs = pairsOf.flatMap(({ onetCode, value }) => {
    const index = occupations.get(onetCode)?.indices.find((item) => item.index === key);
    return index ? [[value, index.value] as const] : [];
  });
  return round3(
    spearman(
      pairs.map((pair) => pair[0]),
      pairs.map((pair) => pair[1]),
    ),
  );
}

type Neutralise = (assessment: Assessment) => Assessment;
const neutralEvidence =
  (key: keyof Assessment['evidence']): Neutralise =>
  (assessment) => ({ ...assessment, evidence: { ...assessment.evidence, [key]: { ...assessment.evidence[key], score: 0 } } });

/** The inputs held neutral one at a time to see what each costs the score's agreement with the exposure indices. */
const NEUTRALISED: readonly { input: string; apply: Neutralise }[] = [
  { input: 'job postings (BLS projections) at 0', apply: neutralEvidence('jobPostings') },
  { input: 'expert consensus at 0', apply: neutralEvidence('expertConsensus') },
  { input: 'wage trends at 0', apply: neutralEvidence('wages') },
  { input: 'AI tool maturity at 0', apply: neutralEvidence('toolMaturity') },
  { input: 'growth correlation at 0', apply: (assessment) => ({ ...assessment, growth: { ...assessment.growth, score: 0 } }) },
  {
    input: 'all five barriers at 0',
    apply: (assessment) => ({
      ...assessment,
      barriers: Object.fromEntries(Object.entries(assessment.barriers).map(([key, value]) => [key, { ...value, score: 0 }])) as Assessment['barriers'],
    }),
  },
];

function figuresOf(baselines: readonly BaselineRecord[], occupations: ReadonlyMap<string, OccupationRecord>): MethodFigures {
  const byZone: Record<Zone, number> = { Green: 0, Yellow: 0, Red: 0 };
  let quickScreenAgrees = 0;
  let nearBoundary = 0;
  const results = baselines.map((baseline) => ({ onetCode: baseline.onetCode, result: scoreAssessment(baseline.assessment, methodologyOf(baseline.assessment.methodology)) }));
  for (const { result } of results) {
    byZone[result.zone] += 1;
    if (result.quickScreen.agrees) quickScreenAgrees += 1;
    if ([25, 48].some((boundary) => Math.abs(result.score - boundary) < 2.5)) nearBoundary += 1;
  }
  const spearmanOf = (key: string, pick: (result: (typeof results)[number]['result']) => number) =>
    spearmanWith(
      results.map(({ onetCode, result }) => ({ onetCode, value: pick(result) })),
      occupations,
      key,
    );
  return {
    method: [...new Set(baselines.map((baseline) => baselineMethodOf(baseline.assessment)))].sort().join(', '),
    byZone,
    quickScreenAgrees,
    nearBoundary,
    spearman: INDEX_DEFINITIONS.map((definition) => ({
      key: definition.key,
      score: spearmanOf(definition.key, (result) => result.score),
      // Higher task exposure means more exposed, so its expected sign is positive; shown negated to read like the score's.
      taskExposure: (() => {
        const rho = spearmanOf(definition.key, (result) => result.taskExposure);
        return rho === null ? null : round3(-rho);
      })(),
    })),
  };
}

const DEFAULTED_GROUPS = ['protective', 'barriers', 'evidence'] as const;

/** Compares the baselines of two methods over the same occupations, and the expert assessments with their occupation's baseline. */
export function compareMethods(
  before: readonly BaselineRecord[],
  after: readonly BaselineRecord[],
  occupationList: readonly OccupationRecord[],
  experts: readonly { file: string; assessment: Assessment }[] = [],
): MethodComparison {
  const occupations = new Map(occupationList.map((record) => [record.onetCode, record]));
  const old = new Map(before.map((record) => [record.onetCode, scoreAssessment(record.assessment, methodologyOf(record.assessment.methodology))]));
  const transitions = Object.fromEntries(ZONES.map((zone) => [zone, { Green: 0, Yellow: 0, Red: 0 }])) as Record<Zone, Record<Zone, number>>;
  const movers: Mover[] = [];
  const groups = new Map<string, { category: string; count: number; before: Record<Zone, number>; after: Record<Zone, number> }>();
  for (const record of after) {
    const now = scoreAssessment(record.assessment, methodologyOf(record.assessment.methodology));
    const then = old.get(record.onetCode);
    const category = occupations.get(record.onetCode)?.category ?? record.assessment.role.category;
    const group = groups.get(category) ?? { category, count: 0, before: { Green: 0, Yellow: 0, Red: 0 }, after: { Green: 0, Yellow: 0, Red: 0 } };
    group.count += 1;
    group.after[now.zone] += 1;
    if (then) {
      group.before[then.zone] += 1;
      transitions[then.zone][now.zone] += 1;
      movers.push({ onetCode: record.onetCode, title: record.assessment.role.title, before: { score: then.score, label: then.label }, after: { score: now.score, label: now.label } });
    }
    groups.set(category, group);
  }
  const delta = (mover: Mover) => mover.after.score - mover.before.score;
  const ranked = [...movers].sort((a, b) => delta(b) - delta(a) || (a.onetCode < b.onetCode ? -1 : 1));
  const defaults = new Map<string, number>();
  for (const { assessment } of after) {
    for (const group of DEFAULTED_GROUPS) {
      for (const [key, value] of Object.entries(assessment[group] as Record<string, { provenance?: { basis: string } }>)) {
        if (value.provenance?.basis === 'default') defaults.set(`${group}.${key}`, (defaults.get(`${group}.${key}`) ?? 0) + 1);
      }
    }
    if (assessment.growth.provenance?.basis === 'default') defaults.set('growth', (defaults.get('growth') ?? 0) + 1);
  }
  const baselineByCode = new Map(after.map((record) => [record.onetCode, record.assessment]));
  return {
    before: figuresOf(before, occupations),
    after: figuresOf(after, occupations),
    transitions,
    watched: WATCHED_CODES.flatMap((code) => movers.filter((mover) => mover.onetCode === code)),
    risers: ranked.slice(0, 10),
    fallers: ranked.slice(-10).reverse(),
    byMajorGroup: [...groups.values()].sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0)),
    withoutInput: NEUTRALISED.map(({ input, apply }) => {
      const scores = after.map((record) => ({ onetCode: record.onetCode, value: scoreAssessment(apply(record.assessment), methodologyOf(record.assessment.methodology)).score }));
      return { input, spearman: INDEX_DEFINITIONS.map((definition) => ({ key: definition.key, score: spearmanWith(scores, occupations, definition.key) })) };
    }),
    byLayer: layerScores(after).map(({ label, scores }) => ({
      input: label,
      spearman: INDEX_DEFINITIONS.map((definition) => ({ key: definition.key, score: spearmanWith(scores, occupations, definition.key) })),
    })),
    defaults: [...defaults].map(([input, count]) => ({ input, count })).sort((a, b) => b.count - a.count || (a.input < b.input ? -1 : 1)),
    experts: experts.flatMap(({ file, assessment }) => {
      const code = assessment.role.onetCodes[0];
      const baseline = code === undefined ? undefined : baselineByCode.get(code);
      return baseline && code ? [{ ...compareExpertWithBaseline(assessment, baseline, code), file }] : [];
    }),
  };
}

const signedDelta = (mover: Mover) => {
  const value = Math.round((mover.after.score - mover.before.score) * 10) / 10;
  return `${value > 0 ? '+' : ''}${value.toFixed(1)}`;
};

const moverTable = (movers: readonly Mover[]) =>
  [
    '| O*NET-SOC | Occupation | Method 1 | Method 2 | Change |',
    '|---|---|---|---|---:|',
    ...movers.map((mover) => `| ${mover.onetCode} | ${mover.title} | ${mover.before.score.toFixed(1)} ${mover.before.label} | ${mover.after.score.toFixed(1)} ${mover.after.label} | ${signedDelta(mover)} |`),
  ].join('\n');

const rho = (value: number | null) => (value === null ? '—' : value.toFixed(3));

/** Renders the comparison as the Markdown sections appended to docs/catalog-report.md. */
export function renderMethodComparison(comparison: MethodComparison): string {
  const { before, after, total } = { ...comparison, total: comparison.after.byZone.Green + comparison.after.byZone.Yellow + comparison.after.byZone.Red };
  const share = (count: number) => `${Math.round((count / Math.max(1, total)) * 100)}%`;
  const lines: string[] = [
    `## Baseline method 2 compared with method 1`,
    '',
    `Method 1: ${before.method}; method 2: ${after.method}. What changed and why is in [baseline-method.md](baseline-method.md);`,
    '`npx jobzone catalog diff <old-dir>` lists every occupation with the inputs that moved.',
    '',
    '| Figure | Method 1 | Method 2 |',
    '|---|---:|---:|',
    ...ZONES.map((zone) => `| ${zone} | ${before.byZone[zone]} | ${after.byZone[zone]} |`),
    `| Quick screen agrees with the zone | ${before.quickScreenAgrees} (${share(before.quickScreenAgrees)}) | ${after.quickScreenAgrees} (${share(after.quickScreenAgrees)}) |`,
    `| Within 2.5 points of a zone boundary | ${before.nearBoundary} | ${after.nearBoundary} |`,
    '',
    'Zone moves (rows: method 1, columns: method 2):',
    '',
    '| Method 1 \\ Method 2 | Green | Yellow | Red |',
    '|---|---:|---:|---:|',
    ...ZONES.map((zone) => `| ${zone} | ${ZONES.map((to) => comparison.transitions[zone][to]).join(' | ')} |`),
    '',
    '### Spearman ρ with each published index',
    '',
    'Of the score (expected negative) and of task exposure alone (sign flipped so that negative again means agreement).',
    'Method 1 counted exposure two or three times (task labels, expert consensus from the indices including human β,',
    'tool maturity from the amount of exposed time); method 2 counts it once in the task layer and once from independent',
    'indices (ADR 0091), and adds inputs independent of exposure by design (licensing, liability, unions, physical',
    'automation), so the score follows the exposure indices less closely than method 1 did.',
    '',
    '| Index | Score, method 1 | Score, method 2 | Task exposure, method 1 | Task exposure, method 2 |',
    '|---|---:|---:|---:|---:|',
    ...after.spearman.map((item, index) => {
      const old = before.spearman[index];
      return `| ${item.key} | ${rho(old?.score ?? null)} | ${rho(item.score)} | ${rho(old?.taskExposure ?? null)} | ${rho(item.taskExposure)} |`;
    }),
    '',
    'What costs method 2 its agreement: Spearman ρ of the method-2 score with one input held neutral at a time. An input',
    'whose removal strengthens ρ pulls the score away from the exposure indices. Only expert consensus reads those indices;',
    'the others measure demand, pay, use or structural barriers, and none is dropped to raise ρ (see baseline-method.md).',
    '',
    `| Held neutral | ${after.spearman.map((item) => item.key).join(' | ')} |`,
    `|---|${after.spearman.map(() => '---:').join('|')}|`,
    `| nothing (method 2 as published) | ${after.spearman.map((item) => rho(item.score)).join(' | ')} |`,
    ...comparison.withoutInput.map((row) => `| ${row.input} | ${row.spearman.map((item) => rho(item.score)).join(' | ')} |`),
    '',
    'Where the agreement goes: the method-2 score built up one layer at a time, every later layer held at 0. The barriers',
    'other than physical presence raise every licensed or unionised role, the exposed ones too; expert consensus brings',
    'the score towards the indices; the projections take it away. The face-validity orderings are not what costs ρ:',
    'every index contradicts some of them (all rank family physicians, internists and psychiatrists as more exposed than',
    'medical assistants), yet a ranking that followed an index except where the checks force a move would keep ρ at 0.99',
    'or more ([ADR 0094](adr/0094-physical-automation-reads-the-task-action-and-where-rank-agreement-goes.md), with the',
    'figures; `node bench/baseline-rank-agreement.ts` lists the occupations that disagree most and what moved each).',
    '',
    `| Layers | ${after.spearman.map((item) => item.key).join(' | ')} |`,
    `|---|${after.spearman.map(() => '---:').join('|')}|`,
    ...comparison.byLayer.map((row) => `| ${row.input} | ${row.spearman.map((item) => rho(item.score)).join(' | ')} |`),
    '',
    '### Occupations issue 11 named',
    '',
    moverTable(comparison.watched),
    '',
    '### Largest rises',
    '',
    moverTable(comparison.risers),
    '',
    '### Largest falls',
    '',
    moverTable(comparison.fallers),
    '',
    '## Zones by SOC major group, method 1 → method 2',
    '',
    '| Category | Occupations | Green | Yellow | Red |',
    '|---|---:|---:|---:|---:|',
    ...comparison.byMajorGroup.map((group) => `| ${group.category} | ${group.count} | ${ZONES.map((zone) => `${group.before[zone]} → ${group.after[zone]}`).join(' | ')} |`),
    '',
    '## Inputs still at their default (method 2)',
    '',
    'A default is a neutral value where no data speaks to the input (`basis: default`, confidence low).',
    '',
    '| Input | Baselines | Share |',
    '|---|---:|---:|',
    ...comparison.defaults.map((item) => `| ${item.input} | ${item.count} | ${share(item.count)} |`),
    '',
    '## Expert assessments beside the baseline of their occupation',
    '',
  ];
  if (comparison.experts.length === 0) lines.push('No expert assessment maps to an O*NET code of the catalog.', '');
  for (const expert of comparison.experts) {
    lines.push(
      `### ${expert.expert.title} (${expert.file}) vs the ${expert.onetCode} baseline`,
      '',
      `Expert ${expert.expert.score.toFixed(1)} ${expert.expert.label}; baseline ${expert.baseline.score.toFixed(1)} ${expert.baseline.label} (${expert.baseline.title}).`,
      '',
      '| Input | Expert | Baseline |',
      '|---|---:|---:|',
      ...expert.inputs.map((input) => `| ${input.label} | ${input.expert} | ${input.baseline} |`),
      '',
    );
  }
  return lines.join('\n');
}
