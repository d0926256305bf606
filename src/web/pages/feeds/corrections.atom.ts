import type { APIRoute } from 'astro';
import { listCorrections } from '../../../features/studio/corrections.usecases.ts';
import { correctionsFeed } from '../../../presentation/feeds/corrections-feed.ts';
import { studioStoreOf } from '../../lib/studio-http.ts';

/** GET /feeds/corrections.atom: published corrections, newest first. */
export const GET: APIRoute = async ({ locals }) =>
  new Response(correctionsFeed(await listCorrections(studioStoreOf(locals).db), locals.publicUrl), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
