/**
 * Mail fan-out: one notable revision of an assessment followed by 100,000 confirmed subscribers
 * (20,000 of them also follow its category, so the fan-out must de-duplicate), on a fresh PGlite
 * and, when TEST_DATABASE_URL is set, on a scratch PostgreSQL database.
 * - Enqueue: the OnRevisionsPublished hook inside a transaction (one INSERT … SELECT), against a
 *   baseline of a plain INSERT … SELECT of as many rows into an unindexed two-column table.
 * - Delivery: the outbox worker's rounds (claim, write, send over pooled SMTP, mark sent) to a
 *   loopback SMTP server, against a baseline of the same messages sent over the same pooled
 *   transport without the outbox.
 * Goals: enqueue under 10 s; delivery at 200 messages/s or more.
 * Run: npm run bench:mail-fanout   (MAIL_BENCH_SUBSCRIBERS / MAIL_BENCH_DELIVER are not read: edit the constants)
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { config } from '../src/config/config.ts';
import { createSmtpDriver } from '../src/features/mail/mail-drivers.ts';
import { deliverDueMail } from '../src/features/mail/mail-delivery.usecases.ts';
import { messageIdOf } from '../src/features/mail/outgoing-mail.ts';
import { composeUpdateMail, SITE_MAIL_COMPOSER } from '../src/presentation/mail/mail-messages.ts';
import { countOutboxByStatus } from '../src/features/mail/mail.repository.ts';
import { notifySubscribersOnPublish } from '../src/features/mail/notify-on-publish.ts';
import { loadSampleAssessments, publishedRevision, sampleAssessment } from '../src/features/mail/test-support/mail-fixtures.ts';
import type { Database } from '../src/store/database.ts';
import { queryRows } from '../src/store/sql-rows.ts';
import { openScratchPgliteStore, openScratchPostgresStore, type ScratchStore } from '../src/store/test-support/scratch-stores.ts';

const SUBSCRIBERS = 100_000;
const ALSO_CATEGORY = 20_000;
const DELIVER = 4_000;
const PUBLIC_URL = 'https://jobzone.example';
const FROM = 'jobzone <updates@jobzone.example>';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const count = (value: number) => value.toLocaleString('en-US');

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function startCountingSmtpServer(): Promise<{ url: string; accepted: () => number; close: () => Promise<void> }> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        accepted++;
        callback(null);
      });
      stream.resume();
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    accepted: () => accepted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function seedSubscribers(db: Database, assessmentId: number, category: string): Promise<void> {
  await db.execute(sql`insert into subscribers (email) select 'reader' || g || '@example.com' from generate_series(1, ${SUBSCRIBERS}) g`);
  await db.execute(sql`insert into subscriptions (subscriber_id, assessment_id, status, confirmed_at) select id, ${assessmentId}, 'confirmed', now() from subscribers`);
  await db.execute(
    sql`insert into subscriptions (subscriber_id, category, status, confirmed_at) select id, ${category}, 'confirmed', now() from subscribers order by id limit ${ALSO_CATEGORY}`,
  );
  await db.execute(sql`analyze`);
}

async function plainInsertBaseline(db: Database): Promise<number> {
  await db.execute(sql`create table bench_plain_outbox (subscriber_id int not null, notification_id int not null)`);
  const { ms } = await timed(() => db.execute(sql`insert into bench_plain_outbox select g, 1 from generate_series(1, ${SUBSCRIBERS}) g`));
  await db.execute(sql`drop table bench_plain_outbox`);
  return ms;
}

async function measure(label: string, open: () => Promise<ScratchStore>): Promise<void> {
  const { store, dispose } = await open();
  const smtp = await startCountingSmtpServer();
  try {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const seed = await timed(() => seedSubscribers(store.db, nurse.assessmentId, nurse.category));
    const revision = publishedRevision(nurse, { before: [52, 'Green', 'Stable'], after: [45.5, 'Yellow', 'Moderate'] });

    const plainMs = await plainInsertBaseline(store.db);
    const enqueue = await timed(() => store.db.transaction((transaction) => notifySubscribersOnPublish(transaction, [revision])));
    const queued = (await countOutboxByStatus(store.db)).pending;

    const driver = createSmtpDriver(smtp.url, FROM);
    const settings = { publicUrl: PUBLIC_URL, maxAttempts: 8, leaseSeconds: 120, batchSize: 100, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };
    const delivery = await timed(async () => {
      let sent = 0;
      while (sent < DELIVER) sent += (await deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER })).sent;
      return sent;
    });
    await driver.close();

    const rawDriver = createSmtpDriver(smtp.url, FROM);
    const content = { ...revision, publishedAt: revision.publishedAt.toISOString() };
    const raw = await timed(async () => {
      for (let start = 0; start < delivery.value; start += settings.batchSize) {
        const batch = Array.from({ length: Math.min(settings.batchSize, delivery.value - start) }, (_, index) =>
          composeUpdateMail({
            to: `reader${start + index + 1}@example.com`,
            content,
            messageId: messageIdOf(crypto.randomUUID(), PUBLIC_URL),
            links: { publicUrl: PUBLIC_URL, unsubscribeToken: `${start + index + 1}.${'x'.repeat(43)}` },
          }),
        );
        await Promise.all(batch.map((mail) => rawDriver.send(mail)));
      }
    });
    await rawDriver.close();
    const [duplicates] = await queryRows<{ total: number }>(
      store.db,
      sql`select count(*)::int as total from (select subscriber_id from mail_outbox where kind = 'update' group by subscriber_id having count(*) > 1) d`,
    );

    const rate = delivery.value / (delivery.ms / 1000);
    const rawRate = delivery.value / (raw.ms / 1000);
    console.log(`\n${label}`);
    console.log(`  seed ${count(SUBSCRIBERS)} confirmed subscribers (+${count(ALSO_CATEGORY)} also on the category)  ${seconds(seed.ms)}`);
    console.log(`  enqueue one revision           ${seconds(enqueue.ms)}  (${count(queued)} emails queued, ${duplicates?.total ?? 0} subscribers twice; goal < 10 s)`);
    console.log(`  plain INSERT baseline          ${seconds(plainMs)}  (${count(SUBSCRIBERS)} rows into an unindexed table)`);
    console.log(`  ratio enqueue / plain          ${(enqueue.ms / plainMs).toFixed(2)}×`);
    console.log(`  deliver through the outbox     ${seconds(delivery.ms)}  (${count(delivery.value)} emails, ${Math.round(rate)} messages/s; goal ≥ 200/s)`);
    console.log(`  raw SMTP baseline              ${seconds(raw.ms)}  (${count(delivery.value)} emails, ${Math.round(rawRate)} messages/s, same pool, no outbox)`);
    console.log(`  ratio outbox rate / raw rate   ${(rate / rawRate).toFixed(2)}×`);
    console.log(`  SMTP server accepted           ${count(smtp.accepted())}`);
  } finally {
    await smtp.close();
    await dispose();
  }
}

console.log(`Mail fan-out: ${count(SUBSCRIBERS)} subscribers, delivery of the first ${count(DELIVER)} emails; SMTP pool of 5 connections on loopback.`);
await measure('PGlite (fresh scratch database)', openScratchPgliteStore);
if (config.testDatabaseUrl) {
  const url = config.testDatabaseUrl;
  await measure('PostgreSQL (scratch database on TEST_DATABASE_URL)', () => openScratchPostgresStore(url));
} else {
  console.log('\nPostgreSQL: left out (set TEST_DATABASE_URL to measure it too).');
}
