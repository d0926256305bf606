import type { APIRoute } from 'astro';
import { buildSearchApiResponse } from '../../../../features/site-pages/search-view.ts';

/** GET /api/v1/search?q=…&limit=…: job titles matching a query, with each role's current score and zone. */
export const GET: APIRoute = ({ locals, url }) =>
  new Response(JSON.stringify(buildSearchApiResponse(locals.readModel, url.searchParams)), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' },
  });
