import { join } from 'node:path';
import { oneOf, onetCodeField, readSourceTable, requiredNumber, requiredText } from './delimited-table.ts';

export const EXPOSURE_LABELS = ['E0', 'E1', 'E2'] as const;
export const AUTOMATION_LEVELS = ['T0', 'T1', 'T2', 'T3', 'T4'] as const;
export type ExposureLabel = (typeof EXPOSURE_LABELS)[number];
export type AutomationLevel = (typeof AUTOMATION_LEVELS)[number];
export type TaskType = 'Core' | 'Supplemental' | 'unrated';

/** One O*NET task with the exposure and automation labels of Eloundou et al. */
export interface LabelledTask {
  onetCode: string;
  taskId: string;
  task: string;
  taskType: TaskType;
  humanExposure: ExposureLabel;
  gpt4Exposure: ExposureLabel;
  gpt4Automation: AutomationLevel;
}

export interface OccupationExposure {
  humanBeta: number;
  gpt4Beta: number;
}

export interface EloundouData {
  tasks: LabelledTask[];
  occupationLevel: Map<string, OccupationExposure>;
}

/** Reads full_labelset.tsv and occ_level.csv from the eloundou-2023/ folder. */
export async function readEloundouData(dataDir: string): Promise<EloundouData> {
  const labelset = await readSourceTable(join(dataDir, 'eloundou-2023', 'full_labelset.tsv'), [
    'O*NET-SOC Code',
    'Task ID',
    'Task',
    'Task Type',
    'human_exposure_agg',
    'gpt4_exposure',
    'gpt4_automation',
  ]);
  const tasks = labelset.rows.map((row): LabelledTask => {
    const type = oneOf(row, 'Task Type', ['Core', 'Supplemental', '']);
    return {
      onetCode: onetCodeField(row, 'O*NET-SOC Code'),
      taskId: String(requiredNumber(row, 'Task ID')),
      task: requiredText(row, 'Task'),
      taskType: type === '' ? 'unrated' : type,
      humanExposure: oneOf(row, 'human_exposure_agg', EXPOSURE_LABELS),
      gpt4Exposure: oneOf(row, 'gpt4_exposure', EXPOSURE_LABELS),
      gpt4Automation: oneOf(row, 'gpt4_automation', AUTOMATION_LEVELS),
    };
  });
  const occupationLevel = new Map<string, OccupationExposure>();
  const occ = await readSourceTable(join(dataDir, 'eloundou-2023', 'occ_level.csv'), ['O*NET-SOC Code', 'dv_rating_beta', 'human_rating_beta']);
  for (const row of occ.rows) {
    occupationLevel.set(onetCodeField(row, 'O*NET-SOC Code'), { humanBeta: requiredNumber(row, 'human_rating_beta'), gpt4Beta: requiredNumber(row, 'dv_rating_beta') });
  }
  return { tasks, occupationLevel };
}
