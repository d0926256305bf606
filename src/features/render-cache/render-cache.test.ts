import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createByteBoundedLru } from './byte-bounded-lru.ts';
import { chooseContentCoding, encodeBodies, encodeBodyFor, encodeBodyForSync, encodeBodyToStore, inCodingSlot } from './content-coding.ts';
import { answerFromCache, createRenderCache, etagOf, type CachedPage } from './render-cache.ts';

const page = (body: string): CachedPage => ({ status: 200, etag: etagOf(1, Buffer.from(body)), headers: { 'content-type': 'text/html; charset=utf-8' }, bodies: { identity: Buffer.from(body) } });
const lruBounds = { maxBytes: 10_000, maxEntryBytes: 4_000 };
const bounds = { pages: lruBounds, queryPages: { maxBytes: 5_000, maxEntryBytes: 4_000 } };

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

  it('is bounded in bytes, keeps only the Brotli copy of a compressed page, and evicts the least recently used pages', () => {
    const cache = createRenderCache(bounds);
    const big = (letter: string): CachedPage => ({ ...page(letter.repeat(1_000)), bodies: { identity: Buffer.alloc(9_000), br: Buffer.alloc(3_000), gzip: Buffer.alloc(3_600) } });
    for (const letter of ['a', 'b', 'c']) cache.set(1, `/${letter}`, big(letter));
    expect(cache.bytes()).toBeGreaterThan(9_000);
    cache.get(1, '/a');
    cache.set(1, '/d', big('d'));
    expect(cache.bytes()).toBeLessThanOrEqual(bounds.pages.maxBytes);
    expect(cache.get(1, '/b')).toBeUndefined();
    expect(cache.get(1, '/a')).toBeDefined();
    expect(cache.size()).toBe(3);
    // gzip and identity are made from Brotli for the few clients that need them (ADR 0165).
    expect(cache.get(1, '/a')?.bodies).toEqual({ br: Buffer.alloc(3_000) });
  });

  it('keeps pages read with query input in a budget of their own, so any number of searches cannot push out the pages', () => {
    const cache = createRenderCache(bounds);
    const sized = (bytes: number): CachedPage => ({ ...page('x'), bodies: { identity: Buffer.alloc(bytes) } });
    cache.set(1, '/roles/a', sized(3_000));
    cache.set(1, '/roles/b', sized(3_000));
    for (let index = 0; index < 50; index += 1) cache.set(1, `/search?q=${index}`, sized(1_000));
    expect(cache.get(1, '/roles/a')).toBeDefined();
    expect(cache.get(1, '/roles/b')).toBeDefined();
    expect(cache.get(1, '/search?q=49')).toBeDefined();
    expect(cache.get(1, '/search?q=0')).toBeUndefined();
    expect(cache.bytes()).toBeLessThanOrEqual(bounds.pages.maxBytes + bounds.queryPages.maxBytes);
    expect(cache.keys(1).filter((key) => key.startsWith('/search')).length).toBeLessThan(5);
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
    cache.set(1, '/search?q=huge', { ...page('x'), bodies: { identity: Buffer.alloc(5_000) } });
    expect(cache.size()).toBe(0);
    const lru = createByteBoundedLru<string>(lruBounds, (value) => value.length);
    expect(lru.set('k', 'x'.repeat(4_000))).toBe(false);
  });

  it('gives different ETags to different bodies and versions', () => {
    const [a, b] = [Buffer.from('a'), Buffer.from('b')];
    expect(etagOf(1, a)).not.toBe(etagOf(1, b));
    expect(etagOf(1, a)).not.toBe(etagOf(2, a));
    expect(etagOf(1, a)).toBe(etagOf(1, Buffer.from('a')));
  });

  it('answers in the encoding the client accepts, each with its own ETag, and 304 for a current copy', async () => {
    const cache = createRenderCache(bounds);
    const html = `<p>${'jobzone '.repeat(200)}</p>`;
    cache.set(3, '/roles/a', { ...page(html), etag: etagOf(3, Buffer.from(html)), bodies: await encodeBodies(Buffer.from(html)) });
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
  it('is encoded to the same coding and bytes on a render thread (synchronously) as on the main thread', async () => {
    const pages = ['<p>short</p>', `<p>${'jobzone search résumé '.repeat(3000)}</p>`, 'x'.repeat(300), Buffer.from(Array.from({ length: 400 }, (_, index) => (index * 7919) % 251)).toString('latin1')];
    for (const html of pages) {
      for (const coding of ['br', 'gzip', 'identity'] as const) {
        const [fromPool, fromThread] = [await encodeBodyFor(Buffer.from(html), coding), encodeBodyForSync(Buffer.from(html), coding)];
        expect(fromThread.coding, `${coding} of ${html.length} characters`).toBe(fromPool.coding);
        expect(fromThread.body.equals(fromPool.body), `${coding} of ${html.length} characters`).toBe(true);
      }
    }
  });

  it('is stored once in the coding that reader asked for, and still answers every other client', async () => {
    const html = `<p>${'jobzone search '.repeat(200)}</p>`;
    const stored = await encodeBodyToStore(Buffer.from(html), 'br');
    expect(Object.keys(stored)).toEqual(['br']);
    expect((await encodeBodyToStore(Buffer.from(html), 'gzip')).gzip?.byteLength).toBeLessThan(html.length / 4);
    expect(await encodeBodyToStore(Buffer.from(html), 'identity')).toEqual({ identity: Buffer.from(html) });
    const cache = createRenderCache(bounds);
    cache.set(3, '/search?q=a', { ...page(html), etag: etagOf(3, Buffer.from(html)), bodies: stored });
    const br = answerFromCache(cache, 3, '/search?q=a', { acceptEncoding: 'br, gzip' });
    expect(br?.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    // A gzip-only client gets gzip made from the Brotli copy (ADR 0165); one that accepts nothing gets identity.
    const gzip = answerFromCache(cache, 3, '/search?q=a', { acceptEncoding: 'gzip' });
    expect(gzip?.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip?.body ?? Buffer.alloc(0)).toString()).toBe(html);
    const identity = answerFromCache(cache, 3, '/search?q=a', { acceptEncoding: 'identity' });
    expect(identity?.body?.toString()).toBe(html);
    expect(identity?.headers['content-encoding']).toBeUndefined();
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

describe('compressing bodies', () => {
  it('keeps each encoding in a buffer of its own size, so a small page does not hold a 16 KB zlib chunk', async () => {
    const html = `<p>${'jobzone '.repeat(400)}</p>`;
    const bodies = await encodeBodies(Buffer.from(html), { gzip: true });
    for (const body of [bodies.br, bodies.gzip]) {
      expect(body?.byteLength).toBeLessThan(1_000);
      expect(body?.buffer.byteLength).toBe(body?.byteLength);
    }
    expect(brotliDecompressSync(bodies.br ?? Buffer.alloc(0)).toString()).toBe(html);
    expect(gunzipSync(bodies.gzip ?? Buffer.alloc(0)).toString()).toBe(html);
    expect((await encodeBodies(Buffer.from(html), { gzip: false })).gzip).toBeUndefined();
  });

  it('runs no more than four compressions at once, however many requests ask', async () => {
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      inCodingSlot(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
      });
    const all = Promise.all(Array.from({ length: 20 }, work));
    for (let round = 0; round < 40 && releases.length + running > 0; round += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.splice(0).forEach((release) => release());
    }
    await all;
    expect(most).toBe(4);
  });
});
