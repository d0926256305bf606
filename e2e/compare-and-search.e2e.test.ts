import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE } from './support/phone.ts';
import { openBrowser, saveScreenshot, seriousAccessibilityViolations, type BrowserSession } from './support/browser.ts';

const siteUrl = inject('siteUrl');
/** A phone with its on-screen keyboard open leaves about this much of the screen to the page. */
const PHONE_WITH_KEYBOARD = { width: 390, height: 500 };

let phone: BrowserSession;
let page: Page;
beforeAll(async () => {
  phone = await openBrowser({ viewport: PHONE });
  page = await phone.context.newPage();
});
afterAll(async () => {
  await phone?.close();
});

describe('comparing roles on a phone', () => {
  it('stacks one card per role with score, range, pay, outlook and education, and keeps formula figures behind a disclosure', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${siteUrl}/compare?roles=registered-nurses,critical-care-nurses,roofers`);
    const cards = page.locator('.ccard');
    await expect(cards.count()).resolves.toBe(3);
    const boxes = await Promise.all([0, 1, 2].map((index) => cards.nth(index).boundingBox()));
    expect(boxes.every((box) => box !== null && box.x === boxes[0]?.x && box.width > 300)).toBe(true);
    expect((boxes[0]?.y ?? 0) < (boxes[1]?.y ?? 0) && (boxes[1]?.y ?? 0) < (boxes[2]?.y ?? 0)).toBe(true);
    for (let index = 0; index < 3; index += 1) {
      const text = await cards.nth(index).innerText();
      expect(text).toMatch(/\d+\.\d[\s\S]*range \d+\.\d–\d+\.\d/);
      expect(text).toMatch(/\$[\d,]+ a year/);
      expect(text).toMatch(/[+−]?\d+(\.\d)?% jobs by 2034|No projection/);
      expect(text).toMatch(/TYPICAL EDUCATION\s+\S+/i);
    }
    await expect(cards.nth(2).innerText()).resolves.toMatch(/No tasks in common with the other roles/);
    await expect(page.locator('details.figures').getAttribute('open')).resolves.toBeNull();
    const outside = await page.evaluate(() => {
      const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
      main?.querySelector('details.figures')?.remove();
      return main?.innerText ?? '';
    });
    expect(outside).not.toMatch(/\b(TR|Raw|EM|BM|GM)\b/);
    await page.locator('details.figures summary').click();
    await expect(page.locator('details.figures').innerText()).resolves.toMatch(/Raw[\s\S]*TR/);
    await saveScreenshot(page, 'compare-phone');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

describe('search suggestions on a phone', () => {
  it('groups the jobs called “nurse” under one heading, each with its description, visible above the keyboard', async () => {
    await page.setViewportSize(PHONE_WITH_KEYBOARD);
    await page.goto(`${siteUrl}/`);
    const box = page.locator('main').getByRole('combobox').first();
    await box.focus();
    await box.pressSequentially('nurse', { delay: 20 });
    const heading = page.locator('.typeahead__group-heading').first();
    await heading.waitFor();
    await expect(page.locator('.typeahead__group-heading').count()).resolves.toBe(1);
    await expect(heading.innerText()).resolves.toMatch(/“Nurse” can mean \d different jobs/);
    const inputBox = await box.boundingBox();
    expect(inputBox?.y ?? 999).toBeLessThan(60);
    const grouped = page.locator('.typeahead__group [role=option]');
    expect(await grouped.count()).toBeGreaterThanOrEqual(3);
    const titles = await grouped.locator('.typeahead__own').allInnerTexts();
    expect(new Set(titles).size).toBe(titles.length);
    const first = await grouped.first().boundingBox();
    expect((first?.y ?? 999) + (first?.height ?? 0)).toBeLessThanOrEqual(PHONE_WITH_KEYBOARD.height);
    await expect(grouped.first().locator('.typeahead__description').isVisible()).resolves.toBe(true);
    await expect(grouped.first().locator('.typeahead__description').innerText()).resolves.toMatch(/\w{4,}/);
    await saveScreenshot(page, 'typeahead-phone-keyboard');
    const violations = await seriousAccessibilityViolations(page);
    expect(violations).toEqual([]);
  });

  it('shows the same grouping with descriptions on the results page, which needs no script', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${siteUrl}/search?q=nurse`);
    const group = page.locator('.hit-group').first();
    await expect(group.locator('h2').innerText()).resolves.toMatch(/“Nurse” can mean \d different jobs/);
    await expect(group.locator('.hit__description').count()).resolves.toBeGreaterThanOrEqual(3);
    const rowsStartingNurse = (await page.locator('main .hit__link').allInnerTexts()).filter((text) => /^Nurse\s*→/.test(text.trim()));
    expect(rowsStartingNurse).toEqual([]);
  });
});

describe('no dead ends', () => {
  it('an empty Movers period says what moved last, and its introduction reads as sentences', async () => {
    await page.goto(`${siteUrl}/movers?days=7`);
    const lede = await page.locator('.lede').innerText();
    expect(lede).not.toMatch(/days\.\d/);
    await expect(page.getByTestId('last-move').innerText()).resolves.toMatch(/last move was on|No score has moved since/);
  });

  it('the confirmation page uses the site layout, names the role and links back to it', async () => {
    const outbox = join(inject('siteDataDir'), 'outbox');
    const before = await readdir(outbox).catch(() => [] as string[]);
    await page.goto(`${siteUrl}/roles/roofers/all-levels`);
    await page.locator('form.subscribe input[name=email]').fill('compare-e2e@example.org');
    await Promise.all([page.waitForURL(/subscribe=sent/), page.locator('form.subscribe button[type=submit]').click()]);
    let mail = '';
    for (let attempt = 0; attempt < 50 && mail === ''; attempt += 1) {
      const written = (await readdir(outbox).catch(() => [] as string[])).filter((name) => !before.includes(name) && name.endsWith('.eml'));
      for (const name of written) {
        const text = await readFile(join(outbox, name), 'utf8');
        if (/compare-e2e@example\.org/.test(text)) mail = text;
      }
      if (mail === '') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const token = /subscriptions\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mail.replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[1];
    expect(token).toBeTruthy();
    await page.goto(`${siteUrl}/subscriptions/confirm?token=${token}`);
    await expect(page.locator('header nav a[href="/compare"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Roofers/);
    await saveScreenshot(page, 'subscription-confirm-phone');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/\/subscriptions\/confirm/), page.getByRole('button', { name: 'Confirm my subscription' }).click()]);
    await expect(page.locator('h1').innerText()).resolves.toBe('Subscription confirmed');
    await expect(page.locator('main a[href="/roles/roofers/all-levels"]').count()).resolves.toBe(1);
  });
});
