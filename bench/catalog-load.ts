/**
 * Catalog load: loads the full committed catalog (plus content/ expert assessments) into a fresh
 * PGlite and, when TEST_DATABASE_URL is set, into a scratch PostgreSQL database, and prints time and
 * rows. Two baselines from the same run give the figures scale: reading and validating the catalog
 * files, and a plain INSERT of the same records as JSON into one unindexed table on the same engine.
 * Run: npm run bench:catalog-load
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { config } from '../src/config/config.ts';
import { readCatalogToLoad, type CatalogToLoad } from '../src/features/catalog/catalog-source.ts';
import { getCatalogStats, loadCommittedCatalog } from '../src/features/catalog/catalog.usecases.ts';
import { sampleBaselineAssessment } from '../src/features/catalog/test-support/sample-catalog.ts';
import { openPgliteStore, type Database, type Store } from '../src/store/database.ts';
import { openScratchPostgresStore } from '../src/store/test-support/scratch-stores.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

function recordsOf(catalog: CatalogToLoad): unknown[] {
  return [...catalog.occupations, ...catalog.titles, ...catalog.baselines, ...catalog.experts, ...catalog.sources];
}

async function plainInsert(db: Database, records: readonly unknown[]): Promise<number> {
  await db.execute(sql`create table bench_plain_rows (document jsonb not null)`);
  const { ms } = await timed(async () => {
    await db.transaction(async (tx) => {
      for (let start = 0; start < records.length; start += 1000) {
        const chunk = records.slice(start, start + 1000).map((record) => sql`(${JSON.stringify(record)}::jsonb)`);
        await tx.execute(sql`insert into bench_plain_rows (document) values ${sql.join(chunk, sql`, `)}`);
      }
    });
  });
  await db.execute(sql`drop table bench_plain_rows`);
  return ms;
}

async function measureEngine(label: string, open: () => Promise<{ store: Store; openMs: number; dispose: () => Promise<void> }>, catalog: CatalogToLoad) {
  const { store, openMs, dispose } = await open();
  try {
    const migrate = await timed(() => store.migrate());
    const plainMs = await plainInsert(store.db, recordsOf(catalog));
    const load = await timed(() => loadCommittedCatalog(store.db, catalog));
    const again = await timed(() => loadCommittedCatalog(store.db, catalog));
    const stats = await getCatalogStats(store.db);
    const rows = load.value.occupations + load.value.roles * 2 + load.value.revisionsPublished + load.value.titles + load.value.indexValues + load.value.sources;
    console.log(`\n${label}`);
    console.log(`  open (fresh)           ${seconds(openMs)}`);
    console.log(`  migrate                ${seconds(migrate.ms)}`);
    console.log(`  load catalog           ${seconds(load.ms)}  (${rows.toLocaleString('en-US')} rows; ${Math.round(rows / (load.ms / 1000)).toLocaleString('en-US')} rows/s)`);
    console.log(`  load again (no-op)     ${seconds(again.ms)}  (${again.value.revisionsPublished} revisions published)`);
    console.log(`  plain INSERT baseline  ${seconds(plainMs)}  (${recordsOf(catalog).length.toLocaleString('en-US')} records as JSON into one unindexed table)`);
    console.log(`  ratio load / plain     ${(load.ms / plainMs).toFixed(2)}×`);
    console.log(`  stats                  ${JSON.stringify(stats)}`);
  } finally {
    await dispose();
  }
}

const read = await timed(() => readCatalogToLoad());
let catalog = read.value;
let note = 'the committed catalog';
if (catalog.baselines.length === 0) {
  // Until catalog/baselines.jsonl is built, stand in one small baseline per real occupation.
  note = 'the committed occupations and titles with SYNTHETIC one-task baselines (catalog/baselines.jsonl is empty)';
  catalog = {
    ...catalog,
    baselines: catalog.occupations.map((occupation, index) => ({
      onetCode: occupation.onetCode,
      assessment: sampleBaselineAssessment(occupation.onetCode, occupation.slug, occupation.title, (['Green', 'Yellow', 'Red'] as const)[index % 3] ?? 'Green'),
    })),
  };
}
const bytes = Buffer.byteLength(JSON.stringify(recordsOf(catalog)));
console.log(`Catalog load benchmark: ${note}`);
console.log(
  `  ${catalog.occupations.length} occupations, ${catalog.baselines.length} baselines, ${catalog.experts.length} expert assessments, ` +
    `${catalog.titles.length} titles, ${catalog.sources.length} sources; ${(bytes / 1e6).toFixed(1)} MB as JSON`,
);
console.log(`  read and validate the files (baseline)  ${seconds(read.ms)}`);

await measureEngine(
  'PGlite (fresh data directory, includes initdb)',
  async () => {
    const folder = await mkdtemp(join(tmpdir(), 'jobzone-bench-pglite-'));
    const opened = await timed(() => openPgliteStore(folder));
    return {
      store: opened.value,
      openMs: opened.ms,
      dispose: async () => {
        await opened.value.close();
        await rm(folder, { recursive: true, force: true });
      },
    };
  },
  catalog,
);

if (config.testDatabaseUrl) {
  await measureEngine(
    'PostgreSQL (scratch database on TEST_DATABASE_URL; open includes create + migrate)',
    async () => {
      const opened = await timed(() => openScratchPostgresStore(config.testDatabaseUrl ?? ''));
      return { store: opened.value.store, openMs: opened.ms, dispose: opened.value.dispose };
    },
    catalog,
  );
} else {
  console.log('\nPostgreSQL: not measured; set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).');
}
