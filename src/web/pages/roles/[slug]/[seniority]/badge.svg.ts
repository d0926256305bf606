import type { APIRoute } from 'astro';
import { answerBadge } from '../../../../../presentation/open-data/embed-answers.ts';
import { gatherAssessmentAt } from '../../../../../features/read-model/assessment-at.ts';

/** GET /roles/<slug>/<seniority>/badge.svg: the assessment's score and zone as a small accessible SVG badge. */
export const GET: APIRoute = ({ locals, params, request }) => answerBadge(gatherAssessmentAt(locals.readModel, params.slug ?? '', params.seniority ?? ''), request);
