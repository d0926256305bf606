import { escapeAttribute, escapeHtml } from '../escape.ts';
import type { RouteShell } from './route-shell.ts';

/** A rendered query page; a page showing input problems is not `storable` (the Astro page sends `no-store`). */
export interface RenderedPage {
  /**
   * The page, or its parts in order. A big page stays in parts so it never becomes one string: V8 puts
   * a string over 128 KB (64 K characters once one is beyond Latin-1) in its large-object space, and
   * that allocation alone cost more than the page's compression (ADR 0179).
   */
  html: PageText;
  storable: boolean;
  /** Whether the page holds an island, and so Astro's island scripts. */
  hasIslands: boolean;
}

/** A page's text: one string, or parts whose concatenation is the page. */
export type PageText = string | readonly string[];

/** What BaseLayout.astro writes in `<head>` from its props. */
export interface PageHead {
  title: string;
  description: string;
  /** The canonical URL, already absolute. */
  canonical: string;
  noindex: boolean;
}

/** A whole query page: BaseLayout's head from `head`, the route's stylesheet, header and footer from the shell, and `main`. */
export function renderDocument(shell: RouteShell, head: PageHead, main: string): string {
  return renderDocumentParts(shell, head, [main]).join('');
}

/** The parts of renderDocument's page, with `main` given in parts that stay apart. */
export function renderDocumentParts(shell: RouteShell, head: PageHead, main: readonly string[]): string[] {
  const fullTitle = head.title === 'jobzone' ? 'jobzone — will AI replace my job?' : `${head.title} · jobzone`;
  const description = escapeAttribute(head.description);
  const canonical = escapeAttribute(head.canonical);
  const start =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(fullTitle)}</title><meta name="description" content="${description}"><link rel="canonical" href="${canonical}">` +
    (head.noindex ? '<meta name="robots" content="noindex">' : '') +
    '<meta name="color-scheme" content="light dark"><meta property="og:site_name" content="jobzone"><meta property="og:type" content="website">' +
    `<meta property="og:title" content="${escapeAttribute(head.title)}"><meta property="og:description" content="${description}"><meta property="og:url" content="${canonical}">` +
    '<meta name="twitter:card" content="summary"><link rel="icon" href="/favicon.svg" type="image/svg+xml">' +
    `${shell.headTail}</head>${shell.bodyStart}`;
  return [start, ...main, shell.bodyEnd];
}
