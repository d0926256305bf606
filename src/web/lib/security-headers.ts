import { createHash } from 'node:crypto';

/**
 * The content security policy of jobzone pages. Scripts only from the site itself, plus the inline
 * scripts Astro writes for islands, allowed one by one by their hash. Styles may be inline because
 * every page inlines its stylesheet (`inlineStylesheets: 'always'`) and charts use style attributes;
 * styles cannot run code. No page may be framed by another site, except the embeddable cards under
 * /embed/, which exist to be framed.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = [], options: { frameable?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((hash) => ` '${hash}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    options.frameable ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every answer carries: the default policy (pages replace it with one naming their inline scripts), no MIME sniffing, and no full URLs sent to other sites. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** Tells whether a path is an embeddable card (/embed/…), the only pages other sites may frame. */
export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith('/embed/');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** Lists the CSP hashes (sha256-…) of a page's inline scripts, in order and without repeats; scripts with a src are loaded from the site and need none. */
export function inlineScriptHashes(html: string): string[] {
  return scriptHashesOf(html, 'utf8');
}

/**
 * The same hashes, read from a page's UTF-8 bytes without decoding them: each byte is read as one
 * Latin-1 character, which keeps every ASCII character of the markup where it was and no byte of a
 * multi-byte character can look like one, and each script is hashed from its own bytes again.
 * Decoding a rendered page's UTF-8 only to find its scripts was a tenth of pre-rendering's time.
 */
export function inlineScriptHashesOfBytes(html: Buffer): string[] {
  return scriptHashesOf(html.toString('latin1'), 'latin1');
}

function scriptHashesOf(html: string, encoding: 'utf8' | 'latin1'): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.add(`sha256-${createHash('sha256').update(body, encoding).digest('base64')}`);
  }
  return [...hashes];
}
