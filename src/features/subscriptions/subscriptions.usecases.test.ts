import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { queryRows } from '../../store/sql-rows.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { createSmtpDriver } from '../mail/mail-drivers.ts';
import { deliverDueMail } from '../mail/mail-delivery.usecases.ts';
import { listOutboxOf } from '../mail/mail.repository.ts';
import { notifySubscribersOnPublish } from '../mail/notify-on-publish.ts';
import { loadSampleAssessments, publishedRevision, sampleAssessment, unlimitedSubscriptions } from '../mail/test-support/mail-fixtures.ts';
import { startTestSmtpServer, type ReceivedMail } from '../mail/test-support/test-smtp-server.ts';
import { createRateLimiter } from '../rate-limits/rate-limits.usecases.ts';
import { SITE_MAIL_COMPOSER } from '../../presentation/mail/mail-messages.ts';
import { SubscriptionError } from './subscriptions.errors.ts';
import { confirmSubscription, subscribe, SUBSCRIBE_ACCEPTED_MESSAGE, unsubscribe } from './subscriptions.usecases.ts';

const PUBLIC_URL = 'http://localhost:4321';
const settings = { publicUrl: PUBLIC_URL, maxAttempts: 3, leaseSeconds: 60, batchSize: 50, baseDelayMs: 1, maxDelayMs: 5 };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function linkIn(mail: ReceivedMail | undefined, path: string): string {
  const link = (mail?.parsed.text ?? '').split(/\s+/).find((word) => word.startsWith(`${PUBLIC_URL}${path}`));
  if (!link) throw new Error(`no ${path} link in:\n${mail?.parsed.text}`);
  return link;
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

async function failure(promise: Promise<unknown>): Promise<SubscriptionError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof SubscriptionError)) throw new Error(`expected a SubscriptionError, got ${String(error)}`);
  return error;
}

