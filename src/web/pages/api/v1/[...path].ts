import type { APIRoute } from 'astro';
import { answerApiRequest } from '../../../../features/open-data/api-http.ts';

/** Every /api/v1 route: the routing, limits, ETags, CORS and problem documents live in the tested open-data feature. */
export const ALL: APIRoute = ({ request, locals }) =>
  answerApiRequest(request, { model: locals.readModel, publicUrl: locals.publicUrl, clientAddress: locals.clientAddress, limiter: locals.api.limiter, limits: locals.api.limits });
