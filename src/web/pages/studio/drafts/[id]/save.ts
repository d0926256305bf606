import type { APIRoute } from 'astro';
import { saveDraft } from '../../../../../features/studio/drafts.usecases.ts';
import { studioFailureOf, studioStoreOf } from '../../../../lib/studio-http.ts';

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/** POST /studio/drafts/:id/save: the editor's autosave, JSON { version, document, note, isCorrection } → { version }, or 409 when someone saved meanwhile. */
export const POST: APIRoute = async ({ request, params, locals, url }) => {
  // The studio guard answers a signed-out autosave with 401 before this route runs.
  const actor = locals.actor;
  if (!actor) throw new Error('studio guard let a signed-out request reach the autosave');
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== url.origin && origin !== new URL(locals.publicUrl).origin) return json(403, { error: { code: 'studio.cross_site', message: 'Drafts can only be saved from jobzone pages.' } });
  let body: { version?: unknown; document?: unknown; note?: unknown; isCorrection?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return json(400, { error: { code: 'studio.invalid', message: 'The body must be JSON: { "version": n, "document": {...} }.' } });
  }
  if (body === null || typeof body !== 'object') return json(400, { error: { code: 'studio.invalid', message: 'The body must be a JSON object.' } });
  try {
    const saved = await saveDraft(studioStoreOf(locals).db, actor, params.id, {
      expectedVersion: Number(body.version),
      document: body.document,
      note: body.note,
      ...(typeof body.isCorrection === 'boolean' ? { isCorrection: body.isCorrection } : {}),
    });
    return json(200, { version: saved.version });
  } catch (error) {
    const failure = studioFailureOf(error);
    return json(failure.status, { error: { message: failure.message } });
  }
};
