import type { APIRoute } from 'astro';
import { feedResponse } from '../../../../presentation/feeds/feed-response.ts';

/** GET /feeds/roles/<role-slug>.atom: the published changes of one role at every level. */
export const GET: APIRoute = ({ locals, params }) => feedResponse(locals.readModel, 'role', params.slug ?? '', locals.publicUrl);
