import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '../features/read-model/read-model.ts';
import { committedReadModel } from '../features/site-pages/test-support/read-model-fixture.ts';
import { listMaterialisedPaths, pathsAffectedBy, rolesChangedBetween } from './materialised-pages.ts';
import { holdReadModel, type ReadModelHolder } from './read-model-holder.ts';
import { ensureSiteBuilt, SITE_ENTRY } from './site-build.ts';
import { send, startSiteInProcess, type SiteUnderTest } from './test-support/site-under-test.ts';
import { loadAstroHandler } from './web-server.ts';

const PUBLISHED = 'roofers/all-levels';
const UNTOUCHED = '/roles/multimodal-ai-engineer/mid-level';
const CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=300';
const BR = { 'accept-encoding': 'br, gzip' };

/** The model after one more revision of PUBLISHED: a copy with that entry's revision moved on and a newer version. */
function withOnePublication(model: ReadModel): ReadModel {
  const assessments = new Map(model.assessments);
  const entry = assessments.get(PUBLISHED);
  if (!entry) throw new Error(`the committed catalog has no ${PUBLISHED}`);
  assessments.set(PUBLISHED, { ...entry, revision: { ...entry.revision, number: entry.revision.number + 1, publishedAt: new Date(Date.UTC(2026, 11, 1)), note: 'A test publication.' } });
  return { ...model, version: model.version + 1_000, assessments };
}

let site: SiteUnderTest;
let holder: ReadModelHolder;
let renders = 0;

beforeAll(async () => {
  const first = await committedReadModel();
  holder = holdReadModel(first, async () => withOnePublication(first));
  // Built before the handler is loaded: a build started later would replace the files it imports.
  await ensureSiteBuilt(() => undefined);
  const astroHandler = await loadAstroHandler(pathToFileURL(SITE_ENTRY).href);
  site = await startSiteInProcess({
    readModel: holder,
    apiRateLimits: null,
    prepareOnPublication: true,
    astroHandler: (request, response, next, locals) => {
      renders += 1;
      return astroHandler(request, response, next, locals);
    },
  });
}, 120_000);

afterAll(async () => {
  await site.close();
});

