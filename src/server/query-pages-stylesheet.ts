import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { answerImmutableFile, type ImmutableFile } from './immutable-file.ts';

/** Where the query pages' stylesheets are served, each under the hash of its content. */
export const QUERY_STYLESHEET_PREFIX = '/query-styles/';
const FILE_NAME = /^\/query-styles\/([0-9a-f]{16})\.css$/;
// Media queries hold `<` (`width<=40rem`); one element means no other `</style` inside.
const ONE_STYLE_ELEMENT = /^<style>((?:(?!<\/style)[\s\S])*)<\/style>$/;

/** A route's stylesheet as a file of its own, in every coding, compressed once at the best levels. */
export interface LinkedStylesheet extends ImmutableFile {
  href: string;
  /** The element that replaces the inlined `<style>` in the page's head. */
  link: string;
}

/**
 * The stylesheet a route's head inlines, as a linked file (ADR 0172), or null when the head holds
 * anything but one `<style>` element (then the page keeps it inline).
 */
export function linkedStylesheetOf(headTail: string): LinkedStylesheet | null {
  const css = ONE_STYLE_ELEMENT.exec(headTail)?.[1];
  if (css === undefined) return null;
  const identity = Buffer.from(css, 'utf8');
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 16);
  const href = `${QUERY_STYLESHEET_PREFIX}${hash}.css`;
  return {
    href,
    link: `<link rel="stylesheet" href="${href}">`,
    etag: `"${hash}"`,
    bodies: {
      identity,
      br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
      gzip: gzipSync(identity, { level: 9 }),
    },
  };
}

/** The fingerprinted stylesheets of the query pages' routes, by their address. */
export interface QueryStylesheets {
  add: (stylesheet: LinkedStylesheet) => void;
  /** The stylesheet a path names, when known; `undefined` for a path outside the prefix or an unknown one. */
  find: (pathname: string) => LinkedStylesheet | undefined;
  /** Whether a path is in the stylesheets' address space at all. */
  names: (pathname: string) => boolean;
}

export function createQueryStylesheets(): QueryStylesheets {
  const byHref = new Map<string, LinkedStylesheet>();
  return {
    add: (stylesheet) => void byHref.set(stylesheet.href, stylesheet),
    find: (pathname) => byHref.get(pathname),
    names: (pathname) => FILE_NAME.test(pathname),
  };
}

/** Answers a request for a stylesheet: its coding, 304 for the current ETag, headers for HEAD. */
export function answerStylesheet(stylesheet: LinkedStylesheet, request: IncomingMessage, response: ServerResponse): void {
  answerImmutableFile(stylesheet, 'text/css; charset=utf-8', request, response);
}
