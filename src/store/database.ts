import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Config } from '../config/config.ts';
import { ensurePrivateDirectory, restrictToOwner } from '../shared/files.ts';
import * as schema from './schema.ts';
import { StoreError } from './store-error.ts';

export type Schema = typeof schema;

/** The store as the use cases see it: the same Drizzle API on PGlite and on PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type StoreDriver = 'pglite' | 'postgres';

/** An open store: its database, which engine serves it, and how to close it. */
export interface Store {
  db: Database;
  driver: StoreDriver;
  /** Where the data lives, for messages: the PGlite folder or the PostgreSQL URL without its password. */
  location: string;
  /** Applies every migration not yet applied; safe to run on every start. */
  migrate: () => Promise<void>;
  /** Calls `handler` with the payload of every NOTIFY on `channel` (from any process on PostgreSQL); resolves to a function that stops listening. */
  listen: (channel: string, handler: (payload: string) => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

function checkChannel(channel: string): void {
  if (!CHANNEL_NAME.test(channel)) throw new StoreError(`"${channel}" is not a notification channel name; use lower-case letters, digits and underscores`);
}

export { StoreError };

/** The folder of generated SQL migrations, shared by both engines. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Where the embedded PGlite keeps its files inside a jobzone data directory. */
export function pgliteDirectoryOf(dataDir: string): string {
  return resolve(dataDir, 'pglite');
}

/** Hides the password of a connection URL so it can be shown in messages. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an unparsable DATABASE_URL';
  }
}

function reason(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return [code, message].filter(Boolean).join(': ') || String(error);
}

/** Opens the embedded PGlite database kept in a folder, creating the folder when needed; only its owner may read it. */
export async function openPgliteStore(directory: string): Promise<Store> {
  const location = resolve(directory);
  let client: PGlite;
  try {
    await ensurePrivateDirectory(location);
    client = await PGlite.create(location);
    // PGlite writes its files world-readable (0666); the 0700 folder already shuts others out, and this narrows the files too.
    await restrictToOwner(location);
  } catch (error) {
    throw new StoreError(`cannot open the PGlite database in ${location}: ${reason(error)} (is another jobzone process using it?)`);
  }
  const db = drizzlePglite({ client, schema });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    location,
    migrate: async () => {
      try {
        await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
      } catch (error) {
        throw new StoreError(`cannot migrate the PGlite database in ${location}: ${reason(error)}`);
      }
    },
    listen: async (channel, handler) => {
      checkChannel(channel);
      const stop = await client.listen(channel, handler);
      return async () => {
        if (!client.closed) await stop();
      };
    },
    close: async () => {
      if (client.closed) return;
      await client.close();
      await restrictToOwner(location).catch(() => undefined);
    },
  };
}

// Any fixed number works; it only has to be the same in every jobzone process.
const MIGRATION_LOCK_KEY = 720_417_003;

const RELISTEN_DELAY_MS = 1_000;

// LISTEN needs a connection of its own that stays open: a pooled one would be handed to queries.
async function listenOnPostgres(url: string, channel: string, handler: (payload: string) => void): Promise<() => Promise<void>> {
  checkChannel(channel);
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const retryLater = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(retryLater), RELISTEN_DELAY_MS);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    next.on('notification', (message) => {
      if (message.channel === channel) handler(message.payload ?? '');
    });
    next.on('error', () => {
      // The connection broke (server restart): listen again on a new one; notifications sent meanwhile are missed.
      void next.end().catch(() => undefined);
      retryLater();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}

/** Connects to PostgreSQL; migrations take an advisory lock so parallel starts apply them once. */
export async function openPostgresStore(url: string): Promise<Store> {
  const location = describePostgresUrl(url);
  const listeners = new Set<() => Promise<void>>();
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next query.
  });
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end();
    throw new StoreError(`cannot connect to PostgreSQL at ${location}: ${reason(error)} (check DATABASE_URL and that the server runs)`);
  }
  return {
    db: drizzlePostgres({ client: pool, schema }) as unknown as Database,
    driver: 'postgres',
    location,
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePostgres(drizzlePostgres({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } catch (error) {
        throw new StoreError(`cannot migrate the PostgreSQL database at ${location}: ${reason(error)}`);
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    listen: async (channel, handler) => {
      const stop = await listenOnPostgres(url, channel, handler);
      const tracked = async () => {
        listeners.delete(tracked);
        await stop();
      };
      listeners.add(tracked);
      return tracked;
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      if (!pool.ended) await pool.end();
    },
  };
}

/** Opens the configured store (PostgreSQL when DATABASE_URL is set, else PGlite in the data directory) and migrates it. */
export async function openStore(settings: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<Store> {
  if (!settings.databaseUrl) await ensurePrivateDirectory(settings.dataDir);
  const store = settings.databaseUrl ? await openPostgresStore(settings.databaseUrl) : await openPgliteStore(pgliteDirectoryOf(settings.dataDir));
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Opens, uses and always closes a store, so the process can exit promptly. */
export async function withStore<T>(settings: Pick<Config, 'dataDir' | 'databaseUrl'>, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(settings);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

