import { SaxesParser } from 'saxes';
import { describe, expect, inject, it } from 'vitest';
import { saveScreenshot, seriousAccessibilityViolations, useBrowser } from './support/browser.ts';

const siteUrl = inject('siteUrl');
const session = useBrowser();

describe('history, movers and feeds in Chromium', () => {
  it('shows an assessment’s history with a timeline, its revisions, the review status and the compare form', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}/roles/roofers/all-levels/history`);
    expect(response?.status()).toBe(200);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Revision 1/);
    expect(text).toMatch(/Last reviewed/);
    expect(text).toMatch(/jobzone baseline pipeline \(automated, not a review\)/);
    await expect(page.locator('main svg[role=img][aria-label^="Score timeline"]').count()).resolves.toBe(1);
    await expect(page.locator('form[action="/roles/roofers/all-levels/changes"][method=get] select[name=from]').count()).resolves.toBe(1);
    await saveScreenshot(page, 'history');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('answers a diff with a missing or unknown revision with a 400 page that keeps the form', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}/roles/roofers/all-levels/changes?from=1&to=99`);
    expect(response?.status()).toBe(400);
    await expect(page.locator('main').innerText()).resolves.toMatch(/no revision 99/);
    await expect(page.locator('main form select[name=to]').count()).resolves.toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the movers page with its period picker and feed links', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}/movers?days=90`);
    expect(response?.status()).toBe(200);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Every zone change/);
    expect(text).toMatch(/Largest score changes/);
    await expect(page.locator('input[name=days][value="90"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('a[href="/feeds/all.atom"]').count()).resolves.toBe(1);
    await saveScreenshot(page, 'movers');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('serves the feeds as well-formed Atom with absolute links, and 404 for an unknown role', async () => {
    for (const path of ['/feeds/all.atom', '/feeds/roles/roofers.atom', '/feeds/categories/construction-and-extraction.atom']) {
      const response = await fetch(`${siteUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      const links: string[] = [];
      const parser = new SaxesParser({ xmlns: true });
      parser.on('opentag', (tag) => {
        if (tag.local === 'link') links.push(String(tag.attributes.href?.value ?? ''));
      });
      parser.write(await response.text()).close();
      expect(links.length, path).toBeGreaterThan(2);
      expect(links.every((link) => link.startsWith(`${siteUrl}/`)), path).toBe(true);
    }
    expect((await fetch(`${siteUrl}/feeds/roles/no-such-role.atom`)).status).toBe(404);
  });

  it('puts a History section, the subscribe form posting `email` and the role’s feed on the assessment page', async () => {
    const page = await session().context.newPage();
    await page.goto(`${siteUrl}/roles/multimodal-ai-engineer/mid-level?subscribe=sent`);
    const form = page.locator('form[method=post][action="/roles/multimodal-ai-engineer/mid-level/subscribe"]');
    await expect(form.count()).resolves.toBe(1);
    await expect(form.locator('input[type=email][name=email][required]').count()).resolves.toBe(1);
    await expect(page.locator('[role=status]').innerText()).resolves.toMatch(/confirmation link/);
    await expect(page.locator('head link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).resolves.toBe(`${siteUrl}/feeds/roles/multimodal-ai-engineer.atom`);
    await expect(page.locator('#history').count()).resolves.toBe(1);
    await expect(page.locator('a[href="/roles/multimodal-ai-engineer/mid-level/history"]').count()).resolves.toBe(1);
    await saveScreenshot(page, 'assessment-updates');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
