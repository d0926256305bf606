import { isValidCsrfToken } from '../../features/accounts/sessions.usecases.ts';
import { CSRF_FIELD, CSRF_HEADER, isStudioPath, needsCsrfToken, signInPathFor } from './studio-session.ts';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

async function csrfTokenIn(request: Request): Promise<string | null> {
  const header = request.headers.get(CSRF_HEADER);
  if (header !== null) return header;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!FORM_TYPES.some((form) => type.includes(form))) return null;
  try {
    const value = (await request.clone().formData()).get(CSRF_FIELD);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

function refuse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

/** A script's request (the editor's autosave) asks for JSON and not for a page it could show. */
function wantsJson(request: Request): boolean {
  const accept = (request.headers.get('accept') ?? '').toLowerCase();
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * Guards the studio before any page runs: anonymous visitors of /studio/** go to sign in (303,
 * with a same-site `next`; a script asking for JSON gets 401 with a message it can show instead,
 * since fetch would follow the redirect to a sign-in page it cannot read), and every POST that acts for a member must carry the session's CSRF
 * token (form field "csrf" or header x-csrf-token) besides passing the origin check.
 */
export async function guardStudio(request: Request, url: URL, locals: Pick<App.Locals, 'actor' | 'session'>): Promise<Response | null> {
  const path = url.pathname;
  if (isStudioPath(path) && !locals.actor) {
    if (wantsJson(request)) {
      return Response.json({ error: { code: 'studio.signed_out', message: 'You are signed out; sign in again in another tab, then save. Your changes are still in the form.' } }, { status: 401, headers: { 'cache-control': 'no-store' } });
    }
    return new Response(null, { status: 303, headers: { location: signInPathFor(`${path}${url.search}`), 'cache-control': 'no-store' } });
  }
  if (request.method !== 'POST' || !needsCsrfToken(path)) return null;
  if (!locals.session) return refuse(403, 'You are not signed in any more. Sign in again at /sign-in, then repeat what you did.');
  if (!isValidCsrfToken(locals.session.secret, await csrfTokenIn(request))) {
    return refuse(403, 'This form is out of date or did not come from your jobzone studio page (missing or wrong CSRF token). Reload the page and try again.');
  }
  return null;
}
