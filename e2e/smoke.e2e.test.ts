import { describe, expect, inject, it } from 'vitest';
import { saveScreenshot, seriousAccessibilityViolations, useBrowser } from './support/browser.ts';

const siteUrl = inject('siteUrl');
const session = useBrowser();

describe('the site in a real browser', () => {
  it('serves the home page with the catalog loaded and no serious accessibility problems', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/AI/);
    await saveScreenshot(page, 'home');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
