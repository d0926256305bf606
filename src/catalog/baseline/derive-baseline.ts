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
import { deriveTasks, orderTasks } from './baseline-tasks.ts';
import { gatherSignals, makeElement2020Lookup, measureToolUse } from './occupation-signals.ts';
import { writeVerdict } from './baseline-verdict.ts';

/** Everything derived once for all occupations. */
export interface BaselineContext {
  data: SourceData;
  tasksByCode: Map<string, LabelledTask[]>;
  alternatesByCode: Map<string, AlternateTitle[]>;
  reportedByCode: Map<string, Set<string>>;
  medianWageChange: number;
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
export function prepareBaselineContext(data: SourceData, occupations: readonly OccupationRecord[]): BaselineContext {
  const changes = occupations
    .filter((record) => record.medianWage2024 && record.medianWage2021 && ![record.medianWage2024.note, record.medianWage2021.note].some((note) => note?.includes('top-coded')))
    .map((record) => ((record.medianWage2024?.value ?? 0) / (record.medianWage2021?.value ?? 1) - 1) * 100);
  const reportedByCode = new Map<string, Set<string>>();
  for (const reported of data.onet.reportedTitles) reportedByCode.set(reported.onetCode, (reportedByCode.get(reported.onetCode) ?? new Set()).add(reported.title.toLowerCase()));
  return {
    data,
    tasksByCode: groupBy(data.eloundou.tasks, (task) => task.onetCode),
    alternatesByCode: groupBy(data.onet.alternateTitles, (title) => title.onetCode),
    reportedByCode,
    medianWageChange: Math.round(median(changes) * 10) / 10,
    element2020: makeElement2020Lookup(data),
  };
}

/** Derives the unvalidated baseline assessment of one occupation. */
export function deriveBaselineAssessment(context: BaselineContext, record: OccupationRecord): AssessmentInput {
  const labelled = orderTasks(context.tasksByCode.get(record.onetCode) ?? []);
  const tasks = deriveTasks(labelled);
  const signals = gatherSignals(context.data, record, context.element2020);
  const toolUse = measureToolUse(context.data, tasks, labelled.map((task) => task.task));
  const assessment: Assessment = {
    methodology: 'aijri-1',
    status: 'baseline',
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
    protective: deriveProtective(signals),
    growth: deriveGrowth(signals),
    evidence: deriveEvidence(signals, toolUse, context.medianWageChange),
    barriers: deriveBarriers(signals),
    override: null,
    commentary: { whatTheNumbersMiss: [], survivalStrategy: [] },
    sources: [
      { title: 'O*NET 27.0 (USDOL/ETA), CC BY 4.0' },
      { title: 'Eloundou et al. 2023, GPTs are GPTs' },
      { title: 'BLS OEWS 2021/2024, Projections 2024–34' },
    ],
    resources: [],
  };
  assessment.verdict = writeVerdict(assessment, scoreAssessment(assessment), signals);
  return assessment;
}

/** Derives and validates the baseline assessment of every occupation, in the order given. */
export function deriveBaselines(data: SourceData, occupations: readonly OccupationRecord[], progress: Progress): BaselineRecord[] {
  const context = prepareBaselineContext(data, occupations);
  const records: BaselineRecord[] = [];
  const known = new Set(occupations.map((record) => record.slug));
  for (const [index, record] of occupations.entries()) {
    const result = validateAssessment(deriveBaselineAssessment(context, record), { knownRoleSlugs: known });
    if (!result.ok) {
      const problem = result.problems.find((item) => item.severity === 'error');
      throw new BaselineValidationError(
        `baseline of ${record.onetCode} ${record.title}: ${problem ? `${formatPath(problem.path)}: ${problem.message}` : 'invalid'}; the mapping in src/catalog/baseline produced an invalid assessment`,
      );
    }
    records.push({ onetCode: record.onetCode, assessment: result.assessment });
    if ((index + 1) % 50 === 0 || index + 1 === occupations.length) progress.advance(index + 1, occupations.length, 'deriving baselines');
  }
  return records.sort((a, b) => compareText(a.onetCode, b.onetCode));
}
