import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { config } from '../../config/config.ts';
import type { Database, StoreDriver } from '../database.ts';
import { openScratchPgliteStore, openScratchPostgresStore, type ScratchStore } from './scratch-stores.ts';

/** What a store test sees: the database of its own test file, emptied before each test. */
export interface TestStore {
  readonly db: Database;
  readonly driver: StoreDriver;
}

const SETUP_TIMEOUT_MS = 120_000;

async function emptyAllTables(db: Database): Promise<void> {
  // Both drivers answer execute() with { rows }; the shared Drizzle type leaves it unknown.
  const result = (await db.execute(sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`)) as unknown as { rows: { name: string }[] };
  const names = result.rows.map((row) => row.name);
  if (names.length > 0) await db.execute(sql.raw(`truncate ${names.join(', ')} restart identity cascade`));
}

function describeOnDriver(name: string, driver: StoreDriver, open: () => Promise<ScratchStore>, body: (store: TestStore) => void) {
  describe(`${name} [${driver}]`, () => {
    let opened: ScratchStore | undefined;
    const testStore: TestStore = {
      driver,
      get db() {
        if (!opened) throw new Error(`the ${driver} test database is not open (its setup failed; see the first error)`);
        return opened.store.db;
      },
    };
    beforeAll(async () => {
      opened = await open();
    }, SETUP_TIMEOUT_MS);
    afterAll(async () => {
      await opened?.dispose();
      opened = undefined;
    }, SETUP_TIMEOUT_MS);
    beforeEach(async () => {
      if (opened) await emptyAllTables(opened.store.db);
    });
    body(testStore);
  });
}

let announced = false;

/** Runs the same store tests on PGlite and, when TEST_DATABASE_URL is set (always under CI), on PostgreSQL; each test starts from empty tables. */
export function describeEachDriver(name: string, body: (store: TestStore) => void): void {
  describeOnDriver(name, 'pglite', openScratchPgliteStore, body);
  const url = config.testDatabaseUrl;
  if (url) {
    describeOnDriver(name, 'postgres', () => openScratchPostgresStore(url), body);
  } else if (config.ci) {
    describe(`${name} [postgres]`, () => {
      it('runs on PostgreSQL under CI', () => {
        throw new Error('TEST_DATABASE_URL is not set: under CI every store test must also run on PostgreSQL (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).');
      });
    });
  } else if (!announced) {
    announced = true;
    console.info('store tests: PostgreSQL suite not registered because TEST_DATABASE_URL is unset; running on PGlite only.');
  }
}
