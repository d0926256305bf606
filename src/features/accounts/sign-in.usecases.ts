import type { Database } from '../../store/database.ts';
import { enqueueSignInLink } from '../mail/mail.repository.ts';
import { clientNetworkOf } from '../rate-limits/client-network.ts';
import type { RateLimit, RateLimiter } from '../rate-limits/rate-limits.usecases.ts';
import { findActiveActor, findMemberByEmail } from './accounts.repository.ts';
import { AccountError } from './accounts.errors.ts';
import { parseMemberEmail } from './accounts.schemas.ts';
import { appendAudit } from './audit-log.ts';
import type { Actor } from './roles.ts';
import { consumeSignInLink, createSignInLink } from './sign-in-links.ts';
import { openSession, replaceSession, type SessionLifetime } from './sessions.usecases.ts';

/** What the sign-in use cases need: the store, the store-backed rate limiter and its limits, session lifetimes, and the mail worker's nudge. */
export interface SignInDependencies {
  db: Database;
  limiter: RateLimiter;
  limits: { perAddress: RateLimit; perClient: RateLimit };
  lifetime: SessionLifetime;
  /** The site's public address: the passkey relying party is its host. */
  publicUrl: string;
  onMailQueued?: () => void;
  /**
   * Takes the store work of a link request so the answer does not wait for it: the work differs for
   * members and strangers, and its duration must not tell which. Without it, the request waits.
   */
  runInBackground?: (work: Promise<void>) => void;
}

/**
 * Five link requests per address at once, then one every 5 minutes (nobody's mailbox is flooded);
 * thirty sign-in attempts per client network, then one every 10 seconds (tokens are 256 bits, so
 * this bounds store writes rather than guessing; an office behind one address still gets in).
 */
export const DEFAULT_SIGN_IN_LIMITS: SignInDependencies['limits'] = {
  perAddress: { capacity: 5, refillSeconds: 5 * 60 },
  perClient: { capacity: 30, refillSeconds: 10 },
};

/** The one answer to every accepted link request, so it never tells whether the address belongs to a member. */
export const SIGN_IN_LINK_SENT_MESSAGE = 'Check your inbox. If this address belongs to a member of the jobzone team, we have sent it a sign-in link that works once within 15 minutes.';

/** A successful sign-in: who, and the secret of the new session for the cookie. */
export interface SignedIn {
  actor: Actor;
  sessionSecret: string;
}

function minutes(seconds: number): string {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return count === 1 ? 'a minute' : `${count} minutes`;
}

/** Takes one sign-in attempt from the client network's bucket, or raises account.rate_limited. */
export async function limitSignInAttempts(deps: Pick<SignInDependencies, 'limiter' | 'limits'>, clientAddress: string): Promise<void> {
  const wait = await deps.limiter.take('sign-in.client', clientNetworkOf(clientAddress), deps.limits.perClient);
  if (wait > 0) throw new AccountError('account.rate_limited', `Too many sign-in attempts from your network. Please try again in ${minutes(wait)}.`, wait);
}

/** Mails a sign-in link to a member; answers exactly the same, after the same store work, for any other address. */
export async function requestSignInLink(deps: SignInDependencies, input: { email: unknown }, clientAddress: string): Promise<string> {
  const email = parseMemberEmail(input.email);
  await limitSignInAttempts(deps, clientAddress);
  const wait = await deps.limiter.take('sign-in.address', email, deps.limits.perAddress);
  if (wait > 0) throw new AccountError('account.rate_limited', `Too many sign-in links were asked for this address. Please try again in ${minutes(wait)}.`, wait);
  const work = sendLinkIfMember(deps, email);
  if (deps.runInBackground) deps.runInBackground(work);
  else await work;
  return SIGN_IN_LINK_SENT_MESSAGE;
}

async function sendLinkIfMember(deps: SignInDependencies, email: string): Promise<void> {
  const queued = await deps.db.transaction(async (tx) => {
    const member = await findMemberByEmail(tx, email);
    if (!member || member.removedAt !== null) {
      await appendAudit(tx, { actor: null, actorLabel: email, action: 'session.sign-in-failed', subject: 'sign-in', details: { method: 'link-request', reason: 'not a member' } });
      return false;
    }
    const token = await createSignInLink(tx, member.id);
    await enqueueSignInLink(tx, { userId: member.id, token });
    await appendAudit(tx, { actor: null, actorLabel: email, action: 'session.link-sent', subject: `user:${member.id}` });
    return true;
  });
  if (queued) deps.onMailQueued?.();
}

/** Signs in with an emailed link: uses it up, opens a new session (ending the browser's previous one), and records the attempt either way. */
export async function signInWithLink(deps: SignInDependencies, input: { token: unknown; previousSessionSecret: string | null }, clientAddress: string): Promise<SignedIn> {
  await limitSignInAttempts(deps, clientAddress);
  const token = typeof input.token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(input.token) ? input.token : null;
  const signedIn = await deps.db.transaction(async (tx) => {
    const userId = token === null ? null : await consumeSignInLink(tx, token);
    const actor = userId === null ? null : await findActiveActor(tx, userId);
    if (!actor) return null;
    const sessionSecret = await openSession(tx, actor.userId);
    await replaceSession(tx, input.previousSessionSecret, sessionSecret);
    await appendAudit(tx, { actor, action: 'session.signed-in', subject: `user:${actor.userId}`, details: { method: 'link' } });
    return { actor, sessionSecret };
  });
  if (signedIn) return signedIn;
  await appendAudit(deps.db, { actor: null, actorLabel: 'anonymous', action: 'session.sign-in-failed', subject: 'sign-in', details: { method: 'link', reason: 'unknown, used or expired link' } });
  throw new AccountError('account.link_invalid', 'This sign-in link has expired or was already used. Ask for a new one below; each link works once, within 15 minutes.');
}
