import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadSampleAssessments, queuedConfirmToken, sampleAssessment, unlimitedSubscriptions } from '../../features/mail/test-support/mail-fixtures.ts';
import { createRateLimiter } from '../../features/rate-limits/rate-limits.usecases.ts';
import { signUnsubscribeToken } from '../../features/subscriptions/subscription-tokens.ts';
import { unsubscribeSigningKey } from '../../features/subscriptions/subscriptions.repository.ts';
import { queryRows } from '../../store/sql-rows.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { isCrossSiteFormSubmission } from './origin-check.ts';
import { confirmPageView, confirmView, handleSubscribe, unsubscribePageView, unsubscribeView } from './subscription-endpoints.ts';

const SITE = 'http://localhost:4321';
const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE }, body: new URLSearchParams(fields).toString() });

const confirmPost = (token: string) => new Request(`${SITE}/subscriptions/confirm?token=${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE }, body: '' });

describeEachDriver('the subscription endpoints', (store) => {
  it('GET /subscriptions/confirm only shows a button that POSTs to the same address; the POST confirms', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const deps = unlimitedSubscriptions(store.db);
    await handleSubscribe(new Request(`${SITE}/subscribe`, form({ email: 'reader@example.com' })), '10.0.0.1', deps, nurse.target);
    const token = await queuedConfirmToken(store.db, 'reader@example.com');

    const page = await confirmPageView(new Request(`${SITE}/subscriptions/confirm?token=${token}`), deps);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.form).toEqual({ action: `?token=${token}`, button: 'Confirm my subscription', oneClick: false });
    expect(page.message).toMatch(/^Start getting an email whenever the assessment of Registered Nurse/);
    expect(page.links).toEqual([{ text: expect.stringMatching(/^Back to Registered Nurse/), href: `/roles/${nurse.roleSlug}/${nurse.seniority}` }]);
    expect(await queryRows(store.db, sql`select status from subscriptions`)).toEqual([{ status: 'pending' }]);

    const confirmed = await confirmView(confirmPost(token), deps);
    expect(confirmed.status).toBe(200);
    expect(confirmed.title).toBe('Subscription confirmed');
    expect(confirmed.links[0]?.href).toBe(`/roles/${nurse.roleSlug}/${nurse.seniority}`);
    expect(await queryRows(store.db, sql`select status from subscriptions`)).toEqual([{ status: 'confirmed' }]);
  });

  it('answers a subscribe request before the store work that differs between new, pending and confirmed addresses', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const background: Promise<void>[] = [];
    const deps = { ...unlimitedSubscriptions(store.db), runInBackground: (work: Promise<void>) => void background.push(work) };
    const url = `${SITE}/roles/${nurse.roleSlug}/${nurse.seniority}/subscribe`;
    let settled = false;
    const response = await handleSubscribe(new Request(url, form({ email: 'new@example.com' })), '10.0.0.1', deps, nurse.target);
    expect(background).toHaveLength(1);
    void background[0]?.then(() => (settled = true));
    expect(response.status).toBe(202);
    expect(settled).toBe(false);
    await Promise.all(background);
    expect(await queryRows(store.db, sql`select status from subscriptions`)).toEqual([{ status: 'pending' }]);
  });

  it('POST /roles/<slug>/<seniority>/subscribe answers 202 with the same page for a new, a pending and a confirmed address', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const deps = unlimitedSubscriptions(store.db);
    const url = `${SITE}/roles/${nurse.roleSlug}/${nurse.seniority}/subscribe`;
    const post = async (email: string) => {
      const response = await handleSubscribe(new Request(url, form({ email })), '10.0.0.1', deps, nurse.target);
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
    };
    const fresh = await post('new@example.com');
    await post('pending@example.com');
    const pending = await post('pending@example.com');
    await post('confirmed@example.com');
    await confirmView(confirmPost(await queuedConfirmToken(store.db, 'confirmed@example.com')), deps);
    const confirmed = await post('confirmed@example.com');

    expect(fresh.status).toBe(202);
    expect(fresh.type).toBe('text/html; charset=utf-8');
    expect(fresh.body).toContain('Check your inbox');
    expect(pending).toEqual(fresh);
    expect(confirmed).toEqual(fresh);
  });

  it('answers JSON to clients that ask for it, and names the problem with a bad address', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const request = new Request(`${SITE}/roles/x/y/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ email: 'nope' }) });
    const response = await handleSubscribe(request, '10.0.0.1', unlimitedSubscriptions(store.db), nurse.target);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'subscription.invalid_email', message: 'That does not look like an email address; enter one such as name@example.com.' } });
  });

  it('answers 429 with Retry-After once a client sent too many requests', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const deps = { db: store.db, limiter: createRateLimiter(store.db), limits: { perAddress: { capacity: 10, refillSeconds: 60 }, perClient: { capacity: 1, refillSeconds: 120 } } };
    const url = `${SITE}/roles/${nurse.roleSlug}/${nurse.seniority}/subscribe`;
    expect((await handleSubscribe(new Request(url, form({ email: 'a@example.com' })), '10.0.0.9', deps, nurse.target)).status).toBe(202);
    const limited = await handleSubscribe(new Request(url, form({ email: 'b@example.com' })), '10.0.0.9', deps, nurse.target);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('120');
    expect(await limited.text()).toContain('Too many subscribe requests from your network. Please try again in 2 minutes.');
  });

  it('an unknown assessment is a 404 that says to check the address', async () => {
    await loadSampleAssessments(store.db);
    const response = await handleSubscribe(new Request(`${SITE}/roles/wizard/senior/subscribe`, form({ email: 'a@example.com' })), '10.0.0.1', unlimitedSubscriptions(store.db), {
      kind: 'assessment',
      roleSlug: 'wizard',
      seniority: 'senior',
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('There is no published assessment at /roles/wizard/senior; check the address of the page.');
  });

  it('GET /subscriptions/unsubscribe only shows a button; the RFC 8058 one-click POST unsubscribes', async () => {
    const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
    const deps = unlimitedSubscriptions(store.db);
    await handleSubscribe(new Request(`${SITE}/subscribe`, form({ email: 'reader@example.com' })), '10.0.0.1', deps, nurse.target);
    await confirmView(confirmPost(await queuedConfirmToken(store.db, 'reader@example.com')), deps);
    const [subscriber] = await queryRows<{ id: number }>(store.db, sql`select id from subscribers`);
    const url = `${SITE}/subscriptions/unsubscribe?token=${signUnsubscribeToken(await unsubscribeSigningKey(store.db), subscriber?.id ?? 0)}`;

    const page = await unsubscribePageView(new Request(url), deps);
    expect(page.form?.oneClick).toBe(true);
    expect(page.links.map((link) => link.href)).toEqual([`/roles/${nurse.roleSlug}/${nurse.seniority}`]);
    expect((await unsubscribePageView(new Request(`${url}x`), deps)).status).toBe(400);
    expect(await queryRows(store.db, sql`select status from subscriptions`)).toEqual([{ status: 'confirmed' }]);

    const oneClick = new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(isCrossSiteFormSubmission(oneClick, new URL(url), SITE)).toBe(false);
    const response = await unsubscribeView(oneClick, deps);
    expect(response.status).toBe(200);
    expect(response.links.map((link) => link.href)).toEqual([`/roles/${nurse.roleSlug}/${nurse.seniority}`]);
    expect(await queryRows(store.db, sql`select status from subscriptions`)).toEqual([{ status: 'unsubscribed' }]);
  });

  it('a confirmation link that does not work is a 400 page that says what to do', async () => {
    const response = await confirmView(confirmPost('made-up'), { db: store.db });
    expect(response.status).toBe(400);
    expect(response.message).toContain('Subscribe again to get a new link.');
    const page = await confirmPageView(new Request(`${SITE}/subscriptions/confirm?token=made-up`), { db: store.db });
    expect(page).toMatchObject({ status: 400, form: null, code: 'subscription.invalid_token' });
  });
});

describe('form posts from other sites', () => {
  const post = (origin: string | null) => new Request(`${SITE}/roles/a/b/subscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) }, body: 'email=a%40b.c' });

  it('are refused, except to the one-click unsubscribe address', () => {
    expect(isCrossSiteFormSubmission(post('https://evil.example'), new URL(`${SITE}/roles/a/b/subscribe`), SITE)).toBe(true);
    expect(isCrossSiteFormSubmission(post(null), new URL(`${SITE}/roles/a/b/subscribe`), SITE)).toBe(true);
  });

  it('are accepted from the site itself, also behind a proxy at the public address', () => {
    expect(isCrossSiteFormSubmission(post(SITE), new URL(`${SITE}/roles/a/b/subscribe`), SITE)).toBe(false);
    expect(isCrossSiteFormSubmission(post('https://jobzone.example'), new URL('http://10.0.0.5:4321/roles/a/b/subscribe'), 'https://jobzone.example')).toBe(false);
  });
});
