import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, saveScreenshot, seriousAccessibilityViolations, type BrowserSession } from './support/browser.ts';

const siteUrl = inject('siteUrl');
const ROLE = 'multimodal-ai-engineer/mid-level';
let withScript: BrowserSession;
let withoutScript: BrowserSession;

beforeAll(async () => {
  [withScript, withoutScript] = await Promise.all([openBrowser(), openBrowser({ javaScriptEnabled: false })]);
});
afterAll(async () => {
  const violations = withScript?.cspViolations() ?? [];
  await Promise.all([withScript?.close(), withoutScript?.close()]);
  expect(violations).toEqual([]);
});

const scoreOn = (page: Page) => page.locator('[data-personal-score]').getAttribute('data-personal-score');

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text;
}

describe('the personal report in a real browser', () => {
  let changedScore: string | null = null;
  let changedUrl = '';
  let sharesShown: Record<string, string> = {};

  it('changing the time split changes the score live, and the PDF download carries the same score', async () => {
    const page = await withScript.context.newPage();
    const response = await page.goto(`${siteUrl}/report?role=${ROLE}`);
    expect(response?.status()).toBe(200);
    await page.locator('.personal-report[data-hydrated="true"]').waitFor();
    expect(await scoreOn(page)).toBe('64.0');

    await page.locator('#s6').fill('30');
    await page.locator('#s6').press('Tab');
    await expect.poll(() => scoreOn(page)).not.toBe('64.0');
    changedScore = await scoreOn(page);
    expect(Number(changedScore)).toBeGreaterThan(64);
    expect(await page.locator('.pr-total-off').count()).toBe(0);
    await expect.poll(() => page.url()).toContain('t=');
    changedUrl = page.url();
    sharesShown = Object.fromEntries(await Promise.all(['1', '2', '3', '4', '5', '6'].map(async (id) => [id, await page.locator(`#s${id}`).inputValue()] as const)));
    expect(Object.values(sharesShown).reduce((sum, value) => sum + Number(value), 0)).toBeCloseTo(100, 6);
    await expect(page.locator('#pr-moved-title + *').textContent()).resolves.toContain('Your time split');

    const link = page.getByRole('link', { name: 'Download PDF' });
    expect(await link.getAttribute('href')).toBe(`/report.pdf?${new URL(changedUrl).search.slice(1)}`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const text = await pdfText(new Uint8Array(await readFile(path)));
    expect(text).toContain(`Personal score ${changedScore}`);
    expect(text).toContain('Multimodal AI Engineer (Mid-level)');
    expect(text).toContain('What moved your score');
    expect(text).toContain('not a forecast');
    await saveScreenshot(page, 'personal-report-desktop');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('adding, removing and shifting update the report in place, and the print version leaves the form out', async () => {
    const page = await withScript.context.newPage();
    await page.goto(`${siteUrl}/report?role=${ROLE}`);
    await page.locator('.personal-report[data-hydrated="true"]').waitFor();
    const marker = await page.evaluate(() => ((window as unknown as { untouched: boolean }).untouched = true));
    expect(marker).toBe(true);

    const option = await page.locator('#pr-add-select option[value*=":"]').first().getAttribute('value');
    await page.locator('#pr-add-select').selectOption(option!);
    await expect.poll(() => page.locator('#sa1').inputValue()).toBe('10');
    await expect.poll(() => page.url()).toContain(`add=${option}`);

    await page.getByRole('link', { name: /^Remove Task 6:/ }).click();
    await expect.poll(() => page.locator('#s6').count()).toBe(0);
    await expect(page.locator('#pr-moved-title + *').textContent()).resolves.toContain('Removed a task');

    await page.locator('#design').fill('10');
    await expect.poll(() => page.locator('#design-text').textContent()).toContain('10 points of time moved toward designing new solutions');
    expect(await page.evaluate(() => (window as unknown as { untouched?: boolean }).untouched)).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#pr-form').isVisible()).toBe(false);
    expect(await page.locator('[data-personal-score]').isVisible()).toBe(true);
    await saveScreenshot(page, 'personal-report-print');
    await page.close();
  });

  it('without JavaScript the plain form computes the same score on the server', async () => {
    const page = await withoutScript.context.newPage();
    await page.goto(`${siteUrl}/report?role=${ROLE}`);
    for (const [id, share] of Object.entries(sharesShown)) await page.locator(`#s${id}`).fill(share);
    await Promise.all([page.waitForURL(/t=/), page.getByRole('button', { name: 'Update my score' }).click()]);
    expect(await scoreOn(page)).toBe(changedScore);
    expect(new URL(page.url()).search).toBe(new URL(changedUrl).search);
    await page.close();
  });

  it('bad input in the URL gives a clear message on the form, never an error page', async () => {
    const page = await withoutScript.context.newPage();
    const cases = [
      ['t=1:15', 'Your time adds up to 95%; it must add up to exactly 100% (5 points missing).'],
      ['t=9:10', 'There is no task 9: the role has tasks 1 to 6.'],
      ['t=1:150', 'must be between 0 and 100%'],
      ['design=99', 'You can move at most 45 points toward designing new solutions'],
      ['ctx=remote', '"remote" is not a workplace context'],
    ] as const;
    for (const [query, message] of cases) {
      const response = await page.goto(`${siteUrl}/report?role=${ROLE}&${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(page.locator('.pr-problems').textContent(), query).resolves.toContain(message);
      expect(await page.locator('form#pr-form').count()).toBe(1);
    }
    await saveScreenshot(page, 'personal-report-bad-input');
    const missing = await page.goto(`${siteUrl}/report?role=no-such-role/mid-level`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('input[name="q"]#report-q').count()).toBe(1);
    const pdf = await page.request.get(`${siteUrl}/report.pdf?role=${ROLE}&t=1:15`, { maxRedirects: 0 });
    expect(pdf.status()).toBe(303);
    expect(pdf.headers().location).toBe(`/report?role=${ROLE}&t=1:15`);
    await page.close();
  });

  it('is reached from a role search, reads well on a phone and has no serious accessibility problems', async () => {
    const phone = await openBrowser({ viewport: { width: 360, height: 800 } });
    try {
      const page = await phone.context.newPage();
      await page.goto(`${siteUrl}/report?q=multimodal`);
      await Promise.all([page.waitForURL(/role=multimodal-ai-engineer/), page.getByRole('link', { name: 'Multimodal AI Engineer' }).click()]);
      expect(await scoreOn(page)).toBe('64.0');
      await page.locator('.personal-report[data-hydrated="true"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await saveScreenshot(page, 'personal-report-phone');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
