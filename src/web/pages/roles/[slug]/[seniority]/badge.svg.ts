import type { APIRoute } from 'astro';
import { answerBadge } from '../../../../../presentation/open-data/embed-answers.ts';

/** GET /roles/<slug>/<seniority>/badge.svg: the assessment's score and zone as a small accessible SVG badge. */
export const GET: APIRoute = ({ locals, params, request }) => answerBadge(locals.readModel, params.slug ?? '', params.seniority ?? '', request);