describeEachDriver('subscriptions', (store) => {
  async function mailServer() {
    const server = await startTestSmtpServer();
    const driver = createSmtpDriver(server.url, 'jobzone <updates@localhost>');
    closers.push(server.close, driver.close);
    return { server, deliver: () => deliverDueMail(store.db, driver, settings, { compose: SITE_MAIL_COMPOSER }) };
  }

  it('double opt-in: only after the emailed link is opened does the address get updates', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const deps = unlimitedSubscriptions(store.db);
    const { server, deliver } = await mailServer();

    expect(await subscribe(deps, { email: '  Reader@Example.com ', target: nurse.target, clientAddress: '10.0.0.1' })).toEqual({ message: SUBSCRIBE_ACCEPTED_MESSAGE });
    await deliver();
    const [confirmation] = await server.waitForMessages(1);
    expect(confirmation?.envelopeTo).toEqual(['reader@example.com']);
    expect(confirmation?.parsed.subject).toBe('Confirm your jobzone updates for Registered Nurse (All levels)');
    expect(confirmation?.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const confirmLink = linkIn(confirmation, '/subscriptions/confirm?token=');

    await store.db.transaction((transaction) => notifySubscribersOnPublish(transaction, [publishedRevision(nurse, { before: [42, 'Yellow', 'Moderate'], after: [30, 'Red', 'Declining'] })]));
    expect((await listOutboxOf(store.db, 'reader@example.com')).map((mail) => mail.kind)).toEqual(['confirmation']);

    expect(await confirmSubscription(store.db, tokenOf(confirmLink))).toEqual({ description: 'Registered Nurse (All levels)', target: { title: 'Registered Nurse', roleSlug: expect.any(String), seniority: 'all-levels', category: null } });
    await store.db.transaction((transaction) => notifySubscribersOnPublish(transaction, [publishedRevision(nurse, { before: [30, 'Red', 'Declining'], after: [20, 'Red', 'Imminent'] })]));
    await deliver();
    const [, update] = await server.waitForMessages(2);
    expect(update?.parsed.subject).toBe('Registered Nurse (All levels): score 30.0 → 20.0');
  });

  it('the confirmation token is stored only as a hash, and forgotten by the outbox once the email is sent', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const { server, deliver } = await mailServer();
    await subscribe(unlimitedSubscriptions(store.db), { email: 'reader@example.com', target: nurse.target, clientAddress: 'client' });
    await deliver();
    const token = tokenOf(linkIn((await server.waitForMessages(1))[0], '/subscriptions/confirm?token='));
    expect(token).toMatch(/^[\w-]{43}$/);
    const dump = await queryRows<{ row: string }>(store.db, sql`select s::text as row from subscriptions s union all select o::text from mail_outbox o`);
    expect(dump.map((entry) => entry.row).join('\n')).not.toContain(token);
  });

  it('a used or replaced confirmation link says so and how to get a new one', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const deps = unlimitedSubscriptions(store.db);
    const { server, deliver } = await mailServer();
    await subscribe(deps, { email: 'reader@example.com', target: nurse.target, clientAddress: 'client' });
    await deliver();
    const first = tokenOf(linkIn((await server.waitForMessages(1))[0], '/subscriptions/confirm?token='));
    await subscribe(deps, { email: 'reader@example.com', target: nurse.target, clientAddress: 'client' });
    await deliver();
    const second = tokenOf(linkIn((await server.waitForMessages(2))[1], '/subscriptions/confirm?token='));

    const replaced = await failure(confirmSubscription(store.db, first));
    expect(replaced.code).toBe('subscription.invalid_token');
    expect(replaced.message).toMatch(/Subscribe again to get a new link/);
    await confirmSubscription(store.db, second);
    expect((await failure(confirmSubscription(store.db, second))).code).toBe('subscription.invalid_token');
  });

  it('the answer never tells whether an address is new, pending or confirmed; a confirmed address gets no new email', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const deps = unlimitedSubscriptions(store.db);
    const { server, deliver } = await mailServer();
    const ask = (email: string) => subscribe(deps, { email, target: nurse.target, clientAddress: 'client' });

    const answers = [await ask('new@example.com'), await ask('new@example.com')];
    // The second request replaced the first link before it was sent, so one email goes out.
    expect(await deliver()).toMatchObject({ sent: 1, skipped: 1 });
    await confirmSubscription(store.db, tokenOf(linkIn((await server.waitForMessages(1))[0], '/subscriptions/confirm?token=')));
    answers.push(await ask('new@example.com'));
    await deliver();

    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(server.received).toHaveLength(1);
  });

  it('a whole category can be followed by the slug of its name; unknown targets are named', async () => {
    await loadSampleAssessments(store.db);
    const deps = unlimitedSubscriptions(store.db);
    await subscribe(deps, { email: 'reader@example.com', target: { kind: 'category', categorySlug: 'sample-occupations' }, clientAddress: 'client' });
    const [row] = await queryRows<{ category: string; status: string }>(store.db, sql`select category, status from subscriptions`);
    expect(row).toEqual({ category: 'Sample Occupations', status: 'pending' });

    const unknownCategory = await failure(subscribe(deps, { email: 'reader@example.com', target: { kind: 'category', categorySlug: 'astronauts' }, clientAddress: 'client' }));
    expect(unknownCategory).toMatchObject({ code: 'subscription.not_found', message: expect.stringContaining('"astronauts"') });
    const unknownRole = await failure(subscribe(deps, { email: 'reader@example.com', target: { kind: 'assessment', roleSlug: 'wizard', seniority: 'senior' }, clientAddress: 'client' }));
    expect(unknownRole).toMatchObject({ code: 'subscription.not_found', message: expect.stringContaining('/roles/wizard/senior') });
  });

  it('an address that is not one is refused with what to enter, and nothing is stored', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const deps = unlimitedSubscriptions(store.db);
    for (const email of ['', 'not an address', 'reader@', undefined, `${'a'.repeat(250)}@example.com`]) {
      const error = await failure(subscribe(deps, { email, target: nurse.target, clientAddress: 'client' }));
      expect(error.code).toBe('subscription.invalid_email');
      expect(error.message).toMatch(/email address/);
    }
    expect(await queryRows(store.db, sql`select * from subscribers`)).toEqual([]);
  });

  it('subscribe requests are limited per address and per client, with a clear wait', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const deps = { db: store.db, limiter: createRateLimiter(store.db), limits: { perAddress: { capacity: 2, refillSeconds: 600 }, perClient: { capacity: 3, refillSeconds: 60 } } };
    await subscribe(deps, { email: 'reader@example.com', target: nurse.target, clientAddress: 'client-a' });
    await subscribe(deps, { email: 'reader@example.com', target: nurse.target, clientAddress: 'client-b' });
    const perAddress = await failure(subscribe(deps, { email: 'READER@example.com', target: nurse.target, clientAddress: 'client-c' }));
    expect(perAddress).toMatchObject({ code: 'subscription.rate_limited', retryAfterSeconds: 600 });
    expect(perAddress.message).toBe('Too many subscribe requests for this email address. Please try again in 10 minutes.');

    await subscribe(deps, { email: 'one@example.com', target: nurse.target, clientAddress: 'client-d' });
    await subscribe(deps, { email: 'two@example.com', target: nurse.target, clientAddress: 'client-d' });
    await subscribe(deps, { email: 'three@example.com', target: nurse.target, clientAddress: 'client-d' });
    const perClient = await failure(subscribe(deps, { email: 'four@example.com', target: nurse.target, clientAddress: 'client-d' }));
    expect(perClient.message).toBe('Too many subscribe requests from your network. Please try again in a minute.');
  });

  it('the unsubscribe link in an update stops every update to that address; a changed link is refused', async () => {
    const assessments = await loadSampleAssessments(store.db);
    const nurse = sampleAssessment(assessments, 'Registered Nurse');
    const deps = unlimitedSubscriptions(store.db);
    const { server, deliver } = await mailServer();
    await subscribe(deps, { email: 'reader@example.com', target: nurse.target, clientAddress: 'client' });
    await subscribe(deps, { email: 'reader@example.com', target: { kind: 'category', categorySlug: 'sample-occupations' }, clientAddress: 'client' });
    await deliver();
    for (const mail of await server.waitForMessages(2)) await confirmSubscription(store.db, tokenOf(linkIn(mail, '/subscriptions/confirm?token=')));
    await store.db.transaction((transaction) => notifySubscribersOnPublish(transaction, [publishedRevision(nurse, { before: [42, 'Yellow', 'Moderate'], after: [30, 'Red', 'Declining'] })]));
    await deliver();
    const update = (await server.waitForMessages(3))[2];
    const unsubscribeLink = linkIn(update, '/subscriptions/unsubscribe?token=');
    expect(update?.header('list-unsubscribe')).toBe(`<${unsubscribeLink}>`);

    expect((await failure(unsubscribe(store.db, `${tokenOf(unsubscribeLink)}x`))).code).toBe('subscription.invalid_token');
    await unsubscribe(store.db, tokenOf(unsubscribeLink));
    await unsubscribe(store.db, tokenOf(unsubscribeLink));
    await store.db.transaction((transaction) => notifySubscribersOnPublish(transaction, [publishedRevision(nurse, { before: [30, 'Red', 'Declining'], after: [10, 'Red', 'Imminent'] })]));
    expect(await queryRows(store.db, sql`select status from subscriptions`)).toEqual([{ status: 'unsubscribed' }, { status: 'unsubscribed' }]);
    expect((await listOutboxOf(store.db, 'reader@example.com')).filter((mail) => mail.kind === 'update')).toHaveLength(1);
  });
});
