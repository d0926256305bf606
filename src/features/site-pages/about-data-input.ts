import type { DataSource } from '../../data-pipeline/catalog-records.ts';
import type { ReadModel } from '../read-model/read-model.ts';

/** What the "About the data" page shows of the catalog, gathered from the read model before the page is built. */
export interface AboutDataInput {
  sources: readonly DataSource[];
  /** How many occupations carry a value of each published index, by index key. */
  indexCoverage: ReadonlyMap<string, number>;
  occupationCount: number;
  baselineCount: number;
  expertCount: number;
}

/** Gathers the catalog's sources, how many occupations each index covers, and how many assessments are baseline or expert. */
export function gatherAboutDataInput(model: ReadModel): AboutDataInput {
  const indexCoverage = new Map<string, number>();
  for (const occupation of model.occupations.values()) {
    for (const value of occupation.indices) indexCoverage.set(value.index, (indexCoverage.get(value.index) ?? 0) + 1);
  }
  let baselineCount = 0;
  let expertCount = 0;
  for (const entry of model.assessments.values()) {
    if (entry.status === 'baseline') baselineCount += 1;
    else if (entry.status === 'expert') expertCount += 1;
  }
  return { sources: model.sources, indexCoverage, occupationCount: model.occupations.size, baselineCount, expertCount };
}
