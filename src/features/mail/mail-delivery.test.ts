import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../store/sql-rows.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { signUnsubscribeToken } from '../subscriptions/subscription-tokens.ts';
import { unsubscribeSigningKey } from '../subscriptions/subscriptions.repository.ts';
import { subscribe, unsubscribe } from '../subscriptions/subscriptions.usecases.ts';
import { createMailDriver, createSmtpDriver, type MailDriver } from './mail-drivers.ts';
import { SITE_MAIL_COMPOSER } from '../../presentation/mail/mail-messages.ts';
import { backoffDelayMs, deliverDueMail, type DeliverySettings } from './mail-delivery.usecases.ts';
import { claimDueMail, countOutboxByStatus, listOutboxOf } from './mail.repository.ts';
import { isNotable, notifySubscribersOnPublish } from './notify-on-publish.ts';
import {
  loadSampleAssessments,
  publishedRevision,
  sampleAssessment,
  settleConfirmations,
  subscribeConfirmed,
  unlimitedSubscriptions,
} from './test-support/mail-fixtures.ts';
import { startTestSmtpServer, type TestSmtpServer } from './test-support/test-smtp-server.ts';

const PUBLIC_URL = 'https://jobzone.example';
const settings: DeliverySettings = { publicUrl: PUBLIC_URL, maxAttempts: 3, leaseSeconds: 60, batchSize: 50, baseDelayMs: 1, maxDelayMs: 5 };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function smtpServer(answer?: Parameters<typeof startTestSmtpServer>[0]): Promise<{ server: TestSmtpServer; driver: MailDriver }> {
  const server = await startTestSmtpServer(answer);
  const driver = createSmtpDriver(server.url, 'jobzone <updates@jobzone.example>');
  closers.push(server.close, driver.close);
  return { server, driver };
}

describe('which revisions are worth an email', () => {
  const nurse = { assessmentId: 1, roleSlug: 'registered-nurse', seniority: 'all-levels', title: 'Registered Nurse', category: 'Healthcare', target: { kind: 'category' as const, categorySlug: 'healthcare' } };
  it('a score move of 0.5 or more is notable, a smaller one is not', () => {
    expect(isNotable(publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [42.5, 'Yellow', 'Moderate'] }))).toBe(true);
    expect(isNotable(publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [41.5, 'Yellow', 'Moderate'] }))).toBe(true);
    expect(isNotable(publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [42.4, 'Yellow', 'Moderate'] }))).toBe(false);
  });
  it('a new zone or sub-label is notable however little the score moved', () => {
    expect(isNotable(publishedRevision(nurse, { before: [47.9, 'Yellow', 'Moderate'], after: [48.1, 'Green', 'Stable'] }))).toBe(true);
    expect(isNotable(publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [42.1, 'Yellow', 'Urgent'] }))).toBe(true);
  });
  it('a revision marked notify is notable even when nothing moved', () => {
    expect(isNotable(publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [42.0, 'Yellow', 'Moderate'], notify: true }))).toBe(true);
  });
  it('retries wait longer after each failure, up to the cap', () => {
    const steady = () => 0.5;
    expect([1, 2, 3, 4].map((attempts) => backoffDelayMs(attempts, { baseDelayMs: 1000, maxDelayMs: 5000 }, steady))).toEqual([1000, 2000, 4000, 5000]);
  });
});

