import type { APIRoute } from 'astro';
import { feedResponse } from '../../../../presentation/feeds/feed-response.ts';
import { gatherFeedInput } from '../../../../features/history-pages/feed-input.ts';

/** GET /feeds/roles/<role-slug>.atom: the published changes of one role at every level. */
export const GET: APIRoute = ({ locals, params }) => feedResponse(gatherFeedInput(locals.readModel, 'role', params.slug ?? ''), locals.publicUrl);
