/** The one place text is escaped for HTML (pages, mail, server-made answers) and XML (feeds, sitemap, SVG badges). */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content and attribute values. */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape; the test is far cheaper than a replace with a callback.
  if (!/[&<>"']/.test(text)) return text;
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

// XML 1.0 forbids most control characters even when escaped; they are dropped.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML element content and attribute values, dropping characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

/**
 * Escapes text for a double-quoted HTML attribute the way Astro writes attributes (`&` and `"` only),
 * so pages rendered without Astro are byte for byte what Astro renders (ADR 0171).
 */
export function escapeAttribute(text: string): string {
  if (!/[&"]/.test(text)) return text;
  return text.replace(/[&"]/g, (character) => (character === '&' ? '&amp;' : '&quot;'));
}
