import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, saveScreenshot, seriousAccessibilityViolations, type BrowserSession } from './support/browser.ts';

const siteUrl = inject('siteUrl');
let browser: BrowserSession;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the site in a real browser', () => {
  it('serves the home page with the catalog loaded and no serious accessibility problems', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${siteUrl}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/AI/);
    await saveScreenshot(page, 'home');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
