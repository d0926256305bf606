import { describe, expect, it } from 'vitest';
import { answerFromCache, createRenderCache, etagOf } from './render-cache.ts';

const page = (body: string) => ({ body, etag: etagOf(1, body), contentType: 'text/html', status: 200 });

describe('the render cache', () => {
  it('returns a page stored for the same read-model version and URL', () => {
    const cache = createRenderCache(10);
    cache.set(1, '/roles/a', page('A'));
    expect(cache.get(1, '/roles/a')?.body).toBe('A');
    expect(cache.get(1, '/roles/b')).toBeUndefined();
  });

  it('forgets every page once something new is published (a newer version)', () => {
    const cache = createRenderCache(10);
    cache.set(1, '/roles/a', page('A'));
    cache.set(2, '/roles/b', page('B'));
    expect(cache.get(1, '/roles/a')).toBeUndefined();
    expect(cache.get(2, '/roles/a')).toBeUndefined();
    expect(cache.size()).toBe(1);
  });

  it('evicts the least recently used page beyond its capacity', () => {
    const cache = createRenderCache(2);
    cache.set(1, '/a', page('A'));
    cache.set(1, '/b', page('B'));
    cache.get(1, '/a');
    cache.set(1, '/c', page('C'));
    expect(cache.get(1, '/b')).toBeUndefined();
    expect(cache.get(1, '/a')?.body).toBe('A');
  });

  it('gives different ETags to different bodies and versions', () => {
    expect(etagOf(1, 'a')).not.toBe(etagOf(1, 'b'));
    expect(etagOf(1, 'a')).not.toBe(etagOf(2, 'a'));
    expect(etagOf(1, 'a')).toBe(etagOf(1, 'a'));
  });

  it('answers a cached page with its ETag, a matching If-None-Match with 304, and anything else not at all', () => {
    const cache = createRenderCache(10);
    cache.set(3, '/roles/a', { body: 'A', etag: etagOf(3, 'A'), contentType: 'text/html', status: 200 });
    expect(answerFromCache(cache, 3, '/roles/a', null)).toMatchObject({ status: 200, body: 'A', headers: { etag: etagOf(3, 'A'), 'x-render-cache': 'hit' } });
    expect(answerFromCache(cache, 3, '/roles/a', etagOf(3, 'A'))).toMatchObject({ status: 304, body: null });
    expect(answerFromCache(cache, 3, '/roles/b', null)).toBeNull();
    expect(answerFromCache(cache, 4, '/roles/a', null)).toBeNull();
  });
});
