import { join } from 'node:path';
import type { z } from 'zod';
import { CATALOG_FILES, OccupationRecordSchema, TitleRecordSchema } from '../../data-pipeline/catalog-records.ts';
import { CatalogFileError, readJsonLines, REPOSITORY_ROOT } from '../../data-pipeline/committed-catalog.ts';
import { isDirectory, listFilesRecursively } from '../../shared/files.ts';
import { readAssessmentFile } from '../assessments/assessment-files.ts';
import { formatFileProblem } from '../assessments/assessment-yaml.ts';
import type { SearchEntry } from './search-index.ts';

/** Where expert assessment files live, relative to the repository root. */
export const ASSESSMENTS_FOLDER = 'content/assessments';

/** Raised when the titles to search cannot be loaded; the message names the file and what to do. */
export class SearchDataError extends Error {}

async function readRecords<T extends z.ZodType>(root: string, file: string, schema: T): Promise<z.output<T>[]> {
  try {
    return await readJsonLines(join(root, file), schema);
  } catch (error) {
    if (error instanceof CatalogFileError) throw new SearchDataError(error.message);
    throw error;
  }
}

/** Loads every expert-assessed role under content/assessments as a search entry with its title and aliases. */
export async function loadExpertRoleEntries(root: string = REPOSITORY_ROOT): Promise<SearchEntry[]> {
  const folder = join(root, ASSESSMENTS_FOLDER);
  if (!(await isDirectory(folder))) return [];
  const roles = new Map<string, SearchEntry>();
  for (const file of await listFilesRecursively(folder, ['.yaml', '.yml'])) {
    const parsed = await readAssessmentFile(file);
    if (!parsed.ok) {
      const first = parsed.problems[0];
      throw new SearchDataError(first ? formatFileProblem(first) : `${file}: not a valid assessment file`);
    }
    const { role } = parsed.assessment;
    const onetCode = role.onetCodes[0] ?? null;
    const entry = roles.get(role.slug) ?? { slug: role.slug, title: role.title, onetCode, socCode: onetCode?.slice(0, 7) ?? null, expert: true, titles: [] };
    for (const alias of [role.title, ...role.aliases]) {
      if (!entry.titles.some((title) => title.text === alias)) entry.titles.push({ text: alias, kind: 'alias' });
    }
    roles.set(role.slug, entry);
  }
  return [...roles.values()].sort((left, right) => (left.slug < right.slug ? -1 : left.slug > right.slug ? 1 : 0));
}

/**
 * Loads what search finds from a repository root: every occupation of the committed catalog
 * with its titles, and every expert-assessed role under content/ with its aliases. Only the
 * occupation and title files are read; the baselines are not needed to find a title.
 */
export async function loadSearchEntries(root: string = REPOSITORY_ROOT): Promise<SearchEntry[]> {
  const occupations = await readRecords(root, CATALOG_FILES.occupations, OccupationRecordSchema);
  const titles = await readRecords(root, CATALOG_FILES.titles, TitleRecordSchema);
  const entries = new Map<string, SearchEntry>();
  for (const occupation of occupations) {
    entries.set(occupation.onetCode, {
      slug: occupation.slug,
      title: occupation.title,
      onetCode: occupation.onetCode,
      socCode: occupation.socCode,
      employment: occupation.employment2024?.value ?? null,
      description: occupation.description,
      titles: [],
    });
  }
  for (const title of titles) entries.get(title.onetCode)?.titles.push({ text: title.title, kind: title.kind });
  return [...entries.values(), ...(await loadExpertRoleEntries(root))];
}
