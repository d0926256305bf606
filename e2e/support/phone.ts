/// <reference lib="dom" />
import type { Locator } from 'playwright-core';

/** A common phone screen in CSS pixels (an iPhone 12–15 class device). */
export const PHONE = { width: 390, height: 844 };

/** Tells whether an element lies wholly inside the first screen, before any scrolling. */
export function isOnFirstScreen(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && window.scrollY === 0;
  });
}
