import { describe, expect, inject, it } from 'vitest';
import { saveScreenshot, seriousAccessibilityViolations, useBrowser } from './support/browser.ts';
import { runJobzone, signInAs, waitForSignInLink } from './support/sign-in.ts';

const siteUrl = inject('siteUrl');
const session = useBrowser();
const ADMIN = 'first-admin@example.org';

describe('signing in to the studio in a real browser', () => {
  it('an admin invited by CLI signs in by the emailed link, registers a passkey, and signs in again with it', async () => {
    const page = await session().context.newPage();
    const since = Date.now() - 1_000;
    const invited = await runJobzone(['users', 'add', ADMIN, '--role', 'admin']);
    expect(invited.stderr).toBe('');
    expect(invited.stdout).toBe(`Invited ${ADMIN} as admin; a sign-in link is on its way to them.\n`);

    const link = new URL(await waitForSignInLink(ADMIN, since));
    await page.goto(`${siteUrl}${link.pathname}${link.search}&next=${encodeURIComponent('/studio/account')}`);
    await Promise.all([page.waitForURL(`${siteUrl}/studio/account`), page.click('button:has-text("Sign in")')]);
    await expect(page.locator('#account-email').textContent()).resolves.toBe(ADMIN);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A virtual authenticator stands in for the person's device (Chrome DevTools protocol).
    const cdp = await session().context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await page.fill('#passkey-name', 'Test laptop');
    await Promise.all([page.waitForEvent('load'), page.click('#register-passkey')]);
    await expect(page.locator('#passkey-list').textContent()).resolves.toContain('Test laptop');
    await saveScreenshot(page, 'studio-account');

    await Promise.all([page.waitForURL(/\/sign-in\?signed-out=1/), page.click('button:has-text("Sign out of this browser")')]);
    expect((await page.goto(`${siteUrl}/studio/account`))?.url()).toBe(`${siteUrl}/sign-in?next=${encodeURIComponent('/studio/account')}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'studio-sign-in');
    await Promise.all([page.waitForURL(`${siteUrl}/studio/account`), page.click('#passkey-sign-in')]);
    await expect(page.locator('#account-email').textContent()).resolves.toBe(ADMIN);
    await expect(page.locator('#passkey-list').textContent()).resolves.toMatch(/last used \d{4}-\d{2}-\d{2}/);

    const listed = await runJobzone(['users', 'list']);
    expect(listed.stdout).toContain(`${ADMIN}  admin`);
  });

  it('signInAs, the helper of the studio\'s browser tests, invites a member by CLI and lands signed in', async () => {
    const page = await session().context.newPage();
    await signInAs(page, 'reviewer-e2e@example.org', 'reviewer');
    await expect(page.locator('main p').first().textContent()).resolves.toBe('Signed in as reviewer-e2e@example.org, reviewer.');
  });
});
