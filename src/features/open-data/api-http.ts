import { createHash } from 'node:crypto';
import type { ReadModel } from '../read-model/read-model.ts';
import { clientNetworkOf } from '../rate-limits/client-network.ts';
import type { RateLimit, RateLimitState } from '../rate-limits/rate-limits.usecases.ts';
import { ApiError, problemOf } from './api-errors.ts';
import type { ApiContext } from './api-links.ts';
import { buildOpenApiDocument } from './api-openapi.ts';
import { MAX_PERSONAL_SCORE_BODY_BYTES } from './api-personal-score.ts';
import { MAX_QUERY_STRING_LENGTH } from './api-query.ts';
import { matchApiRoute, OPENAPI_PATH, type ApiRoute } from './api-routes.ts';

/** The per-client limits of the API: reads, and the heavier personal-score computations. */
export interface ApiRateLimits {
  read: RateLimit;
  compute: RateLimit;
}

/** 120 reads at once, then 2 a second; 30 personal scores at once, then one every 2 s (ADR 0101). */
export const DEFAULT_API_RATE_LIMITS: ApiRateLimits = {
  read: { capacity: 120, refillSeconds: 0.5 },
  compute: { capacity: 30, refillSeconds: 2 },
};

/** What the API needs for one request besides the request itself. */
export interface ApiDependencies {
  model: ReadModel;
  publicUrl: string;
  clientAddress: string;
  /** The per-client limiter: the synced in-memory one in the server, the store-backed one works too. */
  limiter: { check: (namespace: string, subject: string, limit: RateLimit) => RateLimitState | Promise<RateLimitState> };
  /** Null switches the limits off (the throughput benchmark measures serving, not limiting). */
  limits: ApiRateLimits | null;
  now?: () => Date;
}

export const API_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, RateLimit, RateLimit-Policy, Retry-After, Content-Length',
};
const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type, If-None-Match',
  'access-control-max-age': '86400',
};

interface CachedAnswer {
  text: string;
  etag: string;
}

/** Bytes of GET answers kept per read model; the oldest answers go first. */
export const MAX_CACHED_ANSWER_BYTES = 32 * 1024 * 1024;

// A GET answer depends only on the read model and the address (and the minute, for the few that read the clock),
// so it is serialised and tagged once per model; a publication swaps the model and with it this cache.
const answersByModel = new WeakMap<ReadModel, { entries: Map<string, CachedAnswer>; bytes: number }>();

function cachedAnswer(model: ReadModel, key: string, build: () => string): CachedAnswer {
  let cache = answersByModel.get(model);
  if (!cache) {
    cache = { entries: new Map(), bytes: 0 };
    answersByModel.set(model, cache);
  }
  const hit = cache.entries.get(key);
  if (hit) return hit;
  const text = build();
  const answer = { text, etag: strongEtagOf(text) };
  const size = text.length * 2 + key.length * 2;
  if (size > MAX_CACHED_ANSWER_BYTES) return answer;
  for (const [oldKey, old] of cache.entries) {
    if (cache.bytes + size <= MAX_CACHED_ANSWER_BYTES) break;
    cache.entries.delete(oldKey);
    cache.bytes -= old.text.length * 2 + oldKey.length * 2;
  }
  cache.entries.set(key, answer);
  cache.bytes += size;
  return answer;
}

// Answers that depend on the clock (movers) change once a minute, not on every request, so their ETags can match.
const thisMinute = () => new Date(Math.floor(Date.now() / 60_000) * 60_000);

/** Returns the strong entity tag of a response body. */
export function strongEtagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Tells whether If-None-Match names this tag (weak comparison, as RFC 9110 §13.1.2 asks for GET). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const wanted = etag.replace(/^W\//, '');
  return header
    .split(',')
    .slice(0, 50)
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === wanted);
}

/** The RateLimit and RateLimit-Policy headers of one request (IETF draft), as the API sends them. */
export function rateLimitHeaders(name: string, limit: RateLimit, state: RateLimitState): Record<string, string> {
  const window = Math.ceil(limit.capacity * limit.refillSeconds);
  const refill = state.waitSeconds > 0 ? state.waitSeconds : Math.ceil((limit.capacity - state.remaining) * limit.refillSeconds);
  return {
    'ratelimit-policy': `"${name}";q=${limit.capacity};w=${window}`,
    ratelimit: `"${name}";r=${state.remaining};t=${refill}`,
  };
}

function problemResponse(error: ApiError, publicUrl: string, instance: string, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemOf(error, publicUrl, instance)), {
    status: error.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...CORS_HEADERS, ...extra },
  });
}

