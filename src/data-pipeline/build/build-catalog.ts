import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { methodologyOf, scoreAssessment, type Zone } from '../../methodology/index.ts';
import { CATALOG_FILES, type BaselineRecord, type OccupationRecord, type TitleRecord } from '../catalog-records.ts';
import { deriveBaselines } from '../baseline/derive-baseline.ts';
import { readSourceData } from '../sources/source-data.ts';
import { readCuratedTables } from '../curated/curated-tables.ts';
import { DATA_SOURCES } from './data-sources.ts';
import { buildOccupationRecords, catalogCodes } from './occupation-records.ts';
import type { Progress } from './progress.ts';
import { buildTitleRecords } from './title-records.ts';

export interface BuiltCatalog {
  occupations: OccupationRecord[];
  titles: TitleRecord[];
  baselines: BaselineRecord[];
}

export interface BuildSummary {
  occupations: number;
  titles: number;
  baselines: number;
  byZone: Record<Zone, number>;
  files: { path: string; bytes: number }[];
}

const silent: Progress = { step: () => {}, advance: () => {}, finish: () => {} };

/** Serialises records as JSON Lines: one record per line, keys in the order the records were built. */
export function toJsonLines(records: readonly unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + (records.length > 0 ? '\n' : '');
}

/** Derives the whole catalog in memory from the source data folder. */
export async function deriveCatalog(dataDir: string, progress: Progress = silent): Promise<BuiltCatalog> {
  const data = await readSourceData(dataDir, (what) => progress.step(`reading ${what}`));
  const codes = catalogCodes(data);
  progress.step(`${codes.length} occupations have task labels`);
  const occupations = buildOccupationRecords(data, codes);
  const titles = buildTitleRecords(data, codes);
  progress.step('reading the curated licensing, union and physical-automation tables');
  const curated = await readCuratedTables();
  const baselines = deriveBaselines(data, occupations, curated, progress);
  return { occupations, titles, baselines };
}

/** Builds the catalog from the source data folder and writes it into the output folder; nothing is written unless every record is valid. */
export async function buildCatalog(dataDir: string, outDir: string, progress: Progress = silent): Promise<BuildSummary> {
  const catalog = await deriveCatalog(dataDir, progress);
  const contents: [string, string][] = [
    [CATALOG_FILES.occupations, toJsonLines(catalog.occupations)],
    [CATALOG_FILES.titles, toJsonLines(catalog.titles)],
    [CATALOG_FILES.baselines, toJsonLines(catalog.baselines)],
    [CATALOG_FILES.sources, `${JSON.stringify(DATA_SOURCES, null, 2)}\n`],
  ];
  progress.step(`writing ${outDir}`);
  await mkdir(outDir, { recursive: true });
  const staging = await mkdtemp(join(outDir, '.build-'));
  try {
    for (const [path, text] of contents) await writeFile(join(staging, fileName(path)), text, 'utf8');
    for (const [path] of contents) await rename(join(staging, fileName(path)), join(outDir, fileName(path)));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  progress.finish();
  const byZone: Record<Zone, number> = { Green: 0, Yellow: 0, Red: 0 };
  for (const baseline of catalog.baselines) byZone[scoreAssessment(baseline.assessment, methodologyOf(baseline.assessment.methodology)).zone] += 1;
  return {
    occupations: catalog.occupations.length,
    titles: catalog.titles.length,
    baselines: catalog.baselines.length,
    byZone,
    files: contents.map(([path, text]) => ({ path: join(outDir, fileName(path)), bytes: Buffer.byteLength(text) })),
  };
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
