import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openBrowser, saveScreenshot, seriousAccessibilityViolations, useBrowser } from './support/browser.ts';

const siteUrl = inject('siteUrl');
const session = useBrowser();

describe('the assessment page in Chromium', () => {
  it('shows the expert assessment with every figure of the worked example', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}/roles/multimodal-ai-engineer/mid-level`);
    expect(response?.status()).toBe(200);
    await page.locator('details.calculation > summary').click();
    await page.locator('details.calc-inline > summary').click();
    for (const more of await page.locator('details.more-rows > summary').all()) await more.click();
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/64\.0\s*\/100/);
    expect(text).toMatch(/Green\s*·\s*Accelerated/);
    for (const figure of ['3.65', '2.35', '5.6178', '1.32', '1.06', '1.10', '59.2', '68.9']) expect(text).toContain(figure);
    expect(text).toMatch(/formula score accepted/i);
    expect(text).toMatch(/Reinstatement check/);
    await expect(page.locator('main svg[role=img]').count()).resolves.toBeGreaterThan(4);
    await expect(page.locator('link[rel=canonical]').getAttribute('href')).resolves.toBe(`${siteUrl}/roles/multimodal-ai-engineer/mid-level`);
    await saveScreenshot(page, 'assessment-expert');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('labels a baseline as data-derived and shows where each input came from', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}/roles/roofers`);
    expect(response?.status()).toBe(200);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Automated estimate: computed from public data/i);
    expect(text).toMatch(/47-2181\.00/);
    expect(text).toMatch(/from data/i);
    await saveScreenshot(page, 'assessment-baseline');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('reads well on a 360 px phone in dark mode, without sideways scrolling', async () => {
    const phone = await openBrowser({ viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
    try {
      const page = await phone.context.newPage();
      await page.goto(`${siteUrl}/roles/multimodal-ai-engineer/mid-level`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await saveScreenshot(page, 'assessment-expert-phone-dark');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('draws its charts without JavaScript', async () => {
    const noScript = await openBrowser({ javaScriptEnabled: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(`${siteUrl}/roles/telemarketers`);
      await expect(page.locator('main svg[role=img]').first().isVisible()).resolves.toBe(true);
      await expect(page.locator('main').innerText()).resolves.toMatch(/Red means at risk/);
    } finally {
      await noScript.close();
    }
  });

  it('answers an unknown role with a 404 that suggests similar titles', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}/roles/registered-nurse-x`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Registered Nurses/);
    await page.close();
  });

  it('answers a seniority that is not assessed with a 404 naming the assessed levels', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}/roles/multimodal-ai-engineer/principal`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Mid-level/);
    await page.close();
  });

  it('serves repeat views from the render cache and answers a matching ETag with 304', async () => {
    const first = await fetch(`${siteUrl}/roles/roofers/all-levels`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    await first.text();
    const second = await fetch(`${siteUrl}/roles/roofers/all-levels`);
    expect(second.headers.get('x-render-cache')).toBe('hit');
    await second.text();
    const conditional = await fetch(`${siteUrl}/roles/roofers/all-levels`, { headers: { 'if-none-match': etag ?? '' } });
    expect(conditional.status).toBe(304);
  });
});

describe('getting updates from an assessment page', () => {
  it('subscribing with the form shows a neutral confirmation and writes the confirmation mail to the outbox', async () => {
    const outbox = join(inject('siteDataDir'), 'outbox');
    const before = await readdir(outbox).catch(() => [] as string[]);
    const page = await session().context.newPage();
    await page.goto(`${siteUrl}/roles/telemarketers/all-levels`);
    await page.locator('form.subscribe input[name=email]').fill('e2e-reader@example.org');
    await Promise.all([page.waitForURL(/subscribe=sent/), page.locator('form.subscribe button[type=submit]').click()]);
    await expect(page.locator('.subscribe-status').innerText()).resolves.toMatch(/confirm/i);
    let written: string[] = [];
    for (let attempt = 0; attempt < 50 && written.length === 0; attempt += 1) {
      written = (await readdir(outbox).catch(() => [] as string[])).filter((name) => !before.includes(name) && name.endsWith('.eml'));
      if (written.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(written).toHaveLength(1);
    const mail = await readFile(join(outbox, written[0] ?? ''), 'utf8');
    expect(mail).toMatch(/^To: e2e-reader@example\.org$/m);
    expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    await page.close();
  });
});
