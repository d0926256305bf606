import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { REPOSITORY_ROOT } from '../../../data-pipeline/committed-catalog.ts';
import { readCatalogToLoad, type CatalogToLoad } from '../../catalog/catalog-source.ts';
import { buildReadModel, type ReadModel } from '../read-model.ts';
import { readModelInputFromFiles, type FilePublication } from '../read-model-from-files.ts';

// Reading, scoring and indexing the committed catalog takes seconds, and dozens of test files need it. The
// result is kept in the temp folder under a fingerprint of everything that could change it (the catalog, the
// expert files, every non-test source file, the lockfile), so an edit anywhere rebuilds it and a clean clone
// builds it once. Each test file still gets its own copy.
const FINGERPRINTED = ['catalog', 'content', 'src', 'package-lock.json'];
const CACHE_PREFIX = 'jobzone-fixture-';
const STALE_AFTER_MS = 3_600_000;

async function filesBelow(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function computeFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const input of FINGERPRINTED) {
    for (const file of await filesBelow(join(REPOSITORY_ROOT, input))) {
      hash.update(`${file.slice(REPOSITORY_ROOT.length)}\0`);
      hash.update(await readFile(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

let fingerprint: Promise<string> | undefined;

async function removeStaleCopies(name: string, keep: string): Promise<void> {
  const folder = tmpdir();
  for (const file of await readdir(folder).catch(() => [])) {
    if (!file.startsWith(`${CACHE_PREFIX}${name}-`) || file === keep) continue;
    const info = await stat(join(folder, file)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > STALE_AFTER_MS) await rm(join(folder, file), { force: true });
  }
}

async function cached<T>(name: string, build: () => Promise<T>): Promise<T> {
  fingerprint ??= computeFingerprint();
  const file = `${CACHE_PREFIX}${name}-${await fingerprint}.v8`;
  const path = join(tmpdir(), file);
  const stored = await readFile(path).catch(() => null);
  if (stored) {
    try {
      return deserialize(stored) as T;
    } catch {
      // An unreadable copy (another Node version wrote it): build it again below.
    }
  }
  const value = await build();
  // Written aside and renamed, so a parallel test file reads either nothing or a whole copy.
  const aside = `${path}.${randomBytes(6).toString('hex')}`;
  await writeFile(aside, serialize(value));
  await rename(aside, path);
  await removeStaleCopies(name, file);
  return value;
}

let catalog: Promise<CatalogToLoad> | undefined;

/** Returns the committed catalog and the expert assessment files, read and validated once per set of sources. */
export function committedCatalog(): Promise<CatalogToLoad> {
  catalog ??= cached('catalog', () => readCatalogToLoad());
  return catalog;
}

const models = new Map<string, Promise<ReadModel>>();

/** Returns the read model of the committed catalog (built with readModelInputFromFiles, as the store load would give it), a fresh copy per test file. */
export function committedReadModel(publication: FilePublication = {}): Promise<ReadModel> {
  const { publishedAt, daysApart = 0 } = publication;
  const name = `read-model-${publishedAt?.toISOString().replace(/[^0-9]/g, '') ?? 'default'}-${daysApart}`;
  let model = models.get(name);
  if (!model) {
    model = cached(name, async () => buildReadModel(readModelInputFromFiles(await committedCatalog(), publication)));
    models.set(name, model);
  }
  return model;
}
