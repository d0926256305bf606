import { chmod, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_FILES } from '../catalog-records.ts';
import { REPOSITORY_ROOT } from '../committed-catalog.ts';
import { SourceFileError } from '../sources/delimited-table.ts';
import { buildCatalog } from './build-catalog.ts';

// The raw data always sits beside the checkout (../shared/data); without it these tests must fail, not skip.
const DATA_DIR = join(REPOSITORY_ROOT, '..', 'shared', 'data');
const names = Object.values(CATALOG_FILES).map((path) => path.slice(path.lastIndexOf('/') + 1));
let scratch = '';

beforeAll(async () => {
  const found = await stat(DATA_DIR).catch(() => null);
  if (!found?.isDirectory()) throw new Error(`The source data folder ${DATA_DIR} is missing: the catalog build tests need ../shared/data beside the checkout.`);
  scratch = await mkdtemp(join(tmpdir(), 'jobzone-build-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('building the catalog from ../shared/data', () => {
  it('gives byte-identical files when built twice', async () => {
    const first = join(scratch, 'first');
    const second = join(scratch, 'second');
    const summary = await buildCatalog(DATA_DIR, first);
    await buildCatalog(DATA_DIR, second);
    expect(summary).toMatchObject({ occupations: 923, baselines: 923 });
    for (const name of names) {
      const [a, b] = await Promise.all([readFile(join(first, name)), readFile(join(second, name))]);
      expect(a.length, `${name} is empty`).toBeGreaterThan(0);
      expect(a.equals(b), `${name} differs between two builds from the same sources`).toBe(true);
    }
    expect((await readdir(first)).sort()).toEqual([...names].sort());
  }, 60_000);

  it('reproduces the committed catalog exactly, so the committed files are never stale', async () => {
    const fresh = join(scratch, 'fresh');
    await buildCatalog(DATA_DIR, fresh);
    for (const name of names) {
      const [built, committed] = await Promise.all([readFile(join(fresh, name)), readFile(join(REPOSITORY_ROOT, 'catalog', name))]);
      expect(built.equals(committed), `catalog/${name} is stale: run "npx jobzone catalog build --from ../shared/data" and commit it`).toBe(true);
    }
  }, 60_000);

  it('writes nothing when a source row is bad, and names the file, line and field', async () => {
    const data = join(scratch, 'data');
    await cp(DATA_DIR, data, { recursive: true });
    await chmod(join(data, 'onet'), 0o755);
    const jobZones = join(data, 'onet', 'job-zones.csv');
    await chmod(jobZones, 0o644);
    const lines = (await readFile(jobZones, 'utf8')).split('\n');
    lines[2] = (lines[2] as string).replace(/,\d,/, ',seven,');
    await writeFile(jobZones, lines.join('\n'));
    const out = join(scratch, 'kept');
    await buildCatalog(DATA_DIR, out);
    const before = await readFile(join(out, 'baselines.jsonl'));

    const failure = await buildCatalog(data, out).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceFileError);
    expect((failure as Error).message).toMatch(/onet\/job-zones\.csv:3: field "Job Zone": found "seven"; expected a number/);
    expect((await readFile(join(out, 'baselines.jsonl'))).equals(before)).toBe(true);
    expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 60_000);
});
