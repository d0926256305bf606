import { methodologyOf, scoreAssessment, validateAssessment, formatPath, type Assessment, type AssessmentInput } from '../../methodology/index.ts';
import type { BaselineRecord, OccupationRecord } from '../catalog-records.ts';
import type { Progress } from '../build/progress.ts';
import { compareText } from '../build/slugs.ts';
import { pickAliases } from '../build/title-records.ts';
import type { LabelledTask } from '../sources/eloundou-files.ts';
import type { AlternateTitle } from '../sources/onet-files.ts';
import type { SourceData } from '../sources/source-data.ts';
import { BaselineValidationError } from './baseline-errors.ts';
import { BASELINE, BASELINE_METHODOLOGY } from './baseline-constants.ts';
import { deriveBarriers, deriveEvidence, deriveGrowth, deriveProtective } from './baseline-factors.ts';
import { deriveTasks, orderTasks, type TaskEvidence } from './baseline-tasks.ts';
import { mostSpecific, type CuratedTables, type PhysicalAutomationRow } from '../curated/curated-tables.ts';
import { gatherSignals, makeElement2020Lookup, measureToolUse, wageChangeOf, type WageChange } from './occupation-signals.ts';
import { writeVerdict } from './baseline-verdict.ts';
import { taskAction } from './task-action.ts';

/** The version of the baseline method; shown on every baseline page and in its provenance. */
export const BASELINE_METHOD_VERSION = 'baseline-2';

/** One sentence on what "AI" covers in a baseline, shown on every baseline page. */
export const AI_SCOPE =
  '"AI" here means language models and software built on them (task labels of Eloundou et al. 2023, observed Claude use) and, for the occupations in the physical-automation table, autonomous vehicles and robots; other automation is not scored.';

/**
 * The physical-automation rows of an occupation: every row of its most specific prefix (one per technology), unless
 * Frey & Osborne (2013) rate it at low risk of computerisation (ADR 0096).
 */
export function physicalAutomationFor(rows: readonly PhysicalAutomationRow[], onetCode: string, freyOsborne: number | null): PhysicalAutomationRow[] {
  const best = mostSpecific(rows, onetCode);
  if (!best || (freyOsborne !== null && freyOsborne < BASELINE.physicalAutomationFrom)) return [];
  return rows.filter((row) => row.match === best.match);
}

/** The row that speaks to a task: of the rows whose pattern matches the task's action, the one with the highest score. */
export function physicalRowForTask(rows: readonly PhysicalAutomationRow[], statement: string): PhysicalAutomationRow | null {
  const action = taskAction(statement);
  let found: PhysicalAutomationRow | null = null;
  for (const row of rows) if (row.taskPattern.test(action) && (found === null || row.score > found.score)) found = row;
  return found;
}

/** One BLS wage series that can serve as a peer: its May 2021 level and its change, in the median and in the mean. */
interface PeerSeries {
  series: string;
  medianFrom: number;
  median: number;
  meanFrom: number | null;
  mean: number | null;
}

/**
 * The BLS wage series with a usable median, by SOC major group ("29") and for the whole catalog ("*"), each counted
 * once: several O*NET occupations share one BLS line (five nursing specialties share registered nurses' line), and
 * counting it once per occupation let one figure, or the occupation's own, set its peers' median.
 */
export type WagePeers = Map<string, PeerSeries[]>;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Collects the wage series that can serve as peers, by major group and for the whole catalog, sorted by series code. */
export function collectWagePeers(occupations: readonly { onetCode: string; wage: WageChange | null }[]): WagePeers {
  const byScope = new Map<string, Map<string, PeerSeries>>();
  for (const { onetCode, wage } of occupations) {
    if (wage === null || wage.statistic !== 'median') continue;
    for (const scope of ['*', onetCode.slice(0, 2)]) {
      const group = byScope.get(scope) ?? new Map<string, PeerSeries>();
      group.set(wage.series, { series: wage.series, medianFrom: wage.from, median: wage.percent, meanFrom: wage.meanFrom, mean: wage.meanPercent });
      byScope.set(scope, group);
    }
  }
  return new Map([...byScope].map(([scope, group]) => [scope, [...group.values()].sort((a, b) => compareText(a.series, b.series))]));
}

