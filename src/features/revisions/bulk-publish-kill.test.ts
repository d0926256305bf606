import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { config } from '../../config/config.ts';
import { rm } from 'node:fs/promises';
import { openPgliteStore, openPostgresStore, pgliteDirectoryOf, type Store } from '../../store/database.ts';
import { createMigratedDataDir } from '../../store/test-support/scratch-stores.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { revisionsTable } from '../catalog/catalog.table.ts';
import { loadCommittedCatalog } from '../catalog/catalog.usecases.ts';
import { generatedCatalog } from '../catalog/test-support/sample-catalog.ts';
import { selectCurrentDocuments } from './revisions.repository.ts';
import { publishAssessments } from './revisions.usecases.ts';

const CHILD = fileURLToPath(new URL('./test-support/bulk-publish-child.ts', import.meta.url));

/** Starts the bulk publication in a child process and SIGKILLs it once its revisions are written but not committed. */
async function killBulkPublicationMidway(target: string): Promise<string> {
  const child = spawn(process.execPath, [CHILD, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/written \d+/.test(output)) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the child exited (${code}) before writing: ${output}`))));
  });
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)));
  return output;
}

async function countRevisions(store: Store): Promise<{ total: number; changed: number; consistent: number }> {
  const result = (await store.db.execute(sql`
    select count(*)::int as total,
      count(*) filter (where ${revisionsTable.document}->>'verdict' = 'Changed by the bulk publication.')::int as changed,
      (select count(*)::int from assessments a join revisions r on r.id = a.current_revision_id
        where r.revision_number = (select max(revision_number) from revisions x where x.assessment_id = a.id)) as consistent
    from ${revisionsTable}`)) as unknown as { rows: { total: number; changed: number; consistent: number }[] };
  const [row] = result.rows;
  if (!row) throw new Error('no counts');
  return row;
}

describeEachDriver('a bulk publication killed mid-way', (store) => {
  it('leaves the store with none of its revisions, every assessment still at its latest revision, and publishable again', async () => {
    let target: string;
    let reopen: () => Promise<Store>;
    let folder: string | undefined;
    if (store.driver === 'pglite') {
      // PGlite admits one process: the child gets a data folder of its own, reopened here afterwards.
      folder = await createMigratedDataDir();
      const directory = pgliteDirectoryOf(folder);
      const setup = await openPgliteStore(directory);
      await loadCommittedCatalog(setup.db, generatedCatalog(150));
      await setup.close();
      target = directory;
      reopen = () => openPgliteStore(directory);
    } else {
      await loadCommittedCatalog(store.db, generatedCatalog(150));
      const name = ((await store.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] }).rows[0]?.name ?? '';
      const url = new URL(config.testDatabaseUrl ?? '');
      url.pathname = `/${name}`;
      target = url.toString();
      reopen = () => openPostgresStore(target);
    }
    try {
      const output = await killBulkPublicationMidway(target);
      expect(output).toContain('written 150');

      const reopened = await reopen();
      try {
        expect(await countRevisions(reopened)).toEqual({ total: 150, changed: 0, consistent: 150 });
        const current = await selectCurrentDocuments(reopened.db);
        const published = await publishAssessments(
          reopened.db,
          current.map((row) => ({ document: row.document, expectedRevision: row.revision })),
          { note: 'Published again after the crash', author: 'kill test' },
        );
        expect(published).toHaveLength(150);
        expect(await countRevisions(reopened)).toEqual({ total: 300, changed: 0, consistent: 150 });
      } finally {
        await reopened.close();
      }
    } finally {
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
