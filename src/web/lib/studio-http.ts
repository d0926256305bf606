import type { AstroGlobal } from 'astro';
import { PermissionDenied, type Actor } from '../../features/accounts/roles.ts';
import { RevisionError } from '../../features/revisions/revisions.errors.ts';
import { StudioError, type StudioErrorCode } from '../../features/studio/studio.errors.ts';

/** The one place studio error codes become HTTP statuses. */
const STATUS_OF: Record<StudioErrorCode, number> = {
  'studio.not_found': 404,
  'studio.invalid': 400,
  'studio.conflict': 409,
  'studio.refused': 409,
  'studio.rate_limited': 429,
};

/** What a failed studio action tells the person: a status and a message that says what to do. */
export interface StudioFailure {
  status: number;
  message: string;
}

/** Turns a refusal by a studio use case into a status and message; anything else is rethrown. */
export function studioFailureOf(error: unknown): StudioFailure {
  if (error instanceof StudioError) return { status: STATUS_OF[error.code], message: error.message };
  if (error instanceof PermissionDenied) return { status: 403, message: error.message };
  if (error instanceof RevisionError) return { status: error.code === 'revision.conflict' ? 409 : error.code === 'revision.not_found' ? 404 : 400, message: error.message };
  throw error;
}

/** The address of the sign-in page that brings the visitor back here. */
export function signInLocation(url: URL): string {
  return `/sign-in?next=${encodeURIComponent(`${url.pathname}${url.search}`.slice(0, 1_000))}`;
}

/**
 * Guards a studio page: never cached, and an anonymous visitor is sent to sign in (303) with the
 * page to come back to. Returns the signed-in member, or the redirect to answer with.
 */
export function guardStudioPage(astro: AstroGlobal): Actor | Response {
  astro.response.headers.set('cache-control', 'no-store, private');
  const actor = astro.locals.actor;
  if (!actor) return new Response(null, { status: 303, headers: { location: signInLocation(astro.url), 'cache-control': 'no-store' } });
  return actor;
}

const MAX_FORM_FIELDS = 2_000;

/** Reads a posted form as name/value pairs (files ignored), at most 2,000 fields; null when the body is not a form. */
export async function readFormEntries(request: Request): Promise<[string, string][] | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return null;
  try {
    const entries: [string, string][] = [];
    for (const [name, value] of await request.formData()) {
      if (typeof value !== 'string') continue;
      entries.push([name.slice(0, 200), value]);
      if (entries.length >= MAX_FORM_FIELDS) break;
    }
    return entries;
  } catch {
    return null;
  }
}

/** The first value of a field among posted entries. */
export function fieldOf(entries: readonly [string, string][], name: string): string | undefined {
  return entries.find(([key]) => key === name)?.[1];
}

/** The studio's dependencies from the locals the server gives every request: its store and rate limiter. */
export function studioStoreOf(locals: App.Locals) {
  return { db: locals.subscriptions.db, limiter: locals.subscriptions.limiter };
}
