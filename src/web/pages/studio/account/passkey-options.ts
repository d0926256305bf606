import type { APIRoute } from 'astro';
import { relyingPartyOf, startPasskeyRegistration } from '../../../../features/accounts/passkeys.usecases.ts';
import { json, jsonFailure } from '../../../lib/account-pages.ts';

/** Starts registering a passkey for the signed-in member (the middleware checked the session and its CSRF token). */
export const POST: APIRoute = async ({ locals }) => {
  const { actor, session, accounts } = locals;
  if (!actor || !session || !accounts) return json(401, { error: { code: 'account.unauthorized', message: 'Sign in first.' } });
  try {
    return json(200, await startPasskeyRegistration(accounts.db, actor, session.sessionId, relyingPartyOf(accounts.publicUrl)));
  } catch (error) {
    return jsonFailure(error);
  }
};
