import type { APIRoute } from 'astro';
import { answerSnapshotFile } from '../../../../../features/open-data/open-data.usecases.ts';
import { notFoundFile } from '../../../../../presentation/open-data/data-page-view.ts';

/** GET /data/snapshots/<YYYY-MM>/<file>: a file as it was published on the first build of that month. */
export const GET: APIRoute = async ({ locals, params, request }) =>
  (await answerSnapshotFile(locals.openData, params.month ?? '', params.file ?? '', request)) ?? notFoundFile(`snapshots/${params.month ?? ''}/${params.file ?? ''}`);
