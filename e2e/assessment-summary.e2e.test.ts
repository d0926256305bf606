/// <reference lib="dom" />
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isOnFirstScreen, PHONE } from './support/phone.ts';
import { seriousAccessibilityViolations, useBrowser } from './support/browser.ts';

const siteUrl = inject('siteUrl');
const INTERNALS = /T3–T4|\bTR\b|\bEM\b|\bRaw\b|Assessor override|formula/;

const PAGES = [
  { kind: 'a data-derived baseline', path: '/roles/roofers', headline: /Green\s*·\s*Stable/, estimate: true },
  { kind: 'the seeded expert assessment', path: '/roles/multimodal-ai-engineer/mid-level', headline: /Green\s*·\s*Accelerated/, estimate: false },
  { kind: 'a borderline baseline', path: '/roles/legislators', headline: /Borderline Green\/Yellow/, estimate: true },
];

describe('the summary layer of an assessment page on a 390×844 phone', () => {
  const phone = useBrowser({ viewport: PHONE });
  let page: Page;

  beforeAll(async () => {
    page = await phone().context.newPage();
  });

  for (const { kind, path, headline, estimate } of PAGES) {
    it(`shows score, range and a plain sentence on the first screen of ${kind}, and hides the calculation`, async () => {
      expect((await page.goto(`${siteUrl}${path}`))?.status()).toBe(200);
      for (const part of ['.summary__number', '.summary__range', '.summary__sentence', '.summary__zone-line']) expect(await isOnFirstScreen(page.locator(part).first()), part).toBe(true);

      const summary = await page.locator('[data-summary]').innerText();
      expect(summary).toMatch(/\d+\.\d\s*\/100/);
      expect(summary).toMatch(/range\s+\d+\.\d–\d+\.\d/);
      expect(summary).toMatch(headline);
      expect(summary).toMatch(/5–10 years/);
      expect(summary).not.toMatch(INTERNALS);
      expect(summary.match(/Automated estimate/g)?.length ?? 0).toBe(estimate ? 1 : 0);
      expect(await page.locator('main').innerText()).not.toMatch(/not reviewed.*not reviewed/s);

      const calculation = page.locator('details#calculation');
      await expect(calculation.getAttribute('open')).resolves.toBeNull();
      await expect(calculation.locator('text=Assessor override').first().isVisible()).resolves.toBe(false);
      await expect(calculation.locator('text=/^Raw:/').count()).resolves.toBe(1);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    });
  }

  it('explains a zone word with the keyboard, without JavaScript', async () => {
    await page.goto(`${siteUrl}/roles/legislators`);
    const term = page.locator('.summary__zone-line details.term').first();
    await term.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(term.locator('.term__tip').innerText()).resolves.toMatch(/zone boundary/);
  });
});
