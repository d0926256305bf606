import { scoreAssessment, validateAssessment, formatPath, type Assessment, type AssessmentInput } from '../../methodology/index.ts';
import type { BaselineRecord, OccupationRecord } from '../catalog-records.ts';
import type { Progress } from '../build/progress.ts';
import { compareText } from '../build/slugs.ts';
import { pickAliases } from '../build/title-records.ts';
import type { LabelledTask } from '../sources/eloundou-files.ts';
import type { AlternateTitle } from '../sources/onet-files.ts';
import type { SourceData } from '../sources/source-data.ts';
import { BaselineValidationError } from './baseline-errors.ts';
import { BASELINE } from './baseline-constants.ts';
import { deriveBarriers, deriveEvidence, deriveGrowth, deriveProtective } from './baseline-factors.ts';
import { deriveTasks, orderTasks, type TaskEvidence } from './baseline-tasks.ts';
import { mostSpecific, type CuratedTables, type PhysicalAutomationRow } from '../curated/curated-tables.ts';
import { gatherSignals, makeElement2020Lookup, measureToolUse } from './occupation-signals.ts';
import { writeVerdict } from './baseline-verdict.ts';

/** The version of the baseline method; shown on every baseline page and in its provenance. */
export const BASELINE_METHOD_VERSION = 'baseline-2';

/** One sentence on what "AI" covers in a baseline, shown on every baseline page. */
export const AI_SCOPE =
  '"AI" here means language models and software built on them (task labels of Eloundou et al. 2023, observed Claude use) and, for the occupations in the physical-automation table, autonomous vehicles and robots; other automation is not scored.';

/** The physical-automation row of an occupation, where Frey & Osborne (2013) also rate it computerisable (or do not cover it). */
export function physicalAutomationFor(rows: readonly PhysicalAutomationRow[], onetCode: string, freyOsborne: number | null): PhysicalAutomationRow | null {
  const row = mostSpecific(rows, onetCode);
  if (!row) return null;
  return freyOsborne === null || freyOsborne >= BASELINE.physicalAutomationFrom ? row : null;
}

/** The key of a wage peer group: SOC major group and O*NET job zone, e.g. "29/5". */
export function wagePeerKey(onetCode: string, jobZone: number | null): string {
  return `${onetCode.slice(0, 2)}/${jobZone ?? '-'}`;
}

/** Picks the wage peer group of an occupation: same SOC major group and job zone, else same major group, else the whole catalog. */
export function wagePeerGroup(context: Pick<BaselineContext, 'groupWageChange' | 'medianWageChange'>, record: Pick<OccupationRecord, 'onetCode' | 'jobZone'>): { change: number; group: string } {
  const major = record.onetCode.slice(0, 2);
  const zoneChange = context.groupWageChange.get(wagePeerKey(record.onetCode, record.jobZone));
  if (zoneChange !== undefined) return { change: zoneChange, group: `SOC major group ${major}-0000, job zone ${record.jobZone}` };
  const majorChange = context.groupWageChange.get(major);
  if (majorChange !== undefined) return { change: majorChange, group: `SOC major group ${major}-0000` };
  return { change: context.medianWageChange, group: 'all catalog occupations' };
}

/** Everything derived once for all occupations. */
export interface BaselineContext {
  data: SourceData;
  tasksByCode: Map<string, LabelledTask[]>;
  alternatesByCode: Map<string, AlternateTitle[]>;
  reportedByCode: Map<string, Set<string>>;
  medianWageChange: number;
  /** Median wage change 2021→2024 of each peer group with enough occupations: by major group ("29") and by major group and job zone ("29/5"). */
  groupWageChange: Map<string, number>;
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Prepares the lookups the baseline of each occupation reads. */
export function prepareBaselineContext(data: SourceData, occupations: readonly OccupationRecord[], curated: CuratedTables): BaselineContext {
  const withWages = occupations.filter(
    (record) => record.medianWage2024 && record.medianWage2021 && ![record.medianWage2024.note, record.medianWage2021.note].some((note) => note?.includes('top-coded')),
  );
  const changeOf = (record: OccupationRecord) => ((record.medianWage2024?.value ?? 0) / (record.medianWage2021?.value ?? 1) - 1) * 100;
  const changes = withWages.map(changeOf);
  const groupWageChange = new Map<string, number>();
  const peerKeys = [(record: OccupationRecord) => record.onetCode.slice(0, 2), (record: OccupationRecord) => wagePeerKey(record.onetCode, record.jobZone)];
  for (const key of peerKeys) {
    for (const [group, members] of groupBy(withWages, key)) {
      if (members.length >= BASELINE.minimumWagePeers) groupWageChange.set(group, Math.round(median(members.map(changeOf)) * 10) / 10);
    }
  }
  const reportedByCode = new Map<string, Set<string>>();
  for (const reported of data.onet.reportedTitles) reportedByCode.set(reported.onetCode, (reportedByCode.get(reported.onetCode) ?? new Set()).add(reported.title.toLowerCase()));
  return {
    data,
    tasksByCode: groupBy(data.eloundou.tasks, (task) => task.onetCode),
    alternatesByCode: groupBy(data.onet.alternateTitles, (title) => title.onetCode),
    reportedByCode,
    medianWageChange: Math.round(median(changes) * 10) / 10,
    groupWageChange,
    curated,
    element2020: makeElement2020Lookup(data),
  };
}

/** Derives the unvalidated baseline assessment of one occupation. */
export function deriveBaselineAssessment(context: BaselineContext, record: OccupationRecord): AssessmentInput {
  const labelled = orderTasks(context.tasksByCode.get(record.onetCode) ?? []);
  const gathered = gatherSignals(context.data, record, context.element2020);
  const physicalRow = physicalAutomationFor(context.curated.physicalAutomation, record.onetCode, gathered.freyOsborne);
  const signals = { ...gathered, physicalAutomationInScope: physicalRow !== null };
  const tasks = deriveTasks(labelled, (task): TaskEvidence => {
    return {
      physical:
        physicalRow && physicalRow.taskPattern.test(task.task)
          ? { technology: physicalRow.technology, score: physicalRow.score, citation: physicalRow.citation }
          : null,
    };
  });
  const peerWageChange = wagePeerGroup(context, record);
  const facts = { licensing: mostSpecific(context.curated.licensing, record.onetCode), union: mostSpecific(context.curated.union, record.onetCode) };
  const toolUse = measureToolUse(context.data, tasks, labelled.map((task) => task.task));
  const assessment: Assessment = {
    methodology: 'aijri-1',
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
  assessment.verdict = writeVerdict(assessment, scoreAssessment(assessment), signals);
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
