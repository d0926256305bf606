import type { APIRoute } from 'astro';
import { feedResponse } from '../../../presentation/feeds/feed-response.ts';
import { gatherFeedInput } from '../../../features/history-pages/feed-input.ts';

/** GET /feeds/all.atom: every published change, newest first. */
export const GET: APIRoute = ({ locals }) => feedResponse(gatherFeedInput(locals.readModel, 'all', ''), locals.publicUrl);
