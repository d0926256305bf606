import type { Assessment } from '../../../methodology/index.ts';
import type { CatalogToLoad } from '../../catalog/catalog-source.ts';
import { buildReadModel, type ReadModel } from '../../read-model/read-model.ts';
import { readModelInputFromFiles, type FilePublication } from '../../read-model/read-model-from-files.ts';
import { committedCatalog as sharedCommittedCatalog, committedReadModel } from '../../read-model/test-support/committed-read-model.ts';

const PUBLICATION: FilePublication = { publishedAt: new Date('2026-11-24T09:00:00Z') };

/** Reads the committed catalog and the expert files once per test file. */
export function committedCatalog(): Promise<CatalogToLoad> {
  return sharedCommittedCatalog();
}

/** Builds the read model the site would serve from the committed catalog, plus any extra expert assessments, the way the store loads them. */
export async function readModelFromCatalog(options: { extraExperts?: Assessment[]; onlyBaselines?: readonly string[] } = {}): Promise<ReadModel> {
  if (!options.extraExperts && !options.onlyBaselines) return committedReadModel(PUBLICATION);
  const source = await committedCatalog();
  const baselines = options.onlyBaselines ? source.baselines.filter((record) => options.onlyBaselines?.includes(record.assessment.role.slug)) : source.baselines;
  const extraExperts = (options.extraExperts ?? []).map((assessment) => ({ file: `content/assessments/${assessment.role.slug}/${assessment.role.seniority}.yaml`, assessment }));
  const catalog: CatalogToLoad = { ...source, baselines, experts: [...source.experts, ...extraExperts] };
  return buildReadModel(readModelInputFromFiles(catalog, PUBLICATION));
}
