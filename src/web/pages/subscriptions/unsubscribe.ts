import type { APIRoute } from 'astro';
import { handleUnsubscribe, handleUnsubscribePage } from '../../lib/subscription-endpoints.ts';

export const GET: APIRoute = ({ request }) => handleUnsubscribePage(request);
export const POST: APIRoute = ({ request, locals }) => handleUnsubscribe(request, locals.subscriptions);
