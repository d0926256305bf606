import type { APIRoute } from 'astro';
import { handleSubscribe } from '../../../../lib/subscription-endpoints.ts';

export const POST: APIRoute = ({ request, params, locals }) =>
  handleSubscribe(
    request,
    locals.clientAddress,
    locals.subscriptions,
    { kind: 'assessment', roleSlug: params.slug ?? '', seniority: params.seniority ?? '' },
    `/roles/${encodeURIComponent(params.slug ?? '')}/${encodeURIComponent(params.seniority ?? '')}`,
  );
