import type { AstroCookies } from 'astro';
import { AccountError, ACCOUNT_ERROR_STATUS } from '../../features/accounts/accounts.errors.ts';
import type { SignedIn, SignInDependencies } from '../../features/accounts/sign-in.usecases.ts';
import { PASSKEY_CHALLENGE_COOKIE, safeNextPath, SESSION_COOKIE, sessionCookieOptions } from './studio-session.ts';

/** What a page shows after a failed account action: the status and the message beside the form. */
export interface ShownFailure {
  status: number;
  message: string;
}

/** Turns an account error into what the page shows; anything else is a fault and is rethrown. */
export function failureOf(error: unknown): ShownFailure {
  if (error instanceof AccountError) return { status: ACCOUNT_ERROR_STATUS[error.code], message: error.message };
  throw error;
}

/** Reads one text field of a submitted form, bounded; null when absent. */
export async function formFields(request: Request): Promise<(name: string) => string | null> {
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    form = null;
  }
  return (name) => {
    const value = form?.get(name);
    return typeof value === 'string' ? value.slice(0, 2_000) : null;
  };
}

/** Reads a JSON body as an object (the passkey endpoints); null when it is not one. */
export async function jsonBody(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const parsed: unknown = await request.json();
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Gives the browser its new session cookie (a new secret at every sign-in) and forgets a passkey challenge. */
export function setSessionCookie(cookies: AstroCookies, accounts: SignInDependencies, signedIn: SignedIn): void {
  cookies.set(SESSION_COOKIE, signedIn.sessionSecret, sessionCookieOptions(accounts.publicUrl, accounts.lifetime.maxDays * 86_400));
  cookies.delete(PASSKEY_CHALLENGE_COOKIE, { path: '/sign-in' });
}

/** Forgets the session cookie. */
export function clearSessionCookie(cookies: AstroCookies, publicUrl: string): void {
  cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: publicUrl.startsWith('https:') });
}

/** A JSON answer that no cache keeps. */
export function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/** A JSON error answer from an account error (rethrows anything else). */
export function jsonFailure(error: unknown): Response {
  const failure = failureOf(error);
  return json(failure.status, { error: { code: error instanceof AccountError ? error.code : 'account.invalid', message: failure.message } });
}

export { safeNextPath };
