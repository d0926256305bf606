import type { APIRoute } from 'astro';
import { answerCurrentFile } from '../../../features/open-data/open-data.usecases.ts';
import { notFoundFile } from '../../../presentation/open-data/data-page-view.ts';

/** GET /data/<file>: a bulk file of the current read model (CSV, its metadata sidecar, or JSON Lines). */
export const GET: APIRoute = async ({ locals, params, request }) =>
  (await answerCurrentFile(locals.openData, locals.readModel, params.file ?? '', request)) ?? notFoundFile(params.file ?? '');
