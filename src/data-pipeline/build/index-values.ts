import type { IndexValue } from '../catalog-records.ts';
import type { SourceData } from '../sources/source-data.ts';
import { distributionOf, groupValues, mean, type Distribution } from './percentiles.ts';
import { compareText } from './slugs.ts';

/** A published AI-exposure index as the catalog names it. */
export interface IndexDefinition {
  key: string;
  name: string;
  sourceKey: string;
  measures: string;
}

/** The published indices every occupation is compared with, in the order they are shown. */
export const INDEX_DEFINITIONS: readonly IndexDefinition[] = [
  { key: 'eloundou-2023-human-beta', name: 'Eloundou et al. 2023, human-rated exposure β', sourceKey: 'eloundou-2023', measures: 'share of task time an LLM could halve (human annotators)' },
  { key: 'eloundou-2023-gpt4-beta', name: 'Eloundou et al. 2023, GPT-4-rated exposure β', sourceKey: 'eloundou-2023', measures: 'share of task time an LLM could halve (GPT-4 as rater)' },
  { key: 'felten-2021-aioe', name: 'Felten, Raj & Seamans 2021, AI Occupational Exposure', sourceKey: 'felten-2021', measures: 'overlap of occupational abilities with AI applications' },
  { key: 'felten-2023-lm-aioe', name: 'Felten, Raj & Seamans 2023, language-modeling AIOE', sourceKey: 'felten-2023', measures: 'overlap of occupational abilities with language models' },
  { key: 'frey-osborne-2013', name: 'Frey & Osborne 2013, probability of computerisation', sourceKey: 'frey-osborne-2013', measures: 'probability that the occupation is computerised (2013 technology)' },
  { key: 'microsoft-2025-ai-applicability', name: 'Tomlinson et al. 2025 (Microsoft), AI applicability', sourceKey: 'microsoft-2025', measures: 'observed Copilot use on the occupation’s work activities' },
];

interface IndexTable {
  key: string;
  crosswalked: boolean;
  distribution: Distribution;
  /** Value by O*NET-SOC code (Eloundou) or SOC 2018 code (the rest). */
  byOnet: boolean;
  values: Map<string, number>;
}

/** Maps values keyed by a source code onto target codes through a crosswalk, averaging where several source codes meet. */
export function carryAcross(values: ReadonlyMap<string, number>, crosswalk: readonly { from: string; to: string }[]): Map<string, number> {
  const pairs: { key: string; value: number }[] = [];
  const seen = new Set<string>();
  for (const { from, to } of crosswalk) {
    const value = values.get(from);
    const pairKey = `${from}>${to}`;
    if (value === undefined || seen.has(pairKey)) continue;
    seen.add(pairKey);
    pairs.push({ key: to, value });
  }
  return new Map([...groupValues(pairs)].map(([key, list]) => [key, mean(list)]));
}

/** Prepares every published index for lookup by occupation. */
export function prepareIndices(data: SourceData): IndexTable[] {
  const { exposure, eloundou } = data;
  const human = new Map([...eloundou.occupationLevel].map(([code, level]) => [code, level.humanBeta]));
  const gpt4 = new Map([...eloundou.occupationLevel].map(([code, level]) => [code, level.gpt4Beta]));
  const freyByOriginal = new Map<string, number>();
  for (const line of exposure.freyOsborne) freyByOriginal.set(line.soc2010, line.probability);
  const freyPairs: { key: string; value: number }[] = [];
  for (const line of exposure.freyOsborne) {
    if (line.soc2018) freyPairs.push({ key: line.soc2018, value: line.probability });
    else for (const { from, to } of exposure.soc2010To2018) if (from === line.soc2010) freyPairs.push({ key: to, value: line.probability });
  }
  const frey = new Map([...groupValues(freyPairs)].map(([key, list]) => [key, mean(list)]));
  return [
    { key: 'eloundou-2023-human-beta', crosswalked: false, byOnet: true, values: human, distribution: distributionOf([...human.values()]) },
    { key: 'eloundou-2023-gpt4-beta', crosswalked: false, byOnet: true, values: gpt4, distribution: distributionOf([...gpt4.values()]) },
    { key: 'felten-2021-aioe', crosswalked: true, byOnet: false, values: carryAcross(exposure.feltenAioe, exposure.soc2010To2018), distribution: distributionOf([...exposure.feltenAioe.values()]) },
    { key: 'felten-2023-lm-aioe', crosswalked: true, byOnet: false, values: carryAcross(exposure.feltenLmAioe, exposure.soc2010To2018), distribution: distributionOf([...exposure.feltenLmAioe.values()]) },
    { key: 'frey-osborne-2013', crosswalked: true, byOnet: false, values: frey, distribution: distributionOf([...freyByOriginal.values()]) },
    { key: 'microsoft-2025-ai-applicability', crosswalked: false, byOnet: false, values: exposure.microsoft, distribution: distributionOf([...exposure.microsoft.values()]) },
  ];
}

/** Returns every published index value for an occupation, with its percentile among the occupations that index covers. */
export function indexValuesFor(tables: readonly IndexTable[], onetCode: string, socCode: string): IndexValue[] {
  const result: IndexValue[] = [];
  for (const table of tables) {
    const value = table.values.get(table.byOnet ? onetCode : socCode);
    if (value === undefined) continue;
    result.push({ index: table.key, value: Math.round(value * 1e6) / 1e6, percentile: table.distribution.percentileOf(value), crosswalked: table.crosswalked });
  }
  return result.sort((a, b) => INDEX_DEFINITIONS.findIndex((d) => d.key === a.index) - INDEX_DEFINITIONS.findIndex((d) => d.key === b.index) || compareText(a.index, b.index));
}
