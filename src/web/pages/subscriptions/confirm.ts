import type { APIRoute } from 'astro';
import { handleConfirm, handleConfirmPage } from '../../lib/subscription-endpoints.ts';

export const GET: APIRoute = ({ request }) => handleConfirmPage(request);
export const POST: APIRoute = ({ request, locals }) => handleConfirm(request, locals.subscriptions);
