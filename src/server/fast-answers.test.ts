import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { codingFor, matchesEtag, plainPathOf, prepareFastAnswer, variantFor } from './fast-answers.ts';

describe('the fast path of stored answers', () => {
  it('takes a URL as its cache key only when the URL parser would return it unchanged', () => {
    expect(plainPathOf('/roles/roofers/all-levels')).toBe('/roles/roofers/all-levels');
    expect(plainPathOf('/sitemap.xml')).toBe('/sitemap.xml');
    expect(plainPathOf('/')).toBe('/');
    for (const tricky of ['/roles/../health', '/./roles', '//evil.example/x', '/%2e%2e/x', '/roles/a?x=1', '/roles//a', '/roles/a#frag', '/rôles', `/roles/${'a'.repeat(400)}`, 'roles/a', '\\\\x']) {
      expect(plainPathOf(tricky), tricky).toBeNull();
    }
  });

  it('matches If-None-Match by weak comparison, lists and "*", and nothing else', () => {
    expect(matchesEtag('"v1-ab"', '"v1-ab"')).toBe(true);
    expect(matchesEtag('W/"v1-ab"', '"v1-ab"')).toBe(true);
    expect(matchesEtag('"x", "v1-ab"', '"v1-ab"')).toBe(true);
    expect(matchesEtag('*', '"v1-ab"')).toBe(true);
    expect(matchesEtag('"v1-ab-br"', '"v1-ab"')).toBe(false);
    expect(matchesEtag(undefined, '"v1-ab"')).toBe(false);
    expect(matchesEtag('', '"v1-ab"')).toBe(false);
  });

  it('negotiates the coding per header value and remembers no more than a bounded number', () => {
    expect(codingFor('br, gzip')).toBe('br');
    expect(codingFor('gzip')).toBe('gzip');
    expect(codingFor(undefined)).toBe('identity');
    for (let index = 0; index < 1_000; index += 1) expect(codingFor(`gzip, x-${index}`)).toBe('gzip');
    expect(codingFor('br;q=0, gzip;q=0')).toBe('identity');
  });

  it('prepares every header once, and inflates identity from gzip when only compressed copies are kept', () => {
    const html = `<p>${'jobzone '.repeat(100)}</p>`;
    const answer = prepareFastAnswer(
      { br: Buffer.from('not really brotli'), gzip: gzipSync(html) },
      { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60' }, etagFor: (coding) => `"e-${coding}"` },
    );
    const gzip = variantFor(answer, 'gzip');
    expect(gunzipSync(gzip?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    expect(gzip?.head).toEqual(expect.arrayContaining(['content-encoding', 'gzip', 'etag', '"e-gzip"', 'vary', 'Accept-Encoding', 'x-content-type-options', 'nosniff']));
    const identity = variantFor(answer, 'identity');
    expect(identity?.body.toString()).toBe(html);
    expect(identity?.head).not.toContain('content-encoding');
    expect(identity?.head).toEqual(expect.arrayContaining(['content-length', String(Buffer.byteLength(html))]));
    expect(gzip?.notModified).not.toContain('content-type');
  });

  it('inflates identity from Brotli when a page was stored in Brotli only', () => {
    const html = `<p>${'jobzone '.repeat(100)}</p>`;
    const answer = prepareFastAnswer({ br: brotliCompressSync(html) }, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, etagFor: (coding) => `"e-${coding}"` });
    expect(variantFor(answer, 'br')?.etag).toBe('"e-br"');
    for (const coding of ['gzip', 'identity'] as const) {
      const variant = variantFor(answer, coding);
      expect(variant?.body.toString()).toBe(html);
      expect(variant?.etag).toBe('"e-identity"');
      expect(variant?.head).not.toContain('content-encoding');
    }
  });
});
