import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, startSiteInProcess, type SiteUnderTest } from './test-support/site-under-test.ts';

const ROLE = '/roles/registered-nurses/all-levels';
let site: SiteUnderTest;
const get = (path: string, headers: Record<string, string> = {}) => send(site.url, 'GET', path, { headers });

beforeAll(async () => {
  site = await startSiteInProcess({ bodyLimits: { maxBodyBytes: 64 * 1024, bodyTimeoutMs: 500 } });
}, 120_000);
afterAll(() => site?.close());

describe('security headers', () => {
  it('every page has a policy that allows exactly its inline scripts, no sniffing, a referrer policy and UTF-8', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const policy = page.headers['content-security-policy'] ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    const scripts = [...page.body.toString().matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/src=/.test(attributes ?? ''));
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, , body] of scripts) expect(policy).toContain(`'sha256-${createHash('sha256').update(body ?? '').digest('base64')}'`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    const cached = await get('/');
    expect(cached.headers['x-render-cache']).toBe('hit');
    expect(cached.headers['content-security-policy']).toBe(policy);
  });

  it('built files and refusals carry them too', async () => {
    const icon = await get('/favicon.svg');
    expect(icon.headers['x-content-type-options']).toBe('nosniff');
    const trace = await send(site.url, 'TRACE', '/');
    expect(trace.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('methods and status lines', () => {
  it('a missing page is "404 Not Found"', async () => {
    const missing = await get('/no/such/page');
    expect(`${missing.status} ${missing.statusMessage}`).toBe('404 Not Found');
  });

  it('TRACE and other methods no address accepts get 405 with Allow; methods jobzone does not know get 501; never 500', async () => {
    const logged: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => logged.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      for (const method of ['TRACE', 'PUT', 'DELETE', 'OPTIONS']) {
        const answer = await send(site.url, method, '/');
        expect(`${method} ${answer.status} ${answer.statusMessage}`).toBe(`${method} 405 Method Not Allowed`);
        expect(answer.headers.allow).toBe('GET, HEAD, POST');
      }
    } finally {
      process.stderr.write = write;
    }
    expect(logged).toEqual([]);
    const propfind = await send(site.url, 'PROPFIND', '/');
    expect(propfind.status).toBe(501);
    expect(propfind.body.toString()).toBe('PROPFIND is not supported by jobzone; use GET, HEAD, POST.\n');
  });
});

describe('request bodies', () => {
  const subscribe = `${ROLE}/subscribe`;

  it('a body declared larger than 64 KB is refused with 413 before it is read', async () => {
    const answer = await send(site.url, 'POST', subscribe, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.alloc(1024 * 1024, 'a') });
    expect(answer.status).toBe(413);
    expect(answer.body.toString()).toBe('Requests to jobzone may carry at most 64 KB.\n');
  });

  it('a chunked body is counted as it arrives and refused with 413 once it passes 64 KB', async () => {
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(16 * 1024, 'a'));
    const answer = await send(site.url, 'POST', subscribe, { headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' }, chunks });
    expect(answer.status).toBe(413);
  });

  it('a body that arrives too slowly is refused with 408', async () => {
    const chunks = ['email=', 'a', '@', 'b', '.c'];
    const answer = await send(site.url, 'POST', subscribe, { headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' }, chunks, chunkDelayMs: 300 });
    expect(answer.status).toBe(408);
  });

  it('a small form still reaches the page', async () => {
    const answer = await send(site.url, 'POST', subscribe, { headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: 'http://localhost:4321' }, body: 'email=not-an-address' });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`${ROLE}?subscribe=invalid#get-updates`);
  });
});

describe('compression', () => {
  it('sends Brotli or gzip as Accept-Encoding asks, and identity otherwise, with Vary', async () => {
    const plain = await get(ROLE, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get(ROLE, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    const gz = await get(ROLE, { 'accept-encoding': 'gzip;q=1, br;q=0.5' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });

  it('compresses pages that are not cached and the built scripts', async () => {
    const missing = await get('/no/such/page', { 'accept-encoding': 'br' });
    expect(missing.headers['content-encoding']).toBe('br');
    const home = (await get('/')).body.toString();
    const script = /\/_astro\/[\w.-]+\.js/.exec(home)?.[0] ?? /component-url="([^"]+)"/.exec(home)?.[1];
    if (!script) throw new Error('no island script on the home page');
    const js = await get(script, { 'accept-encoding': 'gzip, br' });
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.headers.vary).toBe('Accept-Encoding');
  });
});

describe('the render cache', () => {
  it('serves junk query parameters from the entry of the page without them', async () => {
    await get('/roles/registered-nurses/all-levels?x=first');
    const before = site.renderCache.size();
    const junk = await get(`/roles/registered-nurses/all-levels?x=${Math.random()}`);
    expect(junk.headers['x-render-cache']).toBe('hit');
    expect(site.renderCache.size()).toBe(before);
  });

  it('does not keep pages that show input problems, and keeps them short', async () => {
    const before = site.renderCache.size();
    const zeros = Array.from({ length: 2_000 }, () => '0').join(',');
    const report = await get(`/report?role=registered-nurses/all-levels&t=${zeros}`);
    expect(report.status).toBe(200);
    expect(report.headers['cache-control']).toBe('no-store');
    expect(report.body.byteLength).toBeLessThan(300_000);
    const compare = await get(`/compare?roles=${Array.from({ length: 2_000 }, (_, index) => `r${index}`).join(',')}`);
    expect(compare.body.toString()).toContain('only the first 12 were read');
    expect(site.renderCache.size()).toBe(before);
  });
});
