import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
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
import { validationMemoryIn, type ValidationMemory } from './validated-files.ts';

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

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new CatalogFileError(`${path}: cannot be read: ${describeFileError(error)}; build the catalog first with "npx jobzone catalog build --from <data folder>" (see docs/baseline-method.md)`);
  }
}

async function readText(path: string): Promise<string> {
  return (await readBytes(path)).toString('utf8');
}

function parseLine(path: string, line: string, index: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new CatalogFileError(`${path}:${index + 1}: not valid JSON`);
  }
}

/** Reads a JSON Lines file, validating every record; the first bad line stops it with file:line in the message. */
export async function readJsonLines<T extends z.ZodType>(path: string, schema: T, memory?: ValidationMemory): Promise<z.output<T>[]> {
  const bytes = await readBytes(path);
  const lines = bytes.toString('utf8').split('\n');
  const name = basename(path);
  const key = memory ? await memory.keyOf(name, bytes) : null;
  if (memory && key && (await memory.wasValidated(name, key))) {
    // These exact bytes passed the validation below under the same schemas, and it changed none of their records.
    return lines.flatMap((line, index) => (line.trim() === '' ? [] : [parseLine(path, line, index) as z.output<T>]));
  }
  const records: z.output<T>[] = [];
  let unchangedByValidation = true;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const raw = parseLine(path, line, index);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? formatPath(issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol')) : '';
      throw new CatalogFileError(`${path}:${index + 1}: ${where}: ${issue?.message ?? 'invalid record'}`);
    }
    if (memory && unchangedByValidation && !isDeepStrictEqual(parsed.data, raw)) unchangedByValidation = false;
    records.push(parsed.data);
  }
  if (memory && key && unchangedByValidation) await memory.remember(name, key);
  return records;
}

/** Reads and validates the committed catalog from a repository root (the project's own by default). */
export async function readCommittedCatalog(root: string = REPOSITORY_ROOT, memory: ValidationMemory | undefined = validationMemoryIn()): Promise<CommittedCatalog> {
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
    occupations: await readJsonLines(join(root, CATALOG_FILES.occupations), OccupationRecordSchema, memory),
    titles: await readJsonLines(join(root, CATALOG_FILES.titles), TitleRecordSchema, memory),
    baselines: await readJsonLines(join(root, CATALOG_FILES.baselines), BaselineRecordSchema, memory),
    sources: sources.data,
  };
}
