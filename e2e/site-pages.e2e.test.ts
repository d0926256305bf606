import { describe, expect, inject, it } from 'vitest';
import { openBrowser, saveScreenshot, seriousAccessibilityViolations, useBrowser } from './support/browser.ts';

const siteUrl = inject('siteUrl');
const session = useBrowser();

const pageTypes = [
  { name: 'home', path: '/', heading: /AI/ },
  { name: 'search', path: '/search?q=rn', heading: /Results for/ },
  { name: 'browse', path: '/browse', heading: /Browse|categor/i },
  { name: 'browse-category', path: '/browse/construction-and-extraction?zone=Green', heading: /Construction/ },
  { name: 'rankings', path: '/rankings?zone=Red&sort=score-asc', heading: /ranked/i },
  { name: 'compare', path: '/compare?roles=roofers,telemarketers,multimodal-ai-engineer/mid-level', heading: /Roofers · Telemarketers · Multimodal/ },
  { name: 'methodology', path: '/methodology', heading: /How a score is made/ },
  { name: 'about-data', path: '/about/data', heading: /Where the numbers come from/ },
];

describe('every site page type in Chromium', () => {
  for (const type of pageTypes) {
    it(`renders ${type.name} with a heading, its canonical URL and no serious accessibility violations`, async () => {
      const page = await session().context.newPage();
      const response = await page.goto(`${siteUrl}${type.path}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').first().textContent()).resolves.toMatch(type.heading);
      const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
      expect(canonical?.startsWith(siteUrl)).toBe(true);
      await expect(page.locator('meta[property="og:title"]').count()).resolves.toBe(1);
      await saveScreenshot(page, `site-${type.name}`);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('answers an unknown address with a 404 page that offers search', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}/no/such/page`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('main input[type=search]').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('serves a sitemap of absolute URLs covering every assessment', async () => {
    const response = await fetch(`${siteUrl}/sitemap.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
    expect(urls.every((url) => url.startsWith(`${siteUrl}/`))).toBe(true);
    expect(urls).toContain(`${siteUrl}/roles/multimodal-ai-engineer/mid-level`);
    expect(urls.filter((url) => url.includes('/roles/')).length).toBeGreaterThanOrEqual(924);
  });
});

describe('finding a job from the home page', () => {
  it('suggests titles as you type and opens the chosen one with the keyboard', async () => {
    const page = await session().context.newPage();
    await page.goto(`${siteUrl}/`);
    const box = page.getByRole('combobox').first();
    await box.click();
    await box.pressSequentially('registered nur', { delay: 30 });
    const option = page.getByRole('option').first();
    await option.waitFor();
    await expect(option.textContent()).resolves.toMatch(/Registered Nurses/);
    await box.press('ArrowDown');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBeTruthy();
    await Promise.all([page.waitForURL(/\/roles\/registered-nurses/), box.press('Enter')]);
    await page.close();
  });

  it('explains each suggestion and says when a military rank is not in the catalog', async () => {
    const page = await session().context.newPage();
    await page.goto(`${siteUrl}/`);
    const box = page.getByRole('combobox').first();
    await box.click();
    await box.pressSequentially('mayor', { delay: 30 });
    const option = page.getByRole('option').first();
    await option.waitFor();
    await expect(option.textContent()).resolves.toContain('Mayor → Chief Executives: elected officials who head a government');
    await page.goto(`${siteUrl}/search?q=${encodeURIComponent('Staff Sergeant')}`);
    await expect(page.getByTestId('not-in-catalog').textContent()).resolves.toMatch(/not in the catalog: military ranks have no civilian O\*NET occupation/);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Nearest civilian occupation to “Staff Sergeant”/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('offers the personal report from the home page and from every assessment page', async () => {
    const page = await session().context.newPage();
    await page.goto(`${siteUrl}/`);
    await expect(page.locator('main a[href="/report"]').count()).resolves.toBeGreaterThan(0);
    await page.goto(`${siteUrl}/roles/roofers`);
    await expect(page.locator('main a[href="/report?role=roofers/all-levels"]').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('goes from search results to an assessment page and on to a comparison', async () => {
    const page = await session().context.newPage();
    await page.goto(`${siteUrl}/search?q=${encodeURIComponent('RN')}`);
    await expect(page.locator('main').innerText()).resolves.toMatch(/RN →[\s\S]{0,30}Registered Nurses/);
    await Promise.all([page.waitForURL(/\/roles\/registered-nurses/), page.locator('main a[href^="/roles/registered-nurses"]').first().click()]);
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/Registered Nurses/);
    await page.goto(`${siteUrl}/compare?roles=registered-nurses,roofers`);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Registered Nurses[\s\S]*Roofers/);
    await saveScreenshot(page, 'flow-compare');
    await page.close();
  });

  it('works without JavaScript: the search form submits to the results page', async () => {
    const noScript = await openBrowser({ javaScriptEnabled: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(`${siteUrl}/`);
      const box = page.locator('main input[type=search]').first();
      await box.fill('dba');
      await Promise.all([page.waitForURL(/\/search\?q=dba/), box.press('Enter')]);
      await expect(page.locator('main').innerText()).resolves.toMatch(/Database Administrators/);
    } finally {
      await noScript.close();
    }
  });
});
