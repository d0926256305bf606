import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { config } from '../../config/config.ts';
import { openPostgresStore, type Database, type Store } from '../../store/database.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { publicationPayload, signalledRoles } from './publication-signal.ts';
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
      expect(payloads.map((payload) => JSON.parse(payload) as unknown)).toEqual([{ revisions: 1, roles: ['ward-nurse'] }]);
      expect(payloads.map(signalledRoles)).toEqual([['ward-nurse']]);
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

describe('the payload of a publication signal', () => {
  it('names the roles published, once each, and nothing when the publication followed a catalog load', () => {
    expect(JSON.parse(publicationPayload(3, ['roofers', 'barbers', 'roofers']))).toEqual({ revisions: 3, roles: ['barbers', 'roofers'] });
    expect(JSON.parse(publicationPayload(3, null))).toEqual({ revisions: 3 });
  });

  it('leaves the roles out when they would not fit in a NOTIFY payload, so listeners rebuild everything', () => {
    const many = Array.from({ length: 400 }, (_, index) => `a-rather-long-role-slug-number-${index}`);
    expect(JSON.parse(publicationPayload(400, many))).toEqual({ revisions: 400 });
  });

  it('reads roles only from a payload it could have written', () => {
    expect(signalledRoles('{"revisions":1,"roles":["roofers"]}')).toEqual(['roofers']);
    for (const payload of ['', 'not json', 'null', '{"revisions":1}', '{"roles":[]}', '{"roles":["Roofers"]}', '{"roles":[1]}', '{"roles":"roofers"}']) {
      expect(signalledRoles(payload)).toBeUndefined();
    }
  });
});
