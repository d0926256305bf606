import type { CatalogToLoad } from '../../catalog/catalog-source.ts';
import { sampleCatalog } from '../../catalog/test-support/sample-catalog.ts';
import type { Zone } from '../../../methodology/index.ts';
import { buildReadModel, type ReadModel, type ReadModelInput } from '../../read-model/read-model.ts';
import { readModelInputFromFiles, type FilePublication } from '../../read-model/read-model-from-files.ts';
import { committedReadModel as sharedCommittedReadModel } from '../../read-model/test-support/committed-read-model.ts';

/** The nth assessment is published on day n of 2026, so "recently updated" has an order to show. */
const ONE_A_DAY: FilePublication = { publishedAt: new Date(Date.UTC(2026, 0, 1)), daysApart: 1 };

/** Turns a catalog into read-model input the way the store would, publishing the nth assessment on day n of 2026. */
export function readModelInputOf(catalog: CatalogToLoad): ReadModelInput {
  return readModelInputFromFiles(catalog, ONE_A_DAY);
}

/** Builds a read model of a few sample occupations, each landing in the zone given. */
export function sampleReadModel(entries: readonly { onetCode: string; title: string; zone: Zone; category?: string }[]): ReadModel {
  const catalog = sampleCatalog(entries);
  for (const [index, baseline] of catalog.baselines.entries()) {
    const category = entries[index]?.category;
    if (category) baseline.assessment.role.category = category;
  }
  return buildReadModel(readModelInputOf(catalog));
}

/** Returns the read model of the committed catalog and the expert assessment files (a copy per test file, built once per set of sources). */
export function committedReadModel(): Promise<ReadModel> {
  return sharedCommittedReadModel(ONE_A_DAY);
}
