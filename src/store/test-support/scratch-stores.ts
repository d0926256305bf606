import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describePostgresUrl, MIGRATIONS_FOLDER, openPgliteStore, openPostgresStore, pgliteDirectoryOf, type Store } from '../database.ts';

/** A store made for one test file or benchmark run, and how to throw it away. */
export interface ScratchStore {
  store: Store;
  dispose: () => Promise<void>;
}

async function migrationsFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const pglitePackage = new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
  const pglite = JSON.parse(await readFile(pglitePackage, 'utf8')) as { version: string };
  hash.update(pglite.version);
  const files = (await readdir(MIGRATIONS_FOLDER, { recursive: true })).sort();
  for (const file of files) {
    if (!file.endsWith('.sql') && !file.endsWith('.json')) continue;
    hash.update(file);
    hash.update(await readFile(join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

let template: Promise<string> | undefined;

// A fresh PGlite runs initdb for seconds; a migrated template folder is built once per
// set of migrations (shared by parallel test processes through an atomic rename) and copied.
async function buildPgliteTemplate(): Promise<string> {
  const folder = join(tmpdir(), `jobzone-pglite-template-${await migrationsFingerprint()}`);
  try {
    await readFile(join(folder, 'PG_VERSION'));
    return folder;
  } catch {
    // Not built yet.
  }
  const building = await mkdtemp(join(tmpdir(), 'jobzone-pglite-building-'));
  const store = await openPgliteStore(building);
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
  try {
    await rename(building, folder);
  } catch {
    await rm(building, { recursive: true, force: true });
  }
  return folder;
}

/** Opens a migrated PGlite database in a new temporary folder, copied from a template migrated once. */
export async function openScratchPgliteStore(): Promise<ScratchStore> {
  template ??= buildPgliteTemplate();
  const source = await template;
  const folder = await mkdtemp(join(tmpdir(), 'jobzone-pglite-test-'));
  await cp(source, folder, { recursive: true });
  const store = await openPgliteStore(folder);
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Makes a fresh jobzone data directory whose PGlite database is already migrated; remove it with rm when done. */
export async function createMigratedDataDir(): Promise<string> {
  template ??= buildPgliteTemplate();
  const source = await template;
  const dataDir = await mkdtemp(join(tmpdir(), 'jobzone-data-test-'));
  await cp(source, pgliteDirectoryOf(dataDir), { recursive: true });
  return dataDir;
}

async function withAdminClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `cannot connect to the PostgreSQL test server at ${describePostgresUrl(url)} (TEST_DATABASE_URL): ${(error as Error).message}. ` +
        'Start it, or unset TEST_DATABASE_URL to run the store tests on PGlite only (not allowed under CI).',
    );
  }
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

// PostgreSQL copies a database from a template in a fraction of the time the migrations take; the template
// is built once per set of migrations (an advisory lock makes parallel test files wait for one builder) and
// never connected to afterwards, which CREATE DATABASE … TEMPLATE requires.
const TEMPLATE_LOCK_KEY = 720_417_005;
const postgresTemplates = new Map<string, Promise<string>>();

async function buildPostgresTemplate(url: string): Promise<string> {
  const name = `jobzone_template_${await migrationsFingerprint()}`;
  await withAdminClient(url, async (client) => {
    await client.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount) return;
      const building = `${name}_${randomBytes(4).toString('hex')}`;
      await client.query(`create database "${building}"`);
      const buildingUrl = new URL(url);
      buildingUrl.pathname = `/${building}`;
      try {
        const store = await openPostgresStore(buildingUrl.toString());
        try {
          await store.migrate();
        } finally {
          await store.close();
        }
        await client.query(`alter database "${building}" rename to "${name}"`);
      } catch (error) {
        await client.query(`drop database if exists "${building}" with (force)`);
        throw error;
      }
    } finally {
      await client.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  return name;
}

// Each test file gets its own database: the migrations reference the public schema, so a schema per file would not isolate them.
/** Creates a uniquely named, migrated PostgreSQL database on the server of `url` (a copy of a migrated template); dispose drops it. */
export async function openScratchPostgresStore(url: string): Promise<ScratchStore> {
  let template = postgresTemplates.get(url);
  if (!template) {
    template = buildPostgresTemplate(url);
    postgresTemplates.set(url, template);
  }
  const templateName = await template;
  const name = `jobzone_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(url, (client) => client.query(`create database "${name}" template "${templateName}"`));
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  let store: Store | undefined;
  const drop = () => withAdminClient(url, (client) => client.query(`drop database if exists "${name}" with (force)`));
  try {
    store = await openPostgresStore(databaseUrl.toString());
    await store.migrate();
  } catch (error) {
    await store?.close();
    await drop();
    throw error;
  }
  const opened = store;
  return {
    store: opened,
    dispose: async () => {
      await opened.close();
      await drop();
    },
  };
}

