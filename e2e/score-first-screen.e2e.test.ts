/// <reference lib="dom" />
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isOnFirstScreen, PHONE } from './support/phone.ts';
import { seriousAccessibilityViolations, useBrowser } from './support/browser.ts';

const siteUrl = inject('siteUrl');
const INTERNALS = /T3–T4|\bTR\b|\bEM\b|\bRaw\b/;
const SCORE = /^\d{1,3}\.\d(\s*\/\s*100)?$/;
const RANGE = /\d{1,3}\.\d–\d{1,3}\.\d/;

/** Where each kind of page shows its first score, its range and its plain sentence. */
const PAGES = [
  { kind: 'an expert assessment', path: '/roles/multimodal-ai-engineer/mid-level', score: '.summary__number', range: '.summary__range', sentence: '.summary__sentence', summary: '[data-summary]' },
  { kind: 'a baseline assessment', path: '/roles/roofers', score: '.summary__number', range: '.summary__range', sentence: '.summary__sentence', summary: '[data-summary]' },
  { kind: 'the home page', path: '/', score: '[data-example] .example__score', range: '[data-example] .example__range', sentence: '[data-example] .example__plain', summary: '[data-example]' },
  { kind: 'a category page', path: '/browse/healthcare-practitioners-and-technical', score: '.role-table__value', range: '.role-table__range', sentence: '.role-table__plain', summary: '.role-table tbody tr' },
  { kind: 'the rankings', path: '/rankings', score: '.role-table__value', range: '.role-table__range', sentence: '.role-table__plain', summary: '.role-table tbody tr' },
  { kind: 'search results', path: '/search?q=nurse', score: '.hit__score', range: '.hit__range', sentence: '.hit__plain', summary: '.hit' },
  { kind: 'the comparison', path: '/compare?roles=registered-nurses,critical-care-nurses,roofers', score: '.cscale__value', range: '.cscale__range', sentence: '.cscale__plain', summary: '.cscale' },
  { kind: 'the embed card', path: '/embed/roles/roofers/all-levels', score: '.score', range: '.range', sentence: '.plain', summary: 'main' },
  { kind: 'the history of an assessment', path: '/roles/roofers/all-levels/history', score: '.history-now__score', range: '.history-now__range', sentence: '.history-now__plain', summary: '[data-current]' },
  { kind: 'the personal report', path: '/report?role=registered-nurses', score: '[data-personal-score]', range: '.pr-scorebar__range', sentence: '.pr-scorebar__plain', summary: '.pr-scorebar' },
];

describe('every page that shows a score, on a 390×844 phone', () => {
  const phone = useBrowser({ viewport: PHONE });
  let page: Page;

  beforeAll(async () => {
    page = await phone().context.newPage();
  });

  for (const { kind, path, score, range, sentence, summary } of PAGES) {
    it(`shows the first score with its range and a plain sentence without scrolling on ${kind}, with no serious accessibility problem`, async () => {
      expect((await page.goto(`${siteUrl}${path}`))?.status()).toBe(200);
      const scoreShown = page.locator(score).first();
      await scoreShown.waitFor();
      expect((await scoreShown.innerText()).trim()).toMatch(SCORE);
      await expect(page.locator(range).first().innerText()).resolves.toMatch(RANGE);
      await expect(page.locator(sentence).first().innerText()).resolves.toMatch(/\w+ \w+ \w+/);
      for (const part of [score, range, sentence]) expect(await isOnFirstScreen(page.locator(part).first()), `${part} on ${path}`).toBe(true);
      expect(await page.locator(summary).first().innerText()).not.toMatch(INTERNALS);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    });
  }

  it('gives every row of a list its own range and plain sentence, on search results, rankings and the home page lists', async () => {
    for (const [path, row, parts] of [
      ['/search?q=nurse', '.hit:has(.hit__score)', ['.hit__range', '.hit__plain']],
      ['/rankings', '.role-table tbody tr', ['.role-table__range', '.role-table__plain']],
      ['/', '.role-list li', ['.role-list__range', '.role-list__plain']],
    ] as const) {
      await page.goto(`${siteUrl}${path}`);
      const rows = page.locator(row);
      const count = await rows.count();
      expect(count, path).toBeGreaterThan(3);
      for (const part of parts) await expect(page.locator(`${row} ${part}`).count(), `${part} on ${path}`).resolves.toBe(count);
    }
  });

  it('says on the comparison when a wage or education figure is the one BLS publishes for a whole group of occupations', async () => {
    await page.goto(`${siteUrl}/compare?roles=registered-nurses,critical-care-nurses`);
    const card = page.locator('.ccard').nth(1);
    await expect(card.innerText()).resolves.toMatch(/BLS figure for all Registered Nurses \(SOC 29-1141\), not Critical Care Nurses alone[\s\S]*same group/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('says the same on the assessment page, in its key figures and its table of figures', async () => {
    await page.goto(`${siteUrl}/roles/critical-care-nurses`);
    await expect(page.locator('.facts-card').innerText()).resolves.toMatch(/BLS figure for all Registered Nurses/);
    await expect(page.locator('table.facts').innerText()).resolves.toMatch(/Typical education[\s\S]*BLS figure for all Registered Nurses/);
  });

  it('keeps the long tables of a baseline behind disclosures, so the page stays a few screens long', async () => {
    await page.goto(`${siteUrl}/roles/roofers`);
    await expect(page.locator('section[aria-labelledby=tasks] table.tasks').first().locator('tbody tr').count()).resolves.toBe(8);
    const more = page.locator('section[aria-labelledby=tasks] details.more-rows');
    await expect(more.getAttribute('open')).resolves.toBeNull();
    await more.locator(':scope > summary').click();
    await expect(more.locator(':scope > .table-wrap tbody tr').count()).resolves.toBeGreaterThan(0);
    const height = await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = false;
      return document.documentElement.scrollHeight;
    });
    expect(height).toBeLessThan(11_000);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