const dollars = (value: number) => `$${value.toLocaleString('en-US')}`;

/**
 * Picks the wage peers of an occupation and returns their median change, in the statistic its own change uses: the
 * series of its SOC major group (the same part of the labour market, so public pay scales meet public pay scales) that
 * were paid most like it in May 2021 (nearest in log wage, at most `BASELINE.wagePeers.nearest`), because 2021→2024
 * raises fell steeply with the pay level (Spearman −0.45 between May 2021 median and change over 774 BLS series).
 * Where the major group holds fewer than `minimum` other series, the catalog's nearest in pay. Never its own series.
 */
export function wagePeerGroup(peers: WagePeers, onetCode: string, wage: Pick<WageChange, 'statistic' | 'series' | 'from'>): { change: number; group: string } | null {
  const major = onetCode.slice(0, 2);
  const { nearest, minimum } = BASELINE.wagePeers;
  for (const scope of [major, '*']) {
    const candidates = (peers.get(scope) ?? [])
      .filter((peer) => peer.series !== wage.series)
      .flatMap((peer) => {
        const [from, change] = wage.statistic === 'median' ? [peer.medianFrom, peer.median] : [peer.meanFrom, peer.mean];
        return from === null || change === null || from <= 0 ? [] : [{ series: peer.series, from, change, distance: Math.abs(Math.log(from / wage.from)) }];
      });
    if (candidates.length < minimum) continue;
    const chosen = candidates.sort((a, b) => a.distance - b.distance || compareText(a.series, b.series)).slice(0, nearest);
    const levels = chosen.map((peer) => peer.from);
    const where = scope === '*' ? 'catalog' : `SOC major group ${major}-0000`;
    const statistic = wage.statistic === 'mean' ? 'mean' : 'median';
    return {
      change: Math.round(median(chosen.map((peer) => peer.change)) * 10) / 10,
      group: `the ${chosen.length} occupations of the ${where} paid most like it in May 2021 (${statistic} ${dollars(Math.min(...levels))}–${dollars(Math.max(...levels))})`,
    };
  }
  return null;
}

/** Everything derived once for all occupations. */
export interface BaselineContext {
  data: SourceData;
  tasksByCode: Map<string, LabelledTask[]>;
  alternatesByCode: Map<string, AlternateTitle[]>;
  reportedByCode: Map<string, Set<string>>;
  /** The BLS wage series of each peer group, each counted once (see collectWagePeers). */
  wagePeers: WagePeers;
  curated: CuratedTables;
  element2020: ReturnType<typeof makeElement2020Lookup>;
}

const groupBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
};

/** Prepares the lookups the baseline of each occupation reads. */
export function prepareBaselineContext(data: SourceData, occupations: readonly OccupationRecord[], curated: CuratedTables): BaselineContext {
  const wagePeers = collectWagePeers(occupations.map((record) => ({ onetCode: record.onetCode, wage: wageChangeOf(data.bls, record.socCode) })));
  const reportedByCode = new Map<string, Set<string>>();
  for (const reported of data.onet.reportedTitles) reportedByCode.set(reported.onetCode, (reportedByCode.get(reported.onetCode) ?? new Set()).add(reported.title.toLowerCase()));
  return {
    data,
    tasksByCode: groupBy(data.eloundou.tasks, (task) => task.onetCode),
    alternatesByCode: groupBy(data.onet.alternateTitles, (title) => title.onetCode),
    reportedByCode,
    wagePeers,
    curated,
    element2020: makeElement2020Lookup(data),
  };
}

