import type { APIRoute } from 'astro';
import { feedResponse } from '../../../../presentation/feeds/feed-response.ts';
import { gatherFeedInput } from '../../../../features/history-pages/feed-input.ts';

/** GET /feeds/categories/<category-slug>.atom: the published changes in one category. */
export const GET: APIRoute = ({ locals, params }) => feedResponse(gatherFeedInput(locals.readModel, 'category', params.category ?? ''), locals.publicUrl);
