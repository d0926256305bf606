import type { APIRoute } from 'astro';
import { signInWithPasskey } from '../../../features/accounts/passkeys.usecases.ts';
import { json, jsonBody, jsonFailure, safeNextPath, setSessionCookie } from '../../lib/account-pages.ts';
import { PASSKEY_CHALLENGE_COOKIE, SESSION_COOKIE } from '../../lib/studio-session.ts';

/** Finishes a passkey sign-in: verifies the browser's answer against the stored challenge, then sets a new session cookie. */
export const POST: APIRoute = async ({ request, locals, cookies }) => {
  const accounts = locals.accounts;
  if (!accounts) return json(503, { error: { code: 'account.unavailable', message: 'Sign-in is not available on this server.' } });
  const body = await jsonBody(request);
  try {
    const signedIn = await signInWithPasskey(
      accounts,
      { challengeSecret: cookies.get(PASSKEY_CHALLENGE_COOKIE)?.value ?? null, credential: body?.credential, previousSessionSecret: cookies.get(SESSION_COOKIE)?.value ?? null },
      locals.clientAddress,
    );
    setSessionCookie(cookies, accounts, signedIn);
    return json(200, { location: safeNextPath(typeof body?.next === 'string' ? body.next : null) });
  } catch (error) {
    return jsonFailure(error);
  }
};
