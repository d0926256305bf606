import type { APIRoute } from 'astro';
import { buildRobotsTxt } from '../../presentation/site-pages/sitemap.ts';

/** GET /robots.txt: crawl everything but the API, and find the pages in the sitemap. */
export const GET: APIRoute = ({ locals }) =>
  new Response(buildRobotsTxt(locals.publicUrl), { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
