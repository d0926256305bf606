import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { config } from '../../config/config.ts';
import { openPostgresStore, type Database, type Store } from '../../store/database.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { PUBLICATION_CHANNEL } from './revisions.schemas.ts';
import { publishAssessment } from './revisions.usecases.ts';
import { expertAssessment, loadSampleCatalog } from './test-support/publishing-fixture.ts';

const by = { author: 'Ada Assessor', note: 'New evidence.' };

describeEachDriver('signalling publications', (store) => {
  it('every publication is signalled on commit to the processes listening, and a refused one is not', async () => {
    await loadSampleCatalog(store.db);
    let listener: Store | undefined;
    const payloads: string[] = [];
    let stop: () => Promise<void>;
    if (store.driver === 'postgres') {
      const name = ((await store.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] }).rows[0]?.name ?? '';
      const url = new URL(config.testDatabaseUrl ?? '');
      url.pathname = `/${name}`;
      // Another process's view: a second connection pool listening on the same database.
      listener = await openPostgresStore(url.toString());
      stop = await listener.listen(PUBLICATION_CHANNEL, (payload) => payloads.push(payload));
    } else {
      stop = await listenOnTestStore(store, (payload) => payloads.push(payload));
    }
    try {
      await publishAssessment(store.db, expertAssessment(), by);
      await expect(publishAssessment(store.db, expertAssessment(), { ...by, expectedRevision: 0 })).rejects.toMatchObject({ code: 'revision.conflict' });
      const deadline = Date.now() + 10_000;
      while (payloads.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(payloads.map((payload) => JSON.parse(payload) as unknown)).toEqual([{ revisions: 1 }]);
    } finally {
      await stop();
      await listener?.close();
    }
  });
});

async function listenOnTestStore(store: { db: Database }, handler: (payload: string) => void): Promise<() => Promise<void>> {
  // The PGlite test store is one process: LISTEN through the same database the publications use.
  const client = (store.db as unknown as { $client: { listen: (channel: string, callback: (payload: string) => void) => Promise<() => Promise<void>> } }).$client;
  return client.listen(PUBLICATION_CHANNEL, handler);
}
