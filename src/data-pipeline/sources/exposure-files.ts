import { join } from 'node:path';
import { SourceFileError, optionalNumber, optionalText, readSourceTable, requiredNumber, requiredText, socCodeField } from './delimited-table.ts';

/** Anthropic Economic Index figures for one O*NET task text (lower-case). */
export interface AnthropicTask {
  automation: number;
  augmentation: number;
  filtered: number;
  usageShare: number | null;
}

export interface FreyOsborneLine {
  soc2018: string | null;
  soc2010: string;
  probability: number;
}

export interface ExposureData {
  /** Felten et al. AIOE by SOC 2010 code. */
  feltenAioe: Map<string, number>;
  /** Felten et al. language-modeling AIOE by SOC 2010 code. */
  feltenLmAioe: Map<string, number>;
  soc2010To2018: { from: string; to: string }[];
  freyOsborne: FreyOsborneLine[];
  /** Microsoft AI applicability by SOC 2018 code. */
  microsoft: Map<string, number>;
  anthropic: Map<string, AnthropicTask>;
}

async function readSocValues(path: string, codeColumn: string, valueColumn: string): Promise<Map<string, number>> {
  const values = new Map<string, number>();
  for (const row of (await readSourceTable(path, [codeColumn, valueColumn])).rows) values.set(socCodeField(row, codeColumn), requiredNumber(row, valueColumn));
  return values;
}

/** Normalises a task statement the way the Anthropic Economic Index keys it. */
export function anthropicTaskKey(task: string): string {
  return task.trim().toLowerCase();
}

/** Reads the published AI-exposure indices from the exposure/ folder. */
export async function readExposureData(dataDir: string): Promise<ExposureData> {
  const file = (name: string) => join(dataDir, 'exposure', name);
  const feltenAioe = await readSocValues(file('felten-aioe-2021.csv'), 'SOC Code', 'AIOE');
  const feltenLmAioe = await readSocValues(file('felten-lm-aioe-2023.csv'), 'SOC Code', 'Language Modeling AIOE');
  const microsoft = await readSocValues(file('microsoft-ai-applicability-2025.csv'), 'SOC Code', 'ai_applicability_score');

  const soc2010To2018: { from: string; to: string }[] = [];
  for (const row of (await readSourceTable(file('crosswalk-soc2010-to-soc2018.csv'), ['2010 SOC Code', '2018 SOC Code'])).rows) {
    soc2010To2018.push({ from: socCodeField(row, '2010 SOC Code'), to: socCodeField(row, '2018 SOC Code') });
  }

  const freyOsborne: FreyOsborneLine[] = [];
  for (const row of (await readSourceTable(file('frey-osborne-2013-soc2018.csv'), ['Probability', 'SOC code', '2018 SOC Code'])).rows) {
    const probability = requiredNumber(row, 'Probability');
    if (probability < 0 || probability > 1) throw new SourceFileError(`${row.file}:${row.line}: field "Probability": found ${probability}; expected a probability from 0 to 1`);
    const soc2018 = optionalText(row, '2018 SOC Code');
    freyOsborne.push({ soc2018: soc2018 === '' ? null : socCodeField(row, '2018 SOC Code'), soc2010: socCodeField(row, 'SOC code'), probability });
  }

  const usage = new Map<string, number>();
  for (const row of (await readSourceTable(file('anthropic-task-pct-v2.csv'), ['task_name', 'pct'])).rows) usage.set(anthropicTaskKey(requiredText(row, 'task_name')), requiredNumber(row, 'pct'));
  const anthropic = new Map<string, AnthropicTask>();
  const columns = ['task_name', 'feedback_loop', 'directive', 'task_iteration', 'validation', 'learning', 'filtered'];
  for (const row of (await readSourceTable(file('anthropic-automation-vs-augmentation-by-task.csv'), columns)).rows) {
    const share = (field: string) => optionalNumber(row, field) ?? 0;
    const key = anthropicTaskKey(requiredText(row, 'task_name'));
    anthropic.set(key, {
      automation: share('feedback_loop') + share('directive'),
      augmentation: share('task_iteration') + share('validation') + share('learning'),
      filtered: share('filtered'),
      usageShare: usage.get(key) ?? null,
    });
  }
  return { feltenAioe, feltenLmAioe, soc2010To2018, freyOsborne, microsoft, anthropic };
}
