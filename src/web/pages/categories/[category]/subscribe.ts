import type { APIRoute } from 'astro';
import { handleSubscribe } from '../../../lib/subscription-endpoints.ts';

export const POST: APIRoute = ({ request, params, locals }) =>
  handleSubscribe(
    request,
    locals.clientAddress,
    locals.subscriptions,
    { kind: 'category', categorySlug: params.category ?? '' },
    `/browse/${encodeURIComponent(params.category ?? '')}`,
  );
