import type { APIRoute } from 'astro';
import { relyingPartyOf, startPasskeySignIn } from '../../../features/accounts/passkeys.usecases.ts';
import { limitSignInAttempts } from '../../../features/accounts/sign-in.usecases.ts';
import { json, jsonFailure } from '../../lib/account-pages.ts';
import { PASSKEY_CHALLENGE_COOKIE } from '../../lib/studio-session.ts';

/** Starts a passkey sign-in: the options for navigator.credentials.get, and a cookie naming the stored challenge. */
export const POST: APIRoute = async ({ locals, cookies }) => {
  const accounts = locals.accounts;
  if (!accounts) return json(503, { error: { code: 'account.unavailable', message: 'Sign-in is not available on this server.' } });
  try {
    await limitSignInAttempts(accounts, locals.clientAddress);
    const { options, challengeSecret } = await startPasskeySignIn(accounts.db, relyingPartyOf(accounts.publicUrl));
    cookies.set(PASSKEY_CHALLENGE_COOKIE, challengeSecret, { httpOnly: true, sameSite: 'strict', secure: accounts.publicUrl.startsWith('https:'), path: '/sign-in', maxAge: 300 });
    return json(200, options);
  } catch (error) {
    return jsonFailure(error);
  }
};
