import type { APIRoute } from 'astro';
import { finishPasskeyRegistration, relyingPartyOf } from '../../../../features/accounts/passkeys.usecases.ts';
import { json, jsonBody, jsonFailure } from '../../../lib/account-pages.ts';

/** Finishes registering a passkey: checks the authenticator's answer against the session's challenge and stores it. */
export const POST: APIRoute = async ({ request, locals }) => {
  const { actor, session, accounts } = locals;
  if (!actor || !session || !accounts) return json(401, { error: { code: 'account.unauthorized', message: 'Sign in first.' } });
  const body = await jsonBody(request);
  try {
    return json(201, await finishPasskeyRegistration(accounts.db, actor, session.sessionId, relyingPartyOf(accounts.publicUrl), { credential: body?.credential, name: body?.name }));
  } catch (error) {
    return jsonFailure(error);
  }
};
