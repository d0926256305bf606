import type { APIRoute } from 'astro';
import { handleConfirm } from '../../lib/subscription-endpoints.ts';

export const GET: APIRoute = ({ request, locals }) => handleConfirm(request, locals.subscriptions);
