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

    await page.getByLabel('Set exact percentages').check();
    await page.locator('#s6').fill('30');
    await expect.poll(() => scoreOn(page)).not.toBe('64.0');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('s6');
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
    expect(text).toContain(`${changedScore}`);
    expect(text).toContain('Multimodal AI Engineer (Mid-level)');
    expect(text).toContain('Likely range');
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

  it('fetches the role’s shared related tasks only once the reader edits, keeping the server’s add-a-task list until then', async () => {
    const page = await withScript.context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/report-related/')) asked.push(request.url());
    });
    const served = await (await page.request.get(`${siteUrl}/report?role=${ROLE}`)).text();
    const options = /<select id="pr-add-select"[^>]*>([\s\S]*?)<\/select>/.exec(served)?.[1] ?? '';
    const first = /<option value="([^"]+:\d+)">/.exec(options)?.[1] ?? '';
    expect(first).not.toBe('');
    // The page's props carry no related tasks (ADR 0174): the list's options are the only copy in the page.
    const label = /<option value="[^"]+:\d+">([^<]+)<\/option>/.exec(options)?.[1] ?? '';
    expect(served.split(label.replace(/ \(score \d\)$/, '')).length - 1).toBe(1);

    await page.goto(`${siteUrl}/report?role=${ROLE}&add=${first}`);
    await page.locator('.personal-report[data-hydrated="true"]').waitFor();
    const countOptions = () => page.locator('#pr-add-select option').count();
    const optionsBefore = await countOptions();
    expect(optionsBefore).toBeGreaterThan(2);
    expect(await page.locator('#sa1').inputValue()).toBe('10');
    expect(asked).toEqual([]);

    await page.locator('#design').fill('10');
    await expect.poll(() => page.locator('#design-text').textContent()).toContain('10 points of time moved toward designing new solutions');
    expect(asked).toHaveLength(1);
    expect(await countOptions()).toBe(optionsBefore);
    const second = await page.locator('#pr-add-select option[value*=":"]').first().getAttribute('value');
    await page.locator('#pr-add-select').selectOption(second!);
    await expect.poll(() => page.locator('#sa2').inputValue()).toBe('10');
    expect(await countOptions()).toBe(optionsBefore - 1);
    await page.getByRole('link', { name: /^Remove Added 1:/ }).click();
    await expect.poll(countOptions).toBe(optionsBefore);
    expect(asked).toHaveLength(1);
    await page.close();
  });

  it('still edits when the shared list cannot be fetched, and adds a task through the server then', async () => {
    const page = await withScript.context.newPage();
    await page.route('**/report-related/**', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
    await page.goto(`${siteUrl}/report?role=${ROLE}`);
    await page.locator('.personal-report[data-hydrated="true"]').waitFor();
    const optionsBefore = await page.locator('#pr-add-select option').count();
    await page.locator('#design').fill('10');
    await expect.poll(() => page.locator('#design-text').textContent()).toContain('10 points of time moved toward designing new solutions');
    expect(await page.locator('#pr-add-select option').count()).toBe(optionsBefore);
    const option = await page.locator('#pr-add-select option[value*=":"]').first().getAttribute('value');
    await Promise.all([page.waitForURL((url) => url.search.includes(`add=${option}`)), page.locator('#pr-add-select').selectOption(option!)]);
    await page.locator('.personal-report[data-hydrated="true"]').waitFor();
    expect(await page.locator('#sa1').inputValue()).toBe('10');
    expect(await page.locator('#design').inputValue()).toBe('10');
    await page.close();
  });

  it('without JavaScript the plain form computes the same score on the server', async () => {
    const page = await withoutScript.context.newPage();
    await page.goto(`${siteUrl}/report?role=${ROLE}`);
    await page.getByLabel('Set exact percentages').check();
    for (const [id, share] of Object.entries(sharesShown)) await page.locator(`#s${id}`).fill(share);
    await Promise.all([page.waitForURL(/t=/), page.getByRole('button', { name: 'Use these percentages' }).click()]);
    expect(await scoreOn(page)).toBe(changedScore);
    expect(new URL(page.url()).search).toBe(new URL(changedUrl).search);

    await page.goto(`${siteUrl}/report?role=${ROLE}`);
    await page.locator('#c6').selectOption('most');
    await Promise.all([page.waitForURL(/c=6:most/), page.getByRole('button', { name: 'Update my score' }).click()]);
    expect(Number(await scoreOn(page)), page.url()).toBeGreaterThan(64);
    expect(await page.locator('#c6').inputValue()).toBe('most');
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
    const phone = await openBrowser({ viewport: { width: 390, height: 844 } });
    try {
      const page = await phone.context.newPage();
      await page.goto(`${siteUrl}/report?q=multimodal`);
      await Promise.all([page.waitForURL(/role=multimodal-ai-engineer/), page.getByRole('link', { name: 'Multimodal AI Engineer' }).click()]);
      expect(await scoreOn(page)).toBe('64.0');
      await page.locator('.personal-report[data-hydrated="true"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await phone.close();
    }
  });
});

describe('the personal report for people, on a phone', () => {
  const NURSES = 'registered-nurses/all-levels';
  const inView = (page: Page) =>
    page.locator('.pr-scorebar').evaluate((bar) => {
      const box = bar.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    });

  it('recomputes on each coarse choice without leaving the field, keeps the score in view, and hides the smaller tasks behind “More tasks”', async () => {
    const page = await withScript.context.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${siteUrl}/report?role=${NURSES}`);
      await page.locator('.personal-report[data-hydrated="true"]').waitFor();
      const start = await scoreOn(page);
      expect(await page.locator('.pr-task-list').first().locator('.pr-task').count()).toBe(8);
      const more = page.locator('.pr-more summary');
      expect(await more.textContent()).toMatch(/^More tasks \(\d+\)$/);
      expect(await page.locator('.pr-design input[type=range]').evaluate((input: HTMLInputElement) => Number(input.min) === -Number(input.max) && input.value === '0')).toBe(true);
      expect(await page.locator('.pr-design__centre').textContent()).toBe('no change');

      const eighth = page.locator('.pr-task-list').first().locator('.pr-coarse').nth(7);
      await eighth.scrollIntoViewIfNeeded();
      await eighth.focus();
      await eighth.selectOption('most');
      await expect.poll(() => scoreOn(page)).not.toBe(start);
      expect(await eighth.evaluate((select) => select === document.activeElement)).toBe(true);
      expect(await inView(page)).toBe(true);
      await expect.poll(() => page.url()).toContain(':most');
      await page.screenshot({ path: await saveScreenshot(page, 'personal-report-phone-full').then((path) => path.replace('-full', '-editing')) });

      await more.click();
      const hidden = page.locator('.pr-more .pr-coarse').last();
      await hidden.scrollIntoViewIfNeeded();
      const before = await scoreOn(page);
      await hidden.selectOption('never');
      await expect.poll(() => scoreOn(page)).not.toBe(before);
      expect(await inView(page)).toBe(true);
      const advice = await page.locator('.pr-advice').textContent();
      expect(advice).toContain('Spend more of your week on work AI is unlikely to take over');
      expect(advice).not.toMatch(/\d+\.\d+%|\d+\.\d+ points|Move \d/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('looks right at 390 and 1280 wide, light and dark', async () => {
    const page = await withScript.context.newPage();
    await page.goto(`${siteUrl}/report?role=${NURSES}&c=1:most,2:never`);
    await page.locator('.personal-report[data-hydrated="true"]').waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await saveScreenshot(page, `personal-report-${width}-${colorScheme}`);
      }
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