/** Derives the unvalidated baseline assessment of one occupation. */
export function deriveBaselineAssessment(context: BaselineContext, record: OccupationRecord): AssessmentInput {
  const labelled = orderTasks(context.tasksByCode.get(record.onetCode) ?? []);
  const gathered = gatherSignals(context.data, record, context.element2020);
  const physicalRows = physicalAutomationFor(context.curated.physicalAutomation, record.onetCode, gathered.freyOsborne);
  const signals = { ...gathered, physicalAutomationInScope: physicalRows.length > 0 };
  const tasks = deriveTasks(labelled, (task): TaskEvidence => {
    const row = physicalRowForTask(physicalRows, task.task);
    return { physical: row ? { technology: row.technology, score: row.score, citation: row.citation } : null };
  });
  const peerWageChange = signals.wageChange === null ? null : wagePeerGroup(context.wagePeers, record.onetCode, signals.wageChange);
  const facts = { licensing: mostSpecific(context.curated.licensing, record.onetCode), union: mostSpecific(context.curated.union, record.onetCode) };
  const toolUse = measureToolUse(context.data, tasks, labelled.map((task) => task.task));
  const assessment: Assessment = {
    methodology: BASELINE_METHODOLOGY.version,
    status: 'baseline',
    baselineMethod: { version: BASELINE_METHOD_VERSION, aiScope: AI_SCOPE },
    role: {
      slug: record.slug,
      title: record.title,
      seniority: 'all-levels',
      category: record.category,
      aliases: pickAliases(context.alternatesByCode.get(record.onetCode) ?? [], context.reportedByCode.get(record.onetCode) ?? new Set(), record.title, BASELINE.aliasCount),
      onetCodes: [record.onetCode],
      primaryFunction: record.description,
      notThisRole: [],
    },
    tasks,
    protective: deriveProtective(signals, facts),
    growth: deriveGrowth(signals),
    evidence: deriveEvidence(signals, toolUse, peerWageChange),
    barriers: deriveBarriers(signals, facts),
    override: null,
    commentary: { whatTheNumbersMiss: [], survivalStrategy: [] },
    sources: [
      { title: 'O*NET 27.0 (USDOL/ETA), CC BY 4.0' },
      { title: 'Eloundou et al. 2023, GPTs are GPTs' },
      { title: 'BLS OEWS 2021/2024, Projections 2024–34' },
      { title: 'Anthropic Economic Index (2025)' },
      { title: 'Curated licensing, union and physical-automation tables (src/data-pipeline/curated), one citation per row' },
    ],
    resources: [],
  };
  assessment.verdict = writeVerdict(assessment, scoreAssessment(assessment, methodologyOf(assessment.methodology)), signals);
  return assessment;
}

/** Derives and validates the baseline assessment of every occupation, in the order given. */
export function deriveBaselines(data: SourceData, occupations: readonly OccupationRecord[], curated: CuratedTables, progress: Progress): BaselineRecord[] {
  const context = prepareBaselineContext(data, occupations, curated);
  const records: BaselineRecord[] = [];
  const known = new Set(occupations.map((record) => record.slug));
  for (const [index, record] of occupations.entries()) {
    const result = validateAssessment(deriveBaselineAssessment(context, record), { knownRoleSlugs: known });
    if (!result.ok) {
      const problem = result.problems.find((item) => item.severity === 'error');
      throw new BaselineValidationError(
        `baseline of ${record.onetCode} ${record.title}: ${problem ? `${formatPath(problem.path)}: ${problem.message}` : 'invalid'}; the mapping in src/data-pipeline/baseline produced an invalid assessment`,
      );
    }
    records.push({ onetCode: record.onetCode, assessment: result.assessment });
    if ((index + 1) % 50 === 0 || index + 1 === occupations.length) progress.advance(index + 1, occupations.length, 'deriving baselines');
  }
  return records.sort((a, b) => compareText(a.onetCode, b.onetCode));
}
