import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenOf, openSession } from '../features/accounts/sessions.usecases.ts';
import { loadSampleCatalog } from '../features/revisions/test-support/publishing-fixture.ts';
import { createDraft, getDraft } from '../features/studio/drafts.usecases.ts';
import { createStudioTeam, type StudioTeam } from '../features/studio/test-support/studio-fixture.ts';
import { SESSION_COOKIE } from '../web/lib/studio-session.ts';
import { saveScreenshot, seriousAccessibilityViolations, useBrowser } from '../../e2e/support/browser.ts';
import { send, startSiteInProcess, type SiteUnderTest } from './test-support/site-under-test.ts';

let site: SiteUnderTest;
let team: StudioTeam;
let draftId = 0;
const SIGNED_IN_ROLES = ['assessor', 'reviewer', 'editor', 'admin'] as const;
type SignedInRole = (typeof SIGNED_IN_ROLES)[number];
/** One real session per role, opened by the accounts use case: the cookie's secret and the CSRF token its forms carry. */
const sessions = {} as Record<SignedInRole, { secret: string; csrf: string }>;

// One site for the file: starting it (built Astro, committed read model) is the slow part.
beforeAll(async () => {
  site = await startSiteInProcess({}, { accounts: {} });
  await loadSampleCatalog(site.db);
  team = await createStudioTeam(site.db);
  for (const role of SIGNED_IN_ROLES) {
    const secret = await openSession(site.db, team[role].userId);
    sessions[role] = { secret, csrf: csrfTokenOf(secret) };
  }
  draftId = (await createDraft(site.db, team.assessor, { from: 'current', assessment: 'telemarketers' })).id;
}, 240_000);
afterAll(() => site?.close());

const as = (role: SignedInRole | null): Record<string, string> => (role ? { cookie: `${SESSION_COOKIE}=${sessions[role].secret}` } : {});
const get = (path: string, role: SignedInRole | null = null) => send(site.url, 'GET', path, { headers: as(role) });
/** Posts a form as a member would: with the session cookie and the form's hidden CSRF field (unless `csrf` says otherwise). */
const post = (path: string, form: Record<string, string>, role: SignedInRole | null = null, { origin = site.url, csrf }: { origin?: string; csrf?: string | null } = {}) => {
  const token = csrf === undefined ? (role ? sessions[role].csrf : null) : csrf;
  const fields = token === null ? form : { ...form, csrf: token };
  return send(site.url, 'POST', path, { headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, ...as(role) }, body: new URLSearchParams(fields).toString() });
};
const autosave = (role: SignedInRole, body: unknown, csrf: string | null = sessions[role].csrf) =>
  send(site.url, 'POST', `/studio/drafts/${draftId}/save`, { headers: { 'content-type': 'application/json', origin: site.url, ...as(role), ...(csrf === null ? {} : { 'x-csrf-token': csrf }) }, body: JSON.stringify(body) });

const STUDIO_PAGES = ['/studio', '/studio/drafts/new', '/studio/drafts/1', '/studio/drafts/1/review', '/studio/evidence', '/studio/calibration', '/studio/audit'];

