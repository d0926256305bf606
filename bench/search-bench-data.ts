import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CATALOG_FILES } from '../src/data-pipeline/catalog-records.ts';
import { REPOSITORY_ROOT } from '../src/data-pipeline/committed-catalog.ts';
import { withOfficialTitles } from '../src/features/search/added-titles.ts';
import { loadExpertRoleEntries, loadSearchEntries } from '../src/features/search/search-entries.ts';
import type { SearchEntry, TitleKind } from '../src/features/search/search-index.ts';

/** The raw O*NET files beside the checkout; read by the benchmarks only, never committed. */
export const ONET_FOLDER = join(REPOSITORY_ROOT, '..', 'shared', 'data', 'onet');

/** Reads a tab-separated file into rows of cells, without its header. */
export async function readTsv(path: string): Promise<string[][]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/\r$/, '').split('\t'));
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function readRawEntries(): Promise<SearchEntry[]> {
  const entries = new Map<string, SearchEntry>();
  for (const [code = '', title = ''] of await readTsv(join(ONET_FOLDER, 'occupation-data.tsv'))) {
    entries.set(code, { slug: slugify(title), title, onetCode: code, socCode: code.slice(0, 7), titles: [{ text: title, kind: 'onet' }] });
  }
  const add = (code: string, text: string, kind: TitleKind) => entries.get(code)?.titles.push({ text, kind });
  for (const [code = '', title = '', short = 'n/a'] of await readTsv(join(ONET_FOLDER, 'alternate-titles.tsv'))) {
    add(code, title, 'alternate');
    if (short !== 'n/a' && short !== '') add(code, short, 'short');
  }
  for (const [code = '', title = ''] of await readTsv(join(ONET_FOLDER, 'reported-titles.tsv'))) add(code, title, 'reported');
  return [...entries.values(), ...(await loadExpertRoleEntries(REPOSITORY_ROOT))];
}

/**
 * Loads the search entries every product path searches: the committed catalog when it exists, else
 * the raw O*NET files (says which), with the Census index titles and ESCO labels as the read model and the CLI add them.
 */
export async function loadBenchEntries(): Promise<{ entries: SearchEntry[]; source: string }> {
  if (existsSync(join(REPOSITORY_ROOT, CATALOG_FILES.titles)) && existsSync(join(REPOSITORY_ROOT, CATALOG_FILES.occupations))) {
    return { entries: withOfficialTitles(await loadSearchEntries(REPOSITORY_ROOT)), source: 'committed catalog (catalog/*.jsonl) + content/ + Census index titles + ESCO labels' };
  }
  return { entries: withOfficialTitles(await readRawEntries()), source: 'raw O*NET files in ../shared/data/onet (no committed catalog yet) + content/ + Census index titles + ESCO labels' };
}

/** Drops every title of one kind, to measure how search does on titles it has never seen. */
export function withoutKind(entries: readonly SearchEntry[], kind: TitleKind): SearchEntry[] {
  return entries.map((entry) => ({ ...entry, titles: entry.titles.filter((title) => title.kind !== kind) }));
}
