import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { config } from '../../config/config.ts';
import { openPostgresStore, type Database, type Store } from '../../store/database.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { PUBLICATION_CHANNEL } from './revisions.schemas.ts';
import { buildFeed, listMovers, listPublications, publishAssessment, setEvidence } from './revisions.usecases.ts';
import { expertAssessment, loadSampleCatalog } from './test-support/publishing-fixture.ts';

const by = { author: 'Ada Assessor', note: 'New evidence.' };

async function databaseNow(db: Database): Promise<Date> {
  const result = (await db.execute(sql`select clock_timestamp() as now`)) as unknown as { rows: { now: Date | string }[] };
  return new Date(result.rows[0]?.now ?? 0);
}

describeEachDriver('history, movers and feeds', (store) => {
  it('the movers of a period are its largest score changes and all its zone changes; assessments first published in it are not movers', async () => {
    await loadSampleCatalog(store.db);
    const since = await databaseNow(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    await setEvidence(store.db, { dimension: 'toolMaturity', value: -2, selection: { roles: ['registered-nurses', 'customer-service-representatives'] } }, by);
    await setEvidence(store.db, { dimension: 'jobPostings', value: -2, selection: { roles: ['registered-nurses'] } }, by);
    const until = new Date((await databaseNow(store.db)).getTime() + 1000);

    const movers = await listMovers(store.db, { since, until, limit: 1 });

    expect(movers.largest.map((mover) => mover.roleSlug)).toEqual(['registered-nurses']);
    expect(movers.largest[0]).toMatchObject({ fromRevision: 1, toRevision: 3, before: { score: 56.2, zone: 'Green' }, after: { zone: 'Yellow' }, zoneChanged: true });
    expect(movers.largest[0]?.delta).toBeLessThan(0);
    expect(movers.zoneChanges.map((mover) => mover.roleSlug)).toEqual(['registered-nurses']);
    const all = await listMovers(store.db, { since, until });
    expect(all.largest.map((mover) => mover.roleSlug)).toEqual(['registered-nurses', 'customer-service-representatives']);
    const before = await listMovers(store.db, { since: new Date(since.getTime() - 86_400_000), until: since });
    expect(before.largest).toEqual([]);
  });

  it('feeds list published revisions newest first, for everything, a category or a role', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), { ...by, note: 'First expert assessment.' });
    await publishAssessment(store.db, expertAssessment({ verdict: 'Edited.' }), { ...by, note: 'Second thoughts.' });

    const everything = await listPublications(store.db, { kind: 'all' });
    expect(everything.slice(0, 2).map((row) => [row.roleSlug, row.revision, row.note])).toEqual([
      ['ward-nurse', 2, 'Second thoughts.'],
      ['ward-nurse', 1, 'First expert assessment.'],
    ]);
    expect(everything[0]?.previousFigures?.score).toBe(everything[1]?.figures.score);
    expect(everything[1]?.previousFigures).toBeNull();
    expect(everything).toHaveLength(5);
    expect(await listPublications(store.db, { kind: 'category', category: 'Sample Occupations' })).toHaveLength(3);
    expect(await listPublications(store.db, { kind: 'role', roleSlug: 'ward-nurse' })).toHaveLength(2);

    const xml = await buildFeed(store.db, { kind: 'role', roleSlug: 'ward-nurse' }, 'https://jobzone.example');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://jobzone.example/feeds/roles/ward-nurse.atom"/>');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });

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