describe('studio pages through the real server', () => {
  it('send an anonymous visitor to sign in and back, for every page and every form, and are never cached', async () => {
    for (const path of STUDIO_PAGES) {
      const visit = await get(`${path}?from=queue`);
      expect(visit.status, path).toBe(303);
      expect(visit.headers.location, path).toBe(`/sign-in?next=${encodeURIComponent(`${path}?from=queue`)}`);
      expect(visit.headers['cache-control'], path).toContain('no-store');
      const form = await post(path, { action: 'approve' });
      expect(form.status, path).toBe(303);
      expect(form.headers.location, path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    const autosave = await send(site.url, 'POST', `/studio/drafts/${draftId}/save`, { headers: { 'content-type': 'application/json', origin: site.url }, body: '{"version":1}' });
    // The studio guard answers before the endpoint: an anonymous autosave is sent to sign in like any studio request.
    expect(autosave.status).toBe(303);
    expect(autosave.headers.location).toMatch(/^\/sign-in\?next=/);
    for (const path of STUDIO_PAGES) expect(site.renderCache.get(0, path) ?? site.renderCache.get(1, path)).toBeUndefined();
  });

  it('show each member the pages of their role and refuse the others with 403', async () => {
    const queue = await get('/studio', 'assessor');
    expect(queue.status).toBe(200);
    expect(queue.headers['cache-control']).toContain('no-store');
    expect(queue.body.toString()).toContain('Baselines never reviewed');
    expect((await get('/studio/audit', 'assessor')).status).toBe(403);
    expect((await get('/studio/audit', 'admin')).status).toBe(200);
    expect((await get('/studio/calibration', 'assessor')).status).toBe(403);
    expect((await get('/studio/evidence', 'reviewer')).status).toBe(403);
    expect((await get(`/studio/drafts/${draftId}`, 'assessor')).body.toString()).toContain('data-problem-for="tasks.0.share"');
    expect((await get('/studio/drafts/99999', 'assessor')).status).toBe(404);
  });

  it('save a draft from the plain form and warn the second of two editors instead of overwriting', async () => {
    const first = await post(`/studio/drafts/${draftId}`, { version: '1', note: 'From the form.', action: 'save' }, 'assessor');
    expect(first.status).toBe(303);
    const second = await post(`/studio/drafts/${draftId}`, { version: '1', note: 'Stale.', action: 'save' }, 'reviewer');
    expect(second.status).toBe(409);
    expect(second.body.toString()).toMatch(/reload it to see their changes/);
    const stale = await autosave('assessor', { version: 1, note: 'x' });
    expect(stale.status).toBe(409);
  });

  it('refuse a form or an autosave without the session CSRF token, and change nothing', async () => {
    const before = (await getDraft(site.db, team.assessor, String(draftId))).draft;
    for (const csrf of [null, '', sessions.reviewer.csrf, `${sessions.assessor.csrf.slice(0, -1)}x`]) {
      const form = await post(`/studio/drafts/${draftId}`, { version: String(before.version), note: 'Forged.', action: 'save' }, 'assessor', { csrf });
      expect(form.status, String(csrf)).toBe(403);
      expect(form.body.toString()).toContain('missing or wrong CSRF token');
      expect((await autosave('assessor', { version: before.version, note: 'Forged.' }, csrf)).status, String(csrf)).toBe(403);
    }
    expect((await post('/studio', { action: 'assign', role: 'telemarketers', seniority: 'all-levels' }, 'editor', { csrf: null })).status).toBe(403);
    expect((await post('/sign-out', {}, 'editor', { csrf: null })).status).toBe(403);
    const after = (await getDraft(site.db, team.assessor, String(draftId))).draft;
    expect({ version: after.version, note: after.note }).toEqual({ version: before.version, note: before.note });
  });
});

describe('reader reports and corrections through the real server', () => {
  it('take a report without an account, refuse oversized or cross-site ones', async () => {
    const path = '/roles/telemarketers/all-levels/report-problem';
    const accepted = await post(path, { problem: 'The wage trend is out of date.', email: '' });
    expect(accepted.status).toBe(202);
    expect(accepted.body.toString()).toContain('Back to the assessment');
    expect((await post(path, { problem: 'x'.repeat(2_001) })).status).toBe(400);
    expect((await post(path, { problem: 'From elsewhere.' }, null, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('/roles/nobody/all-levels/report-problem', { problem: 'Hm.' })).status).toBe(404);
  });

  it('list corrections on a public page and in an Atom feed', async () => {
    const page = await get('/corrections');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('No correction has been published.');
    const feed = await get('/feeds/corrections.atom');
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(feed.body.toString()).toContain('<title>jobzone corrections</title>');
  });
});

describe('the studio in Chromium', () => {
  const session = useBrowser();

  it('the editor rescores on every keystroke, marks the field beside its problem, autosaves, and every studio page passes axe', async () => {
    const signInBrowserAs = (role: SignedInRole) => session().context.addCookies([{ name: SESSION_COOKIE, value: sessions[role].secret, url: site.url, httpOnly: true, sameSite: 'Lax' }]);
    await signInBrowserAs('editor');
    const page = await session().context.newPage();
    const fresh = await createDraft(site.db, team.assessor, { from: 'current', assessment: 'registered-nurses' });
    await page.goto(`${site.url}/studio/drafts/${fresh.id}`);
    await page.locator('[data-testid="live-score"]').waitFor();
    const before = await page.locator('[data-testid="live-score"]').textContent();
    await page.waitForFunction(() => document.querySelector('astro-island')?.hasAttribute('ssr') === false);
    await page.locator('input[name="tasks.0.score"]').fill('5');
    await expect.poll(() => page.locator('[data-testid="live-score"]').textContent()).not.toBe(before);
    await page.locator('input[name="tasks.0.share"]').fill('90');
    await expect.poll(() => page.locator('.studio-live').textContent()).toContain('add up to 90%');
    await expect.poll(() => page.locator('[data-testid="save-state"]').textContent(), { timeout: 10_000 }).toMatch(/Saved at .* \(version 2\)/);
    await saveScreenshot(page, 'studio-editor');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.reload();
    expect(await page.locator('input[name="tasks.0.share"]').inputValue()).toBe('90');

    await signInBrowserAs('admin');
    for (const path of ['/studio', `/studio/drafts/${fresh.id}/review`, '/studio/drafts/new', '/studio/evidence', '/studio/calibration', '/studio/audit', '/corrections', '/roles/registered-nurses/all-levels']) {
      await page.goto(`${site.url}${path}`);
      if (path.startsWith('/roles/')) await page.locator('#report-problem summary').click();
      await saveScreenshot(page, `studio${path.replace(/\//g, '-')}`);
      expect(await seriousAccessibilityViolations(page), path).toEqual([]);
    }
  }, 120_000);
});
