import type { APIRoute } from 'astro';
import { gatherSitemapInput } from '../../features/site-pages/sitemap-input.ts';
import { buildSitemapXml } from '../../presentation/site-pages/sitemap.ts';

/** GET /sitemap.xml: every page with absolute URLs and the date it last changed. */
export const GET: APIRoute = ({ locals }) =>
  new Response(buildSitemapXml(gatherSitemapInput(locals.readModel), locals.publicUrl), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
