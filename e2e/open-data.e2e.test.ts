import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, saveScreenshot, seriousAccessibilityViolations, useBrowser, type BrowserSession } from './support/browser.ts';

const siteUrl = inject('siteUrl');
const session = useBrowser();
const ROLE = '/roles/registered-nurses/all-levels';
let partner: Server;
let partnerUrl = '';

// Another site: a real server on another loopback port (Chromium keeps pages of public origins from reaching loopback ones).
// It answers every request with the page given in the query, so each test decides what the partner shows.
beforeAll(async () => {
  partner = createServer((request, response) => {
    const body = new URL(request.url ?? '/', 'http://partner').searchParams.get('page') ?? '';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><title>Partner</title><body>${body}</body></html>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => partner.close(resolve)));

function partnerPage(html: string): string {
  return `${partnerUrl}?page=${encodeURIComponent(html)}`;
}

describe('open data pages in Chromium', () => {
  it('shows /data with its files, data dictionary and licence, and no serious accessibility violations', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}/data`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Download the data');
    await expect(page.getByRole('link', { name: 'CSV', exact: true }).count()).resolves.toBe(3);
    await expect(page.locator('#dictionary ~ section code', { hasText: 'band_high' }).count()).resolves.toBe(1);
    await saveScreenshot(page, 'open-data-page');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('carries the role page’s JSON-LD without any content security policy refusal', async () => {
    const page = await session().context.newPage();
    await page.goto(`${siteUrl}${ROLE}`);
    const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(jsonLd ?? '')).toMatchObject({ '@context': 'https://schema.org' });
    expect(session().cspViolations()).toEqual([]);
    await page.close();
  });

  it('renders the embed card with the score, the zone in words and a link that opens the full page in a new tab', async () => {
    const page = await session().context.newPage();
    await page.setViewportSize({ width: 400, height: 220 });
    const response = await page.goto(`${siteUrl}/embed${ROLE}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('.result').innerText()).resolves.toMatch(/\d+\.\d\s*\/ 100\s*(Green|Yellow|Red) zone/);
    const link = page.getByRole('link', { name: /Full assessment on jobzone/ });
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener');
    await saveScreenshot(page, 'open-data-embed-card');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('draws the badge as an image another page can show', async () => {
    const page = await session().context.newPage();
    const response = await page.goto(`${siteUrl}${ROLE}/badge.svg`);
    expect(response?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
    await expect(page.locator('svg title').textContent()).resolves.toMatch(/Registered Nurses/);
    await page.goto(partnerPage(`<p><img src="${siteUrl}${ROLE}/badge.svg" alt="AI resistance badge"></p>`));
    await expect(page.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).resolves.toBeGreaterThan(100);
    await saveScreenshot(page, 'open-data-badge');
    await page.close();
  });
});

describe('framing by another site', () => {
  let framing: BrowserSession;
  beforeAll(async () => {
    framing = await openBrowser();
  });
  afterAll(() => framing?.close());

  async function frameOnPartner(path: string) {
    const page = await framing.context.newPage();
    await page.goto(partnerPage(`<iframe src="${siteUrl}${path}" width="400" height="220" title="card"></iframe>`));
    return page;
  }

  it('shows the embed card inside another site’s page', async () => {
    const page = await frameOnPartner(`/embed${ROLE}`);
    const card = page.frameLocator('iframe').locator('h1');
    await expect(card.innerText({ timeout: 10_000 })).resolves.toMatch(/Registered Nurses/);
    await page.close();
  });

  it('refuses to show a role page inside another site’s page', async () => {
    const before = framing.cspViolations().length;
    const page = await frameOnPartner(ROLE);
    await page.waitForTimeout(500);
    const frame = page.frames().find((each) => each.url().includes('/roles/'));
    const heading = frame ? await frame.locator('h1').count().catch(() => 0) : 0;
    expect(heading).toBe(0);
    expect(framing.cspViolations().slice(before).join('\n')).toMatch(/frame-ancestors/);
    await page.close();
  });
});
