import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createByteBoundedLru } from './byte-bounded-lru.ts';
import { chooseContentCoding, encodeBodies, encodeBodyToStore } from './content-coding.ts';
import { answerFromCache, createRenderCache, etagOf, type CachedPage } from './render-cache.ts';

const page = (body: string): CachedPage => ({ status: 200, etag: etagOf(1, body), headers: { 'content-type': 'text/html; charset=utf-8' }, bodies: { identity: Buffer.from(body) } });
const bounds = { maxBytes: 10_000, maxEntryBytes: 4_000 };

describe('the render cache', () => {
  it('returns a page stored for the same read-model version and key', () => {
    const cache = createRenderCache(bounds);
    cache.set(1, '/roles/a', page('A'));
    expect(cache.get(1, '/roles/a')?.bodies.identity?.toString()).toBe('A');
    expect(cache.get(1, '/roles/b')).toBeUndefined();
  });

  it('forgets every page once something new is published (a newer version)', () => {
    const cache = createRenderCache(bounds);
    cache.set(1, '/roles/a', page('A'));
    cache.set(2, '/roles/b', page('B'));
    expect(cache.get(1, '/roles/a')).toBeUndefined();
    expect(cache.get(2, '/roles/a')).toBeUndefined();
    expect(cache.size()).toBe(1);
  });

  it('is bounded in bytes, counting every encoding kept, and evicts the least recently used pages', () => {
    const cache = createRenderCache(bounds);
    const big = (letter: string): CachedPage => ({ ...page(letter.repeat(1_000)), bodies: { identity: Buffer.alloc(1_400), br: Buffer.alloc(1_400), gzip: Buffer.alloc(1_600) } });
    for (const letter of ['a', 'b', 'c']) cache.set(1, `/${letter}`, big(letter));
    cache.get(1, '/a');
    cache.set(1, '/d', big('d'));
    expect(cache.bytes()).toBeLessThanOrEqual(bounds.maxBytes);
    expect(cache.get(1, '/b')).toBeUndefined();
    expect(cache.get(1, '/a')).toBeDefined();
    expect(cache.size()).toBe(3);
    // With Brotli and gzip at hand the identity copy is not kept; it is inflated for the rare client that needs it.
    expect(cache.get(1, '/a')?.bodies.identity).toBeUndefined();
  });

  it('prepares a publication beside the served pages, carries unchanged pages over and serves it at once when asked', () => {
    const cache = createRenderCache(bounds);
    cache.set(1, '/roles/a', page('A1'));
    cache.set(1, '/roles/b', page('B1'));
    cache.set(1, '/search?q=x', page('S1'));
    cache.prepare(2, (key) => key === '/roles/b');
    cache.set(2, '/roles/a', page('A2'));
    expect(cache.get(1, '/roles/a')?.bodies.identity?.toString()).toBe('A1');
    expect(cache.keys(2).sort()).toEqual(['/roles/a', '/roles/b']);
    cache.serve(2);
    expect(cache.get(2, '/roles/a')?.bodies.identity?.toString()).toBe('A2');
    expect(cache.get(2, '/roles/b')?.bodies.identity?.toString()).toBe('B1');
    expect(cache.get(2, '/search?q=x')).toBeUndefined();
    expect(cache.get(1, '/roles/a')).toBeUndefined();
    cache.set(1, '/roles/a', page('late'));
    expect(cache.size()).toBe(2);
  });

  it('does not store a page bigger than one entry may be', () => {
    const cache = createRenderCache(bounds);
    cache.set(1, '/huge', { ...page('x'), bodies: { identity: Buffer.alloc(5_000) } });
    expect(cache.size()).toBe(0);
    const lru = createByteBoundedLru<string>(bounds, (value) => value.length);
    expect(lru.set('k', 'x'.repeat(4_000))).toBe(false);
  });

  it('gives different ETags to different bodies and versions', () => {
    expect(etagOf(1, 'a')).not.toBe(etagOf(1, 'b'));
    expect(etagOf(1, 'a')).not.toBe(etagOf(2, 'a'));
    expect(etagOf(1, 'a')).toBe(etagOf(1, 'a'));
  });

  it('answers in the encoding the client accepts, each with its own ETag, and 304 for a current copy', async () => {
    const cache = createRenderCache(bounds);
    const html = `<p>${'jobzone '.repeat(200)}</p>`;
    cache.set(3, '/roles/a', { ...page(html), etag: etagOf(3, html), bodies: await encodeBodies(Buffer.from(html)) });
    const br = answerFromCache(cache, 3, '/roles/a', { acceptEncoding: 'gzip, deflate, br' });
    expect(br?.headers).toMatchObject({ 'content-encoding': 'br', vary: 'Accept-Encoding', 'x-render-cache': 'hit' });
    expect(brotliDecompressSync(br?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    const gz = answerFromCache(cache, 3, '/roles/a', { acceptEncoding: 'gzip' });
    expect(gunzipSync(gz?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    const plain = answerFromCache(cache, 3, '/roles/a', {});
    expect(plain?.body?.toString()).toBe(html);
    expect(plain?.headers['content-encoding']).toBeUndefined();
    expect(new Set([br?.headers.etag, gz?.headers.etag, plain?.headers.etag]).size).toBe(3);
    expect(answerFromCache(cache, 3, '/roles/a', { acceptEncoding: 'br', ifNoneMatch: br?.headers.etag })).toMatchObject({ status: 304, body: null });
    expect(answerFromCache(cache, 3, '/roles/a', { acceptEncoding: 'identity', ifNoneMatch: br?.headers.etag })?.status).toBe(200);
    expect(answerFromCache(cache, 3, '/roles/b', {})).toBeNull();
    expect(answerFromCache(cache, 4, '/roles/a', {})).toBeNull();
  });
});

describe('a page rendered for a reader’s query', () => {
  it('is stored once in the coding that reader asked for, and still answers every other client', async () => {
    const html = `<p>${'jobzone search '.repeat(200)}</p>`;
    const stored = await encodeBodyToStore(Buffer.from(html), 'br');
    expect(Object.keys(stored)).toEqual(['br']);
    expect((await encodeBodyToStore(Buffer.from(html), 'gzip')).gzip?.byteLength).toBeLessThan(html.length / 4);
    expect(await encodeBodyToStore(Buffer.from(html), 'identity')).toEqual({ identity: Buffer.from(html) });
    const cache = createRenderCache(bounds);
    cache.set(3, '/search?q=a', { ...page(html), etag: etagOf(3, html), bodies: stored });
    const br = answerFromCache(cache, 3, '/search?q=a', { acceptEncoding: 'br, gzip' });
    expect(br?.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    for (const acceptEncoding of ['gzip', 'identity']) {
      const other = answerFromCache(cache, 3, '/search?q=a', { acceptEncoding });
      expect(other?.body?.toString()).toBe(html);
      expect(other?.headers['content-encoding']).toBeUndefined();
    }
  });
});

describe('choosing a content coding', () => {
  it('prefers Brotli, then gzip, honouring q-values, "*" and identity', () => {
    expect(chooseContentCoding(undefined)).toBe('identity');
    expect(chooseContentCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseContentCoding('br;q=0.5, gzip')).toBe('gzip');
    expect(chooseContentCoding('br;q=0, gzip;q=0')).toBe('identity');
    expect(chooseContentCoding('identity')).toBe('identity');
    expect(chooseContentCoding('*')).toBe('br');
    expect(chooseContentCoding('*;q=0, gzip')).toBe('gzip');
    expect(chooseContentCoding('identity;q=1, br;q=0.2')).toBe('identity');
    expect(chooseContentCoding('deflate')).toBe('identity');
  });
});