async function readJsonBody(request: Request): Promise<unknown> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!/^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/.test(type)) {
    throw new ApiError('api.unsupported_media_type', `Send the body as JSON with Content-Type: application/json; got ${type === '' ? 'no Content-Type' : `"${type.slice(0, 80)}"`}.`);
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_PERSONAL_SCORE_BODY_BYTES) {
    throw new ApiError('api.body_too_large', `The body may be at most ${MAX_PERSONAL_SCORE_BODY_BYTES / 1024} KB; got ${bytes.byteLength} bytes.`);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch (error) {
    throw new ApiError('api.invalid_body', 'The body is not valid UTF-8 JSON.', [{ field: 'body', message: `expected a JSON object: ${(error as Error).message.slice(0, 120)}` }]);
  }
}

function routeOf(method: string, pathname: string): { route: ApiRoute | 'openapi'; params: Record<string, string> } {
  if (pathname === OPENAPI_PATH) {
    if (method === 'GET' || method === 'HEAD') return { route: 'openapi', params: {} };
    throw new ApiError('api.method_not_allowed', `${method} is not accepted at ${OPENAPI_PATH}; use GET.`);
  }
  const match = matchApiRoute(method, pathname);
  if (match.route) return { route: match.route, params: match.params };
  if (match.allowed.length > 0) throw new ApiError('api.method_not_allowed', `${method.slice(0, 20)} is not accepted at ${pathname.slice(0, 200)}; use ${match.allowed.join(', ')}.`);
  throw new ApiError('api.not_found', `There is no API route ${pathname.slice(0, 200)}; the routes are listed at ${OPENAPI_PATH} and on /api.`);
}

/**
 * Answers one request to /api/v1: CORS preflight, routing, per-client rate limits, the route's
 * answer as JSON with a strong ETag (304 when If-None-Match names it) and CDN cache headers, and
 * every failure as an RFC 9457 problem naming the field at fault.
 */
export async function answerApiRequest(request: Request, deps: ApiDependencies): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const instance = url.pathname.slice(0, 300);
  if (method === 'OPTIONS') return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
  let limitHeaders: Record<string, string> = {};
  try {
    if (url.search.length > MAX_QUERY_STRING_LENGTH) {
      throw new ApiError('api.uri_too_long', `The query string may be at most ${MAX_QUERY_STRING_LENGTH} characters; got ${url.search.length}.`);
    }
    const { route, params } = routeOf(method, url.pathname);
    const bucket = route === 'openapi' ? 'read' : route.limit;
    if (deps.limits) {
      const limit = deps.limits[bucket];
      const state = await deps.limiter.check(`api.${bucket}`, clientNetworkOf(deps.clientAddress), limit);
      limitHeaders = rateLimitHeaders(bucket, limit, state);
      if (state.waitSeconds > 0) {
        const error = new ApiError('api.rate_limited', `Too many ${bucket === 'read' ? 'requests' : 'personal scores'} from your network; try again in ${state.waitSeconds} s.`);
        return problemResponse(error, deps.publicUrl, instance, { ...limitHeaders, 'retry-after': String(state.waitSeconds) });
      }
    }
    const context: ApiContext = { publicUrl: deps.publicUrl };
    if (route !== 'openapi' && route.method === 'POST') {
      const body = await readJsonBody(request);
      const text = JSON.stringify(route.answer({ model: deps.model, context, params, query: url.searchParams, body, now: (deps.now ?? thisMinute)() }));
      return new Response(text, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS_HEADERS, ...limitHeaders } });
    }
    const now = (deps.now ?? thisMinute)();
    const key = `${url.pathname}${url.search}${route !== 'openapi' && route.readsClock ? `@${now.getTime()}` : ''}`;
    const { text, etag } = cachedAnswer(deps.model, key, () =>
      JSON.stringify(route === 'openapi' ? buildOpenApiDocument(deps.model, context) : route.answer({ model: deps.model, context, params, query: url.searchParams, body: undefined, now })),
    );
    const headers = { 'cache-control': API_CACHE_CONTROL, etag, ...CORS_HEADERS, ...limitHeaders };
    if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    return new Response(method === 'HEAD' ? null : text, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
  } catch (error) {
    if (error instanceof ApiError) {
      return problemResponse(error, deps.publicUrl, instance, error.code === 'api.method_not_allowed' ? { ...limitHeaders, allow: allowedAt(url.pathname) } : limitHeaders);
    }
    throw error;
  }
}

function allowedAt(pathname: string): string {
  if (pathname === OPENAPI_PATH) return 'GET, HEAD, OPTIONS';
  const match = matchApiRoute('', pathname);
  const methods = match.route ? [] : match.allowed;
  return [...new Set(methods.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method]))), 'OPTIONS'].join(', ');
}
