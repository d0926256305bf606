import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { saveScreenshot, useBrowser } from './support/browser.ts';
import { signInAs } from './support/sign-in.ts';

const siteUrl = inject('siteUrl');
const outbox = join(inject('siteDataDir'), 'outbox');
const session = useBrowser();
// A baseline no other browser test touches, so publishing a revision of it changes nobody else's expectations.
const ROLE = '/roles/cashiers/all-levels';
const SUBSCRIBER = 'studio-flow-reader@example.org';
const MAIL_WAIT_MS = 20_000;

/** Waits for an .eml file whose name starts with `label` and that is addressed to `to`, ignoring the files in `seen`. */
async function waitForMail(label: string, to: string, seen: ReadonlySet<string>): Promise<ParsedMail> {
  const deadline = Date.now() + MAIL_WAIT_MS;
  while (Date.now() < deadline) {
    const names = (await readdir(outbox).catch(() => [] as string[])).filter((name) => name.startsWith(label) && name.endsWith('.eml') && !seen.has(name));
    for (const name of names) {
      const mail = await simpleParser(await readFile(join(outbox, name)));
      const addresses = Array.isArray(mail.to) ? mail.to.flatMap((each) => each.value) : (mail.to?.value ?? []);
      if (addresses.some((address) => address.address === to)) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no "${label}" email reached ${to} within ${MAIL_WAIT_MS / 1000} s`);
}

/** Signs the browser out of whoever used it before (cookies only: the server-side session stays, as when a colleague takes over a laptop) and in as the next member. */
async function switchTo(page: Page, email: string, role: 'assessor' | 'reviewer' | 'editor', next: string): Promise<void> {
  await page.context().clearCookies();
  await signInAs(page, email, role, next);
}

describe('the editorial flow in Chromium, from invitation to a subscriber’s email', () => {
  it('an assessor drafts a change with a live score, a reviewer comments and approves, an editor publishes, and readers see it', async () => {
    const page = await session().context.newPage();
    const seenMail = new Set(await readdir(outbox).catch(() => [] as string[]));

    // A reader subscribes to the role and confirms by the emailed link before anything is published.
    await page.goto(`${siteUrl}${ROLE}`);
    await page.locator('form.subscribe input[name=email]').fill(SUBSCRIBER);
    await Promise.all([page.waitForURL(/subscribe=sent/), page.locator('form.subscribe button[type=submit]').click()]);
    const confirmation = await waitForMail('confirmation', SUBSCRIBER, seenMail);
    const confirmLink = /https?:\/\/\S+\/subscriptions\/confirm\?token=[A-Za-z0-9_%-]+/.exec(confirmation.text ?? '')?.[0];
    expect(confirmLink).toBeDefined();
    const confirmUrl = new URL(confirmLink ?? '');
    await page.goto(`${siteUrl}${confirmUrl.pathname}${confirmUrl.search}`);
    await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Confirm my subscription")')]);
    await expect(page.locator('body').innerText()).resolves.toMatch(/Subscription confirmed/);

    // The assessor, invited by CLI and signed in by the emailed link, starts a draft from the baseline.
    await switchTo(page, 'flow-assessor@example.org', 'assessor', '/studio/drafts/new');
    await page.locator('#assessment').fill('cashiers/all-levels');
    await Promise.all([page.waitForURL(/\/studio\/drafts\/\d+$/), page.click('button:has-text("Start from the current revision")')]);
    const draftPath = new URL(page.url()).pathname;
    const baseRevision = Number(/based on revision (\d+)/.exec(await page.locator('main').innerText())?.[1]);
    expect(baseRevision).toBeGreaterThan(0);
    await page.waitForFunction(() => document.querySelector('astro-island')?.hasAttribute('ssr') === false);
    const scoreBefore = await page.locator('[data-testid="live-score"]').textContent();
    await page.locator('#note').fill('Checkout automation reached most stores this year.');
    const taskScore = page.locator('input[name="tasks.0.score"]');
    await taskScore.fill((await taskScore.inputValue()) === '5' ? '1' : '5');
    await expect.poll(() => page.locator('[data-testid="live-score"]').textContent()).not.toBe(scoreBefore);
    // The autosave carries the session's CSRF token in a header; without it the studio would refuse it.
    await expect.poll(() => page.locator('[data-testid="save-state"]').textContent(), { timeout: 10_000 }).toMatch(/Saved at .* \(version 2\)/);
    await saveScreenshot(page, 'studio-flow-draft');
    await Promise.all([page.waitForURL(`${siteUrl}${draftPath}/review`), page.click('button:has-text("Save and submit for review")')]);
    await expect(page.locator('main').innerText()).resolves.toMatch(/State: submitted|submitted/);

    // The reviewer comments on the changed input, then approves.
    await switchTo(page, 'flow-reviewer@example.org', 'reviewer', `${draftPath}/review`);
    await page.locator('#comment-input').selectOption('tasks[0].score');
    await page.locator('#comment-body').fill('The share of self-checkout lanes supports this.');
    await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Add the comment")')]);
    await expect(page.locator('main').innerText()).resolves.toContain('The share of self-checkout lanes supports this.');
    await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Approve")')]);
    await expect(page.locator('main').innerText()).resolves.toMatch(/approved/);

    // The editor publishes through the publishing use case.
    await switchTo(page, 'flow-editor@example.org', 'editor', `${draftPath}/review`);
    await page.locator('#notify').check();
    await Promise.all([page.waitForURL(/\/review\?published=\d+$/), page.click('button:has-text("Publish as a new revision")')]);
    const published = baseRevision + 1;
    await expect(page.locator('main').innerText()).resolves.toContain(`Published as revision ${published}.`);
    await saveScreenshot(page, 'studio-flow-published');

    // Readers see it: the page, its history, the role's feed and the subscriber's inbox.
    // The server rebuilds its read model when the publication's NOTIFY arrives; on a loaded machine that takes seconds.
    // The revision line sits in the closed "Show the calculation" disclosure, so it is read as text, not as what is drawn.
    await expect.poll(async () => (await page.goto(`${siteUrl}${ROLE}`)) && (await page.locator('#calculation').textContent()), { timeout: 30_000, interval: 500 }).toContain(`Revision ${published}, published`);
    await page.locator('#calculation > summary').click();
    await expect(page.locator('#calculation').innerText()).resolves.toContain(`Revision ${published}, published`);
    await page.goto(`${siteUrl}${ROLE}/history`);
    await expect(page.locator('main').innerText()).resolves.toContain(`Revision ${published}`);
    const feed = await (await fetch(`${siteUrl}/feeds/roles/cashiers.atom`)).text();
    expect(feed).toContain('Checkout automation reached most stores this year.');
    const update = await waitForMail('update-cashiers-all-levels', SUBSCRIBER, seenMail);
    expect(update.subject).toMatch(/^Cashiers/);
    expect(update.text).toContain(`${siteUrl}${ROLE}`);
    await page.close();
  }, 180_000);
});
