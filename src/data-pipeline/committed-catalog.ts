import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { formatPath } from '../methodology/index.ts';
import { describeFileError } from '../shared/files.ts';
import {
  BaselineRecordSchema,
  CATALOG_FILES,
  DataSourceSchema,
  OccupationRecordSchema,
  TitleRecordSchema,
  type BaselineRecord,
  type DataSource,
  type OccupationRecord,
  type TitleRecord,
} from './catalog-records.ts';

/** The repository root, where the committed catalog/ folder lives. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CommittedCatalog {
  occupations: OccupationRecord[];
  titles: TitleRecord[];
  baselines: BaselineRecord[];
  sources: DataSource[];
}

/** Raised when a committed catalog file is missing or malformed; the message names file and line. */
export class CatalogFileError extends Error {}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CatalogFileError(`${path}: cannot be read: ${describeFileError(error)}; build the catalog first with "npx jobzone catalog build --from <data folder>" (see docs/baseline-method.md)`);
  }
}

/** Reads a JSON Lines file, validating every record; the first bad line stops it with file:line in the message. */
export async function readJsonLines<T extends z.ZodType>(path: string, schema: T): Promise<z.output<T>[]> {
  const lines = (await readText(path)).split('\n');
  const records: z.output<T>[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new CatalogFileError(`${path}:${index + 1}: not valid JSON`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? formatPath(issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol')) : '';
      throw new CatalogFileError(`${path}:${index + 1}: ${where}: ${issue?.message ?? 'invalid record'}`);
    }
    records.push(parsed.data);
  }
  return records;
}

/** Reads and validates the committed catalog from a repository root (the project's own by default). */
export async function readCommittedCatalog(root: string = REPOSITORY_ROOT): Promise<CommittedCatalog> {
  const sourcesPath = join(root, CATALOG_FILES.sources);
  let sourcesRaw: unknown;
  try {
    sourcesRaw = JSON.parse(await readText(sourcesPath));
  } catch (error) {
    if (error instanceof CatalogFileError) throw error;
    throw new CatalogFileError(`${sourcesPath}: not valid JSON`);
  }
  const sources = DataSourceSchema.array().safeParse(sourcesRaw);
  if (!sources.success) throw new CatalogFileError(`${sourcesPath}: ${sources.error.issues[0]?.message ?? 'invalid'}`);
  return {
    occupations: await readJsonLines(join(root, CATALOG_FILES.occupations), OccupationRecordSchema),
    titles: await readJsonLines(join(root, CATALOG_FILES.titles), TitleRecordSchema),
    baselines: await readJsonLines(join(root, CATALOG_FILES.baselines), BaselineRecordSchema),
    sources: sources.data,
  };
}
