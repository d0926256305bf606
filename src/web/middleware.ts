import { STATUS_CODES } from 'node:http';
import { defineMiddleware } from 'astro:middleware';
import { renderCacheKeyOf } from '../features/render-cache/cache-keys.ts';
import { chooseContentCoding, encodeBodies, encodeBodyFor, encodeBodyToStore, isCompressible } from '../features/render-cache/content-coding.ts';
import { answerFromCache, answerWithPage, etagOf, type CachedAnswer } from '../features/render-cache/render-cache.ts';
import { createRenderGate } from '../features/render-cache/render-gate.ts';
import { isCrossSiteFormSubmission } from './lib/origin-check.ts';
import { guardStudio } from './lib/studio-guard.ts';
import { contentSecurityPolicy, inlineScriptHashesOfBytes, isEmbedPath } from './lib/security-headers.ts';

const CACHEABLE_TYPES = /^(text\/html|application\/xml|application\/atom\+xml)/;
// Two places: one page renders while the other's compression finishes on the thread pool.
const RENDERS_AT_ONCE = 2;

function toResponse(answer: CachedAnswer, extra?: Headers): Response {
  const headers = new Headers(extra);
  for (const [name, value] of Object.entries(answer.headers)) headers.set(name, value);
  return new Response(answer.body === null ? null : new Uint8Array(answer.body), { status: answer.status, statusText: STATUS_CODES[answer.status] ?? '', headers });
}

// Astro answers every status with the reason phrase "OK"; the status line should say what happened.
function withReasonPhrase(response: Response): Response {
  const statusText = STATUS_CODES[response.status] ?? '';
  if (response.statusText === statusText || response.status === 101) return response;
  return new Response(response.body, { status: response.status, statusText, headers: response.headers });
}

const renders = createRenderGate(RENDERS_AT_ONCE);

/** Renders the page and reads its bytes, unless it is a kind passed through as it is (no body, not compressible, already encoded). */
async function renderFully(next: () => Promise<Response>): Promise<{ response: Response; body: Buffer } | { response: Response; body: null }> {
  const response = withReasonPhrase(await next());
  const contentType = response.headers.get('content-type') ?? '';
  // Files sent already compressed (the bulk downloads under /data) pass through as they are.
  if (response.body === null || !isCompressible(contentType) || response.headers.has('content-encoding')) return { response, body: null };
  // The rendered bytes are read once; they are sent as they are and never decoded (inlineScriptHashesOfBytes).
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/**
 * Refuses form posts from other sites; answers cached pages; gives every HTML page a content
 * security policy naming its inline scripts and a UTF-8 charset; stores cacheable pages compressed
 * once (keyed by read-model version and the parameters the page reads); compresses the rest per request.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (isCrossSiteFormSubmission(context.request, context.url, context.locals.publicUrl)) {
    return new Response('Forms on jobzone can only be sent from jobzone pages.', { status: 403, statusText: 'Forbidden', headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const refused = await guardStudio(context.request, context.url, context.locals);
  if (refused) return refused;
  // Astro renders its own error pages without our locals; those are never cached.
  const model = context.locals.readModel as App.Locals['readModel'] | undefined;
  const method = context.request.method;
  const key = (method === 'GET' || method === 'HEAD') && !context.url.pathname.startsWith('/api/') && model ? renderCacheKeyOf(context.url) : null;
  const conditions = { ifNoneMatch: context.request.headers.get('if-none-match'), acceptEncoding: context.request.headers.get('accept-encoding') };
  const cache = context.locals.renderCache;
  if (key !== null && model) {
    const cached = answerFromCache(cache, model.version, key, conditions);
    if (cached) return toResponse(cached);
  }
  // Pages rendered from query input (search, compare, report, filtered listings) read only the read model and take
  // their turn; pages that may wait on the store (studio, forms, subscriptions, data files) never queue behind them.
  const rendered = key?.includes('?') ? await renders.run(() => renderFully(next)) : await renderFully(next);
  if (rendered.body === null) return rendered.response;
  const { response, body } = rendered;
  const contentType = response.headers.get('content-type') ?? '';
  const isHtml = /^text\/html/i.test(contentType);
  const headers = new Headers(response.headers);
  if (isHtml) {
    headers.set('content-security-policy', contentSecurityPolicy(inlineScriptHashesOfBytes(body), { frameable: isEmbedPath(context.url.pathname) }));
    if (!/charset=/i.test(contentType)) headers.set('content-type', 'text/html; charset=utf-8');
  }
  // Pages that act on a token (no-store) or show input problems (they send no-store too) are never stored.
  const storable = key !== null && model !== undefined && response.status === 200 && !/no-store/.test(response.headers.get('cache-control') ?? '') && CACHEABLE_TYPES.test(contentType);
  if (storable) {
    const page = {
      status: 200,
      etag: etagOf(model.version, body),
      headers: { 'content-type': headers.get('content-type') ?? contentType, ...(isHtml ? { 'content-security-policy': headers.get('content-security-policy') ?? '' } : {}) },
      // A page that reads query input is one of many a stranger can ask for: compressed once, fast, in the coding asked for.
      // Any other page keeps Brotli only (ADR 0165): gzip is made here only when this client asked for it.
      bodies: key.includes('?')
        ? await encodeBodyToStore(body, chooseContentCoding(conditions.acceptEncoding))
        : await encodeBodies(body, { gzip: chooseContentCoding(conditions.acceptEncoding) === 'gzip' }),
    };
    cache.set(model.version, key, page);
    return toResponse(answerWithPage(page, conditions, 'miss'), headers);
  }
  const encoded = await encodeBodyFor(body, chooseContentCoding(conditions.acceptEncoding));
  headers.set('vary', 'Accept-Encoding');
  headers.set('content-length', String(encoded.body.byteLength));
  if (encoded.coding !== 'identity') headers.set('content-encoding', encoded.coding);
  return new Response(new Uint8Array(encoded.body), { status: response.status, statusText: response.statusText, headers });
});
