import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { createRateLimiter } from '../rate-limits/rate-limits.usecases.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { committedReadModel } from '../site-pages/test-support/read-model-fixture.ts';
import { answerApiRequest, DEFAULT_API_RATE_LIMITS, type ApiRateLimits } from './api-http.ts';
import { routeExamples } from './api-openapi.ts';
import { API_ROUTES } from './api-routes.ts';
import { ProblemSchema } from './api.schemas.ts';

const BASE = 'http://localhost:4321';
let model: ReadModel;

beforeAll(async () => {
  model = await committedReadModel();
}, 60_000);

describeEachDriver('the API over HTTP semantics', (store) => {
  const call = (path: string, init: RequestInit = {}, options: { limits?: ApiRateLimits | null; client?: string } = {}) =>
    answerApiRequest(new Request(`${BASE}${path}`, init), {
      model,
      publicUrl: BASE,
      clientAddress: options.client ?? '203.0.113.7',
      limiter: createRateLimiter(store.db),
      limits: options.limits === undefined ? DEFAULT_API_RATE_LIMITS : options.limits,
    });

  it('answers every route’s example with 200 JSON that validates against its schema, with rate-limit headers', async () => {
    for (const example of routeExamples(model, { publicUrl: BASE })) {
      const init: RequestInit = example.body === undefined ? {} : { method: 'POST', body: JSON.stringify(example.body), headers: { 'content-type': 'application/json' } };
      const response = await call(example.path, init);
      expect(response.status, example.path).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('ratelimit-policy')).toMatch(/^"(read|compute)";q=\d+;w=\d+$/);
      expect(example.route.response.safeParse(await response.json()).success, example.path).toBe(true);
    }
    const openapi = await call('/api/v1/openapi.json');
    expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.1');
  });

  it('gives GET answers a strong ETag and CDN cache headers, and answers 304 to a matching If-None-Match', async () => {
    const first = await call('/api/v1/categories');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
    const again = await call('/api/v1/categories', { headers: { 'if-none-match': `"other", ${etag}` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await call('/api/v1/categories', { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });

  it('answers the CORS preflight of the POST without drawing from the limits', async () => {
    const preflight = await call('/api/v1/personal-score', { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Content-Type');
  });

  it('refuses what it cannot answer with problem+json naming the field at fault', async () => {
    const cases: [string, RequestInit, number, string | null][] = [
      ['/api/v1/roles?limit=100000', {}, 400, 'limit'],
      ['/api/v1/roles?colour=red', {}, 400, 'colour'],
      ['/api/v1/roles?cursor=%%%', {}, 400, 'cursor'],
      [`/api/v1/roles?zone=${'g'.repeat(3000)}`, {}, 414, null],
      ['/api/v1/roles/no-such-role/all-levels', {}, 404, null],
      ['/api/v1/nothing-here', {}, 404, null],
      ['/api/v1/roles', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }, 405, null],
      ['/api/v1/personal-score', { method: 'POST', body: 'role=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, null],
      ['/api/v1/personal-score', { method: 'POST', body: '{"role":', headers: { 'content-type': 'application/json' } }, 422, 'body'],
      ['/api/v1/personal-score', { method: 'POST', body: JSON.stringify({ role: 'registered-nurses/all-levels', design: 1000 }), headers: { 'content-type': 'application/json' } }, 422, 'design'],
      ['/api/v1/personal-score', { method: 'POST', body: JSON.stringify({ role: 'x', drop: Array.from({ length: 40_000 }, () => 1) }), headers: { 'content-type': 'application/json' } }, 413, null],
    ];
    for (const [path, init, status, field] of cases) {
      const response = await call(path, init);
      expect(`${path.slice(0, 60)} ${response.status}`).toBe(`${path.slice(0, 60)} ${status}`);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const problem = ProblemSchema.parse(await response.json());
      expect(problem.status).toBe(status);
      expect(problem.type).toMatch(/^http:\/\/localhost:4321\/api#problem-/);
      if (field) expect(problem.errors?.map((error) => error.field)).toContain(field);
    }
    expect((await call('/api/v1/roles', { method: 'POST' })).headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('limits each client network, answering 429 with Retry-After once its bucket is empty, and leaves other clients alone', async () => {
    const limits = { read: { capacity: 2, refillSeconds: 30 }, compute: { capacity: 1, refillSeconds: 60 } };
    const first = await call('/api/v1/methodology', {}, { limits });
    expect(first.headers.get('ratelimit')).toBe('"read";r=1;t=30');
    expect(first.headers.get('ratelimit-policy')).toBe('"read";q=2;w=60');
    expect((await call('/api/v1/methodology', {}, { limits })).status).toBe(200);
    const refused = await call('/api/v1/methodology', {}, { limits });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.headers.get('ratelimit')).toBe('"read";r=0;t=30');
    expect(ProblemSchema.parse(await refused.json()).detail).toContain('try again in 30 s');
    expect((await call('/api/v1/methodology', {}, { limits, client: '198.51.100.9' })).status).toBe(200);
    expect((await call('/api/v1/methodology', {}, { limits: null })).headers.get('ratelimit')).toBeNull();
  });
});

it('every route has an example request, so the reference and the tests cover each one', () => {
  expect(new Set(API_ROUTES.map((route) => route.operationId)).size).toBe(API_ROUTES.length);
});