describe('pages served from the render cache', () => {
  it('answers a stored page without calling Astro, with CDN cache headers, the security headers and 304 for a current copy', async () => {
    const miss = await send(site.url, 'GET', UNTOUCHED, { headers: BR });
    expect(miss.headers['x-render-cache']).toBe('miss');
    const before = renders;
    const hit = await send(site.url, 'GET', UNTOUCHED, { headers: BR });
    expect(renders).toBe(before);
    expect(hit.headers).toMatchObject({ 'x-render-cache': 'hit', 'content-encoding': 'br', vary: 'Accept-Encoding', 'cache-control': CACHE_CONTROL, 'x-content-type-options': 'nosniff' });
    expect(hit.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(hit.body.byteLength).toBe(Number(hit.headers['content-length']));
    const again = await send(site.url, 'GET', UNTOUCHED, { headers: { ...BR, 'if-none-match': String(hit.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers['cache-control']).toBe(CACHE_CONTROL);
    const plain = await send(site.url, 'GET', UNTOUCHED);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toMatch(/<\/html>\s*$/);
    expect(renders).toBe(before);
  });

  it('keeps a stored page in Brotli only and answers gzip-only and identity-only clients with the same page, their own ETag and Vary', async () => {
    const path = '/roles/roofers';
    await send(site.url, 'GET', path, { headers: BR });
    const brotli = await send(site.url, 'GET', path, { headers: BR });
    const stored = site.renderCache.get(holder.current().version, path);
    expect(Object.keys(stored?.bodies ?? {})).toEqual(['br']);
    const before = renders;
    const html = brotliDecompressSync(brotli.body).toString();
    for (const coding of ['gzip', 'identity'] as const) {
      const answer = await send(site.url, 'GET', path, { headers: { 'accept-encoding': coding } });
      expect(answer.status).toBe(200);
      expect(answer.headers).toMatchObject({ 'x-render-cache': 'hit', vary: 'Accept-Encoding', 'cache-control': CACHE_CONTROL, 'content-type': 'text/html; charset=utf-8' });
      expect(answer.headers['content-encoding']).toBe(coding === 'gzip' ? 'gzip' : undefined);
      expect(answer.body.byteLength).toBe(Number(answer.headers['content-length']));
      expect((coding === 'gzip' ? gunzipSync(answer.body) : answer.body).toString()).toBe(html);
      expect(answer.headers.etag).toBe(coding === 'gzip' ? String(brotli.headers.etag).replace(/-br"$/, '-gz"') : String(brotli.headers.etag).replace(/-br"$/, '"'));
      const again = await send(site.url, 'GET', path, { headers: { 'accept-encoding': coding } });
      expect(again.body.equals(answer.body)).toBe(true);
      const notModified = await send(site.url, 'GET', path, { headers: { 'accept-encoding': coding, 'if-none-match': String(answer.headers.etag) } });
      expect(notModified.status).toBe(304);
      expect(notModified.headers).toMatchObject({ etag: answer.headers.etag, vary: 'Accept-Encoding' });
      const head = await send(site.url, 'HEAD', path, { headers: { 'accept-encoding': coding } });
      expect(head.headers['content-length']).toBe(answer.headers['content-length']);
      expect(head.body.byteLength).toBe(0);
    }
    expect(renders).toBe(before);
  });

  it('still refuses methods and oversized bodies on a stored page', async () => {
    expect((await send(site.url, 'DELETE', UNTOUCHED)).status).toBe(405);
    const withBody = await send(site.url, 'GET', UNTOUCHED, { headers: { 'content-length': String(2 * 1024 * 1024) }, body: 'x' });
    expect(withBody.status).toBe(413);
  });

  it('answers a stored API answer from prepared buffers, with its ETag, 304 and CORS', async () => {
    const path = `/api/v1/roles/${PUBLISHED}`;
    await send(site.url, 'GET', path, { headers: BR });
    const hit = await send(site.url, 'GET', path, { headers: BR });
    expect(hit.headers).toMatchObject({ 'content-encoding': 'br', 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60, s-maxage=300, stale-while-revalidate=600' });
    const notModified = await send(site.url, 'GET', path, { headers: { ...BR, 'if-none-match': String(hit.headers.etag) } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('a publication', () => {
  it('swaps the changed pages in at once: until then the old page, afterwards a hit with a new ETag, the other pages unchanged', async () => {
    const publishedPath = `/roles/${PUBLISHED}`;
    const old = await send(site.url, 'GET', publishedPath, { headers: BR });
    const untouched = await send(site.url, 'GET', UNTOUCHED, { headers: BR });
    const publishing = holder.refresh();
    const during = await send(site.url, 'GET', publishedPath, { headers: BR });
    expect(during.headers.etag).toBe(old.headers.etag);
    await publishing;
    const before = renders;
    const after = await send(site.url, 'GET', publishedPath, { headers: BR });
    expect(after.headers['x-render-cache']).toBe('hit');
    expect(after.headers.etag).not.toBe(old.headers.etag);
    const listing = await send(site.url, 'GET', '/', { headers: BR });
    expect(listing.headers['x-render-cache']).toBe('hit');
    const other = await send(site.url, 'GET', UNTOUCHED, { headers: BR });
    expect(other.headers).toMatchObject({ 'x-render-cache': 'hit', etag: untouched.headers.etag });
    expect(renders).toBe(before);
  }, 120_000);
});

describe('which pages are materialised', () => {
  it('lists every role page and listing, and a publication affects only its role and the listings', async () => {
    const model = await committedReadModel();
    const paths = listMaterialisedPaths(model);
    expect(paths).toEqual(expect.arrayContaining(['/', '/rankings', '/movers', '/sitemap.xml', '/methodology', `/roles/${PUBLISHED}`, `/roles/${PUBLISHED}/history`, '/roles/roofers']));
    expect(new Set(paths).size).toBe(paths.length);
    const next = withOnePublication(model);
    expect([...rolesChangedBetween(model, next)]).toEqual(['roofers']);
    const affected = pathsAffectedBy(model, next);
    expect(affected.has(`/roles/${PUBLISHED}`)).toBe(true);
    expect(affected.has('/rankings')).toBe(true);
    expect(affected.has(UNTOUCHED)).toBe(false);
    expect(affected.has('/methodology')).toBe(false);
  });
});
