import { defineMiddleware } from 'astro:middleware';
import { answerFromCache, etagOf, RENDER_CACHE_CONTROL } from '../features/render-cache/render-cache.ts';
import { isCrossSiteFormSubmission } from './lib/origin-check.ts';


/** Refuses form posts from other sites, then stores rendered pages in the render cache (keyed by read-model version) and answers conditional requests with 304; the Node server answers later hits before Astro. */
export const onRequest = defineMiddleware(async (context, next) => {
  if (isCrossSiteFormSubmission(context.request, context.url, context.locals.publicUrl)) {
    return new Response('Forms on jobzone can only be sent from jobzone pages.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  // Astro renders its own error pages without our locals; those are never cached.
  const model = context.locals.readModel as App.Locals['readModel'] | undefined;
  if (context.request.method !== 'GET' || context.url.pathname.startsWith('/api/') || !model) return next();
  const version = model.version;
  const key = context.url.pathname + context.url.search;
  const ifNoneMatch = context.request.headers.get('if-none-match');
  const cache = context.locals.renderCache;
  const cached = answerFromCache(cache, version, key, ifNoneMatch);
  if (cached) return new Response(cached.body, { status: cached.status, headers: cached.headers });
  const response = await next();
  const contentType = response.headers.get('content-type') ?? '';
  // Responses marked no-store (confirmation and unsubscribe pages) act on a token each time they are opened.
  if (response.status !== 200 || /no-store/.test(response.headers.get('cache-control') ?? '') || !/^(text\/html|application\/xml|application\/atom\+xml)/.test(contentType)) {
    return response;
  }
  const body = await response.text();
  const etag = etagOf(version, body);
  cache.set(version, key, { body, etag, contentType, status: 200 });
  if (ifNoneMatch === etag) return new Response(null, { status: 304, headers: { etag, 'cache-control': RENDER_CACHE_CONTROL } });
  const headers = new Headers(response.headers);
  headers.set('etag', etag);
  headers.set('cache-control', RENDER_CACHE_CONTROL);
  headers.set('x-render-cache', 'miss');
  return new Response(body, { status: 200, headers });
});
