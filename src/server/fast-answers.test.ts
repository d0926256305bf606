import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { codingFor, createDerivedVariants, matchesEtag, plainPathOf, prepareFastAnswer, variantFor } from './fast-answers.ts';

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

  it('prepares every header once, and inflates identity from gzip when only compressed copies are kept', async () => {
    const html = `<p>${'jobzone '.repeat(100)}</p>`;
    const answer = prepareFastAnswer(
      { br: Buffer.from('not really brotli'), gzip: gzipSync(html) },
      { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60' }, etagFor: (coding) => `"e-${coding}"` },
    );
    const gzip = await variantFor(answer, 'gzip');
    expect(gunzipSync(gzip?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    expect(gzip?.head).toEqual(expect.arrayContaining(['content-encoding', 'gzip', 'etag', '"e-gzip"', 'vary', 'Accept-Encoding', 'x-content-type-options', 'nosniff']));
    const identity = await variantFor(answer, 'identity', createDerivedVariants());
    expect(identity?.body.toString()).toBe(html);
    expect(identity?.head).not.toContain('content-encoding');
    expect(identity?.head).toEqual(expect.arrayContaining(['content-length', String(Buffer.byteLength(html))]));
    expect(gzip?.notModified).not.toContain('content-type');
  });

  it('makes gzip and identity from a Brotli-only answer with their own ETags, the same bytes after decoding, and Vary', async () => {
    const html = `<main>${Array.from({ length: 3_000 }, (_, index) => `<p>role ${index}</p>`).join('')}</main>`;
    const answer = prepareFastAnswer({ br: brotliCompressSync(html) }, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, etagFor: (coding) => `"e-${coding}"` });
    const derived = createDerivedVariants();
    const pending = variantFor(answer, 'gzip', derived);
    expect(pending).toBeInstanceOf(Promise);
    // Concurrent requests for the same copy share one derivation.
    expect(variantFor(answer, 'gzip', derived)).toBe(pending);
    const gzip = await pending;
    expect(gunzipSync(gzip?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    expect(gzip?.body.byteLength).toBeLessThan(Buffer.byteLength(html) / 5);
    expect(gzip?.head).toEqual(expect.arrayContaining(['content-encoding', 'gzip', 'etag', '"e-gzip"', 'vary', 'Accept-Encoding', 'content-length', String(gzip?.body.byteLength)]));
    // Made once, then answered without waiting.
    expect(variantFor(answer, 'gzip', derived)).toBe(gzip);
    const identity = await variantFor(answer, 'identity', derived);
    expect(identity?.body.toString()).toBe(html);
    expect(identity?.head).toEqual(expect.arrayContaining(['etag', '"e-identity"', 'vary', 'Accept-Encoding']));
    expect(identity?.head).not.toContain('content-encoding');
    expect(variantFor(answer, 'br', derived)).toBe(answer.variants.br);
    expect(derived.size()).toBe(2);
  });

  it('keeps the copies it made within its byte budget, least recently used out first', async () => {
    const derived = createDerivedVariants({ maxBytes: 100_000, maxEntryBytes: 60_000 });
    const pages = Array.from({ length: 10 }, (_, page) => {
      const html = `<main>${Array.from({ length: 2_000 }, (_, index) => `<p>${page}-${index}</p>`).join('')}</main>`;
      return { html, answer: prepareFastAnswer({ br: brotliCompressSync(html) }, { status: 200, headers: {}, etagFor: (coding) => `"${page}-${coding}"` }) };
    });
    for (const { html, answer } of pages) expect((await derived.derive(answer, 'identity')).body.toString()).toBe(html);
    expect(Buffer.byteLength(pages[0]?.html ?? '')).toBeGreaterThan(20_000);
    expect(derived.bytes()).toBeLessThanOrEqual(100_000);
    expect(derived.size()).toBeLessThan(pages.length);
    const last = pages[pages.length - 1];
    if (!last) throw new Error('no pages');
    expect(derived.derive(last.answer, 'identity')).not.toBeInstanceOf(Promise);
    expect(derived.derive(pages[0]?.answer ?? last.answer, 'identity')).toBeInstanceOf(Promise);
  });

  it('answers a client that does not accept the one coding a query page was stored in with identity', async () => {
    const html = `<p>${'jobzone '.repeat(100)}</p>`;
    const answer = prepareFastAnswer({ gzip: gzipSync(html) }, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, etagFor: (coding) => `"e-${coding}"` });
    const variant = await variantFor(answer, 'br', createDerivedVariants());
    expect(variant?.body.toString()).toBe(html);
    expect(variant?.etag).toBe('"e-identity"');
    expect(variant?.head).not.toContain('content-encoding');
  });
});