describeEachDriver('update emails', (store) => {
  async function publish(revisions: Parameters<typeof notifySubscribersOnPublish>[1]): Promise<void> {
    await store.db.transaction((transaction) => notifySubscribersOnPublish(transaction, revisions));
  }

  it('a zone change sends each confirmed subscriber of the role or its category one email with both parts, absolute links and one-click unsubscribe', async () => {
    const assessments = await loadSampleAssessments(store.db);
    const nurse = sampleAssessment(assessments, 'Registered Nurse');
    const deps = unlimitedSubscriptions(store.db);
    await subscribeConfirmed(deps, 'role@example.com', nurse.target);
    await subscribeConfirmed(deps, 'category@example.com', { kind: 'category', categorySlug: 'sample-occupations' });
    await subscribeConfirmed(deps, 'both@example.com', nurse.target);
    await subscribeConfirmed(deps, 'both@example.com', { kind: 'category', categorySlug: 'sample-occupations' });
    await subscribe(deps, { email: 'pending@example.com', target: nurse.target, clientAddress: 'test' });
    await subscribeConfirmed(deps, 'other-role@example.com', sampleAssessment(assessments, 'Tax Preparer').target);
    await settleConfirmations(store.db);

    await publish([publishedRevision(nurse, { before: [52.0, 'Green', 'Stable'], after: [45.5, 'Yellow', 'Moderate'], note: 'Charting assistants now draft most notes.' })]);
    const { server, driver } = await smtpServer();
    await deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER });

    const received = await server.waitForMessages(3);
    expect(received.flatMap((mail) => mail.envelopeTo).sort()).toEqual(['both@example.com', 'category@example.com', 'role@example.com']);
    for (const mail of received) {
      expect(mail.parsed.subject).toBe('Registered Nurse (All levels): Green → Yellow, score 52.0 → 45.5');
      expect(mail.header('list-unsubscribe')).toMatch(/^<https:\/\/jobzone\.example\/subscriptions\/unsubscribe\?token=[\w.-]+>$/);
      expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@jobzone\.example>$/);
      for (const part of [mail.parsed.text ?? '', String(mail.parsed.html)]) {
        expect(part).toContain('https://jobzone.example/roles/registered-nurse/all-levels');
        expect(part).toContain('Charting assistants now draft most notes.');
        expect(part).toContain('Ada Assessor');
        expect(part).toMatch(/52\.0/);
        expect(part).toMatch(/45\.5/);
      }
      expect(mail.parsed.text).toContain('https://jobzone.example/roles/registered-nurse/all-levels/changes?from=1&to=2');
      expect(mail.parsed.html).toContain('href="https://jobzone.example/roles/registered-nurse/all-levels/changes?from=1&amp;to=2"');
      expect(mail.parsed.text).toContain('Zone: Green → Yellow');
      expect(mail.parsed.text).toContain('Label: Green (Stable) → Yellow (Moderate)');
    }
    expect(server.attempts()).toBe(3);
    expect(await countOutboxByStatus(store.db)).toMatchObject({ pending: 0, sending: 0 });
  });

  it('a revision that barely moves the score queues nothing, unless it is marked notify', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    await subscribeConfirmed(unlimitedSubscriptions(store.db), 'reader@example.com', nurse.target);
    await settleConfirmations(store.db);
    await publish([publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [42.3, 'Yellow', 'Moderate'] })]);
    expect((await listOutboxOf(store.db, 'reader@example.com')).filter((mail) => mail.kind === 'update')).toHaveLength(0);
    await publish([publishedRevision(nurse, { before: [42.3, 'Yellow', 'Moderate'], after: [42.3, 'Yellow', 'Moderate'], notify: true })]);
    expect((await listOutboxOf(store.db, 'reader@example.com')).filter((mail) => mail.kind === 'update')).toHaveLength(1);
  });

  it('the same revision reported twice queues its emails once', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    await subscribeConfirmed(unlimitedSubscriptions(store.db), 'reader@example.com', nurse.target);
    await settleConfirmations(store.db);
    const revision = publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [30.0, 'Red', 'Declining'] });
    await publish([revision]);
    await publish([revision]);
    expect((await listOutboxOf(store.db, 'reader@example.com')).filter((mail) => mail.kind === 'update')).toHaveLength(1);
  });

  it('a publication that rolls back leaves no email behind', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    await subscribeConfirmed(unlimitedSubscriptions(store.db), 'reader@example.com', nurse.target);
    await settleConfirmations(store.db);
    const failing = store.db.transaction(async (transaction) => {
      await notifySubscribersOnPublish(transaction, [publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [30.0, 'Red', 'Declining'] })]);
      throw new Error('the publication failed after its hook ran');
    });
    await expect(failing).rejects.toThrow('the publication failed');
    expect((await listOutboxOf(store.db, 'reader@example.com')).filter((mail) => mail.kind === 'update')).toHaveLength(0);
  });

  it('an email refused twice by a busy server is retried with backoff and delivered once on the third attempt', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    await subscribeConfirmed(unlimitedSubscriptions(store.db), 'reader@example.com', nurse.target);
    await settleConfirmations(store.db);
    await publish([publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [30.0, 'Red', 'Declining'] })]);
    const { server, driver } = await smtpServer((attempt) => (attempt <= 2 ? { code: 451, message: 'Try again later' } : 'accept'));

    const first = await deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER });
    expect(first).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
    const [afterFirst] = (await listOutboxOf(store.db, 'reader@example.com')).filter((mail) => mail.kind === 'update');
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterFirst?.lastError).toMatch(/451/);
    while ((await countOutboxByStatus(store.db)).pending > 0) await deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER });

    expect(server.attempts()).toBe(3);
    expect(server.received).toHaveLength(1);
    expect((await listOutboxOf(store.db, 'reader@example.com')).filter((mail) => mail.kind === 'update')).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 3, lastError: null }),
    ]);
  });

  it('an email the server keeps refusing becomes a dead letter with the error after the last attempt', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    await subscribeConfirmed(unlimitedSubscriptions(store.db), 'reader@example.com', nurse.target);
    await settleConfirmations(store.db);
    await publish([publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [30.0, 'Red', 'Declining'] })]);
    const { server, driver } = await smtpServer(() => ({ code: 421, message: 'Service not available' }));
    while ((await countOutboxByStatus(store.db)).pending > 0) await deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER });
    expect(server.attempts()).toBe(3);
    const [dead] = (await listOutboxOf(store.db, 'reader@example.com')).filter((mail) => mail.kind === 'update');
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    expect(dead?.lastError).toMatch(/attempt 3: 421 Service not available/);
  });

  it('an address the server refuses for good (5xx) becomes a dead letter at once', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    await subscribeConfirmed(unlimitedSubscriptions(store.db), 'gone@example.com', nurse.target);
    await settleConfirmations(store.db);
    await publish([publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [30.0, 'Red', 'Declining'] })]);
    const { server, driver } = await smtpServer(() => ({ code: 550, message: 'Mailbox unavailable' }));
    await deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER });
    expect(server.attempts()).toBe(1);
    expect((await listOutboxOf(store.db, 'gone@example.com')).filter((mail) => mail.kind === 'update')).toEqual([
      expect.objectContaining({ status: 'dead', attempts: 1, lastError: expect.stringMatching(/550 Mailbox unavailable/) }),
    ]);
  });

  it('an email whose worker died after the server accepted it is sent again with the same Message-ID, so the mailbox can recognise it', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    await subscribeConfirmed(unlimitedSubscriptions(store.db), 'reader@example.com', nurse.target);
    await settleConfirmations(store.db);
    await publish([publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [30.0, 'Red', 'Declining'] })]);
    const { server, driver } = await smtpServer();
    // The first worker claims the email and sends it, then "dies" before marking it sent.
    const [claimed] = await claimDueMail(store.db, { leaseId: crypto.randomUUID(), leaseSeconds: 60, limit: 10 });
    expect(claimed).toBeDefined();
    await sendBeforeCrash(driver, claimed?.id ?? 0);
    // While its lease runs, no other worker takes the email.
    expect(await deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER })).toMatchObject({ claimed: 0 });
    // The lease runs out (set in the row rather than waited for: a short real lease expired early on a loaded machine).
    await store.db.execute(sql`update mail_outbox set leased_until = now() - interval '1 second' where id = ${claimed?.id ?? 0}`);
    while ((await countOutboxByStatus(store.db)).sending > 0) await deliverDueMail(store.db, driver, { ...settings, leaseSeconds: 60 }, { compose: SITE_MAIL_COMPOSER });

    const received = await server.waitForMessages(2);
    expect(received.map((mail) => mail.messageId)).toEqual([received[0]?.messageId, received[0]?.messageId]);
    expect(await countOutboxByStatus(store.db)).toMatchObject({ sent: 2, sending: 0 });

    async function sendBeforeCrash(mailDriver: MailDriver, outboxId: number) {
      const [row] = await queryRows<{ message_id: string }>(store.db, sql`select message_id::text from mail_outbox where id = ${outboxId}`);
      await mailDriver.send({
        to: 'reader@example.com',
        subject: 'the first attempt',
        text: 'sent before the crash',
        html: '<p>sent before the crash</p>',
        messageId: `<${row?.message_id}@jobzone.example>`,
        headers: {},
        label: 'update',
      });
    }
  });

  it('an address that unsubscribed after an email was queued does not get it', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const deps = unlimitedSubscriptions(store.db);
    await subscribeConfirmed(deps, 'leaving@example.com', nurse.target);
    await settleConfirmations(store.db);
    await publish([publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [30.0, 'Red', 'Declining'] })]);
    const [subscriber] = await queryRows<{ id: number }>(store.db, sql`select id from subscribers where email = 'leaving@example.com'`);
    await unsubscribe(store.db, signUnsubscribeToken(await unsubscribeSigningKey(store.db), subscriber?.id ?? 0));
    const { server, driver } = await smtpServer();
    expect(await deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER })).toMatchObject({ claimed: 1, skipped: 1, sent: 0 });
    expect(server.attempts()).toBe(0);
  });

  it('without SMTP, each email is written as a readable .eml file under <data dir>/outbox/, once even when sent again', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    await subscribeConfirmed(unlimitedSubscriptions(store.db), 'reader@example.com', nurse.target);
    await settleConfirmations(store.db);
    await publish([publishedRevision(nurse, { before: [42.0, 'Yellow', 'Moderate'], after: [30.0, 'Red', 'Declining'] })]);
    const dataDir = await mkdtemp(join(tmpdir(), 'jobzone-mail-drop-'));
    closers.push(() => rm(dataDir, { recursive: true, force: true }));
    const driver = createMailDriver({ smtpUrl: undefined, dataDir, mailFrom: 'jobzone <updates@jobzone.example>' });
    expect(driver.kind).toBe('file');
    await deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER });

    const files = await readdir(join(dataDir, 'outbox'));
    expect(files).toEqual([expect.stringMatching(/^update-registered-nurse-all-levels-[0-9a-f-]{36}\.eml$/)]);
    const raw = await readFile(join(dataDir, 'outbox', files[0] ?? ''), 'utf8');
    expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/jobzone\.example\/subscriptions\/unsubscribe\?token=/m);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Registered Nurse (All levels): Yellow → Red, score 42.0 → 30.0');
    expect(parsed.text).toContain('https://jobzone.example/roles/registered-nurse/all-levels/changes?from=1&to=2');

    await store.db.execute(sql`update mail_outbox set status = 'pending' where kind = 'update'`);
    await deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER });
    expect(await readdir(join(dataDir, 'outbox'))).toEqual(files);
  });
});
