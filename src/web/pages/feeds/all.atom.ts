import type { APIRoute } from 'astro';
import { feedResponse } from '../../../presentation/feeds/feed-response.ts';

/** GET /feeds/all.atom: every published change, newest first. */
export const GET: APIRoute = ({ locals }) => feedResponse(locals.readModel, 'all', '', locals.publicUrl);
