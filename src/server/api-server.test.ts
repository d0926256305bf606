import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssessmentResponseSchema, ProblemSchema, RoleListSchema } from '../features/open-data/api.schemas.ts';
import { send, startSiteInProcess, type SiteUnderTest } from './test-support/site-under-test.ts';

const ROLE = '/api/v1/roles/registered-nurses/all-levels';
const READS = 40;
let site: SiteUnderTest;
const get = (path: string, headers: Record<string, string> = {}) => send(site.url, 'GET', path, { headers });

beforeAll(async () => {
  site = await startSiteInProcess({ apiRateLimits: { read: { capacity: READS, refillSeconds: 60 }, compute: { capacity: 5, refillSeconds: 60 } } });
}, 180_000);
afterAll(() => site?.close());

describe('the API on the real server', () => {
  it('serves an assessment compressed, with a strong ETag, and answers 304 to it; JSON never enters the render cache', async () => {
    const first = await get(ROLE, { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['x-render-cache']).toBeUndefined();
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const body = AssessmentResponseSchema.parse(JSON.parse(brotliDecompressSync(first.body).toString('utf8')));
    expect(body.meta.permalink).toBe(`http://localhost:4321${ROLE}/revisions/${body.revision.number}`);
    const etag = first.headers.etag ?? '';
    const again = await get(ROLE, { 'if-none-match': etag });
    expect(`${again.status} ${again.statusMessage}`).toBe('304 Not Modified');
    expect(again.body.byteLength).toBe(0);
    expect(site.renderCache.size()).toBe(0);
  });

  it('answers HEAD without a body and pages through roles', async () => {
    const head = await send(site.url, 'HEAD', '/api/v1/roles?limit=1');
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    const page = RoleListSchema.parse(JSON.parse((await get('/api/v1/roles?limit=2&sort=title')).body.toString('utf8')));
    const next = RoleListSchema.parse(JSON.parse((await get(`/api/v1/roles?limit=2&sort=title&cursor=${page.nextCursor}`)).body.toString('utf8')));
    expect(next.items[0]?.title.localeCompare(page.items[1]?.title ?? '', 'en')).toBeGreaterThanOrEqual(0);
  });

  it('answers the CORS preflight under /api/ only, and a cross-site JSON POST', async () => {
    const preflight = await send(site.url, 'OPTIONS', '/api/v1/personal-score', { headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect((await send(site.url, 'OPTIONS', '/')).status).toBe(405);
    const scored = await send(site.url, 'POST', '/api/v1/personal-score', {
      headers: { origin: 'https://example.org', 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'registered-nurses/all-levels', context: ['union'] }),
    });
    expect(scored.status).toBe(200);
    expect(scored.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(scored.body.toString('utf8'))).toMatchObject({ role: { slug: 'registered-nurses' }, zone: expect.any(String) });
  });

  it('answers errors as problem+json naming the field, and the reference page and OpenAPI document are served', async () => {
    const bad = await get('/api/v1/roles?limit=5000&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(ProblemSchema.parse(JSON.parse(bad.body.toString('utf8'))).errors?.map((error) => error.field)).toEqual(['colour']);
    const page = await get('/api');
    expect(page.status).toBe(200);
    expect(page.body.toString('utf8')).toContain('curl -s &#39;http://localhost:4321/api/v1/roles/');
    const openapi = await get('/api/v1/openapi.json');
    expect(JSON.parse(openapi.body.toString('utf8'))).toMatchObject({ openapi: '3.1.1' });
  });

  it('answers 429 with Retry-After once the client’s read bucket is empty', async () => {
    let answer = await get('/api/v1/categories');
    for (let request = 0; request < READS && answer.status === 200; request += 1) answer = await get('/api/v1/categories');
    expect(answer.status).toBe(429);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    expect(answer.headers.ratelimit).toMatch(/^"read";r=0;t=\d+$/);
    expect(ProblemSchema.parse(JSON.parse(answer.body.toString('utf8'))).status).toBe(429);
  });
});
