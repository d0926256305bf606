import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../store/sql-rows.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { deliverDueMail } from '../mail/mail-delivery.usecases.ts';
import { createSmtpDriver } from '../mail/mail-drivers.ts';
import { startTestSmtpServer } from '../mail/test-support/test-smtp-server.ts';
import { SITE_MAIL_COMPOSER } from '../../presentation/mail/mail-messages.ts';
import { hashSecret } from './account-secrets.ts';
import { closeAllSessions, isValidCsrfToken, resumeSession } from './sessions.usecases.ts';
import { requestSignInLink, signInWithLink, SIGN_IN_LINK_SENT_MESSAGE } from './sign-in.usecases.ts';
import { auditActions, inviteTestMember, pendingSignInToken, signInDependencies } from './test-support/account-fixtures.ts';

const CLIENT = '203.0.113.7';
const LIFETIME = { idleHours: 12, maxDays: 7 };

describeEachDriver('signing in by emailed link', (store) => {
  it('mails a link through the outbox and a real SMTP server; the link opens a session once, and only once', async () => {
    await inviteTestMember(store.db, 'ada@example.org', 'admin');
    const smtp = await startTestSmtpServer();
    const driver = createSmtpDriver(smtp.url, 'jobzone <studio@localhost>');
    try {
      await deliverDueMail(store.db, driver, { publicUrl: 'http://localhost:4321', maxAttempts: 3, leaseSeconds: 60, batchSize: 10, baseDelayMs: 1, maxDelayMs: 5 }, { compose: SITE_MAIL_COMPOSER });
      const [mail] = await smtp.waitForMessages(1);
      expect(mail?.envelopeTo).toEqual(['ada@example.org']);
      const link = /http:\/\/localhost:4321\/sign-in\/link\?token=([A-Za-z0-9_-]+)/.exec(mail?.parsed.text ?? '');
      expect(link).not.toBeNull();
      const token = link?.[1] ?? '';
      expect(await queryRows(store.db, sql`select confirm_token from mail_outbox where confirm_token is not null`)).toEqual([]);
      const first = await signInWithLink(signInDependencies(store.db), { token, previousSessionSecret: null }, CLIENT);
      expect(first.actor).toMatchObject({ email: 'ada@example.org', role: 'admin' });
      await expect(signInWithLink(signInDependencies(store.db), { token, previousSessionSecret: null }, CLIENT)).rejects.toMatchObject({ code: 'account.link_invalid' });
      expect((await auditActions(store.db)).map((entry) => entry.action)).toEqual(['user.invited', 'session.signed-in', 'session.sign-in-failed']);
    } finally {
      await driver.close();
      await smtp.close();
    }
  });

  it('refuses a link after 15 minutes, and a made-up one, recording both failures', async () => {
    await inviteTestMember(store.db, 'ada@example.org', 'admin');
    const token = await pendingSignInToken(store.db, 'ada@example.org');
    const [link] = await queryRows<{ seconds: number }>(store.db, sql`select extract(epoch from (expires_at - created_at))::int as seconds from sign_in_links`);
    expect(link?.seconds).toBe(15 * 60);
    await store.db.execute(sql`update sign_in_links set expires_at = now() - interval '1 second'`);
    await expect(signInWithLink(signInDependencies(store.db), { token, previousSessionSecret: null }, CLIENT)).rejects.toThrow(/expired or was already used/);
    await expect(signInWithLink(signInDependencies(store.db), { token: 'x'.repeat(43), previousSessionSecret: null }, CLIENT)).rejects.toMatchObject({ code: 'account.link_invalid' });
    const failures = (await auditActions(store.db)).filter((entry) => entry.action === 'session.sign-in-failed');
    expect(failures).toHaveLength(2);
  });

  it('answers a stranger exactly as a member, queues mail only for the member, and audits both', async () => {
    await inviteTestMember(store.db, 'ada@example.org', 'admin');
    await store.db.execute(sql`delete from mail_outbox`);
    expect(await requestSignInLink(signInDependencies(store.db), { email: 'ada@example.org' }, CLIENT)).toBe(SIGN_IN_LINK_SENT_MESSAGE);
    expect(await requestSignInLink(signInDependencies(store.db), { email: 'nobody@example.org' }, CLIENT)).toBe(SIGN_IN_LINK_SENT_MESSAGE);
    expect(await queryRows(store.db, sql`select kind from mail_outbox`)).toEqual([{ kind: 'sign-in' }]);
    expect((await auditActions(store.db)).slice(1).map((entry) => `${entry.action} ${entry.actorLabel}`)).toEqual(['session.link-sent ada@example.org', 'session.sign-in-failed nobody@example.org']);
  });

  it('limits link requests per address and per client network, members and strangers alike', async () => {
    const deps = signInDependencies(store.db, { limits: { perAddress: { capacity: 2, refillSeconds: 600 }, perClient: { capacity: 3, refillSeconds: 600 } } });
    await requestSignInLink(deps, { email: 'nobody@example.org' }, CLIENT);
    await requestSignInLink(deps, { email: 'nobody@example.org' }, CLIENT);
    await expect(requestSignInLink(deps, { email: 'nobody@example.org' }, CLIENT)).rejects.toThrow(/Too many sign-in links were asked for this address/);
    await expect(requestSignInLink(deps, { email: 'other@example.org' }, CLIENT)).rejects.toThrow(/Too many sign-in attempts from your network/);
    await expect(requestSignInLink(deps, { email: 'other@example.org' }, '198.51.100.1')).resolves.toBe(SIGN_IN_LINK_SENT_MESSAGE);
  });

  it('rotates the session at sign-in: the browser gets a new secret and its previous session stops working', async () => {
    await inviteTestMember(store.db, 'ada@example.org', 'admin');
    const deps = signInDependencies(store.db);
    const first = await signInWithLink(deps, { token: await pendingSignInToken(store.db, 'ada@example.org'), previousSessionSecret: null }, CLIENT);
    await requestSignInLink(deps, { email: 'ada@example.org' }, CLIENT);
    const second = await signInWithLink(deps, { token: await pendingSignInToken(store.db, 'ada@example.org'), previousSessionSecret: first.sessionSecret }, CLIENT);
    expect(second.sessionSecret).not.toBe(first.sessionSecret);
    expect(await resumeSession(store.db, first.sessionSecret, LIFETIME)).toBeNull();
    expect((await resumeSession(store.db, second.sessionSecret, LIFETIME))?.actor.email).toBe('ada@example.org');
    const stored = await queryRows<{ id_hash: string }>(store.db, sql`select id_hash from sessions`);
    expect(stored).toEqual([{ id_hash: hashSecret(second.sessionSecret) }]);
  });

  it('ends sessions after the idle time and after the absolute lifetime, and everywhere on request', async () => {
    const ada = await inviteTestMember(store.db, 'ada@example.org', 'admin');
    const deps = signInDependencies(store.db);
    const { sessionSecret } = await signInWithLink(deps, { token: await pendingSignInToken(store.db, 'ada@example.org'), previousSessionSecret: null }, CLIENT);
    const now = Date.now();
    const open = await resumeSession(store.db, sessionSecret, LIFETIME, new Date(now + 11 * 3_600_000));
    expect(open?.actor.userId).toBe(ada.userId);
    expect(isValidCsrfToken(sessionSecret, open?.csrfToken)).toBe(true);
    expect(isValidCsrfToken(sessionSecret, 'forged')).toBe(false);
    expect(await resumeSession(store.db, sessionSecret, LIFETIME, new Date(now + 11 * 3_600_000 + 13 * 3_600_000))).toBeNull();
    const again = await signInWithLink(deps, { token: await (async () => (await requestSignInLink(deps, { email: 'ada@example.org' }, CLIENT), pendingSignInToken(store.db, 'ada@example.org')))(), previousSessionSecret: null }, CLIENT);
    await store.db.execute(sql`update sessions set created_at = now() - interval '8 days'`);
    expect(await resumeSession(store.db, again.sessionSecret, LIFETIME)).toBeNull();
    const a = await signInWithLink(deps, { token: await (async () => (await requestSignInLink(deps, { email: 'ada@example.org' }, CLIENT), pendingSignInToken(store.db, 'ada@example.org')))(), previousSessionSecret: null }, CLIENT);
    expect(await closeAllSessions(store.db, a.actor)).toBe(1);
    expect(await resumeSession(store.db, a.sessionSecret, LIFETIME)).toBeNull();
    expect((await auditActions(store.db)).at(-1)).toMatchObject({ action: 'session.signed-out-everywhere', actorLabel: 'ada@example.org', details: { sessions: 1 } });
  });
});
