import { assessmentName } from '../../methodology/seniority.ts';
import type { Database } from '../../store/database.ts';
import { slugify } from '../../shared/slug.ts';
import { enqueueConfirmation } from '../mail/mail.repository.ts';
import { clientNetworkOf } from '../rate-limits/client-network.ts';
import type { RateLimit, RateLimiter } from '../rate-limits/rate-limits.usecases.ts';
import { hashConfirmToken, newConfirmToken, verifyUnsubscribeToken } from './subscription-tokens.ts';
import { SubscriptionError } from './subscriptions.errors.ts';
import {
  confirmByTokenHash,
  findPendingTarget,
  findPublishedAssessment,
  listSubscriptionTargets,
  listCategories,
  requestSubscription,
  unsubscribeSigningKey,
  unsubscribeSubscriber,
  upsertSubscriber,
  type ConfirmedTarget,
  type ResolvedTarget,
} from './subscriptions.repository.ts';

export type { ConfirmedTarget };
import { SubscriberEmailSchema, type SubscriptionTarget } from './subscriptions.schemas.ts';

/** What the subscription use cases need: the store, a rate limiter, its limits, and a nudge for the mail worker. */
export interface SubscriptionDependencies {
  db: Database;
  limiter: RateLimiter;
  limits: { perAddress: RateLimit; perClient: RateLimit };
  /** Called after a confirmation email was queued, so a worker in this process can send it at once. */
  onMailQueued?: () => void;
  /**
   * Takes the store work of an accepted subscribe request so the answer need not wait for it: the
   * work differs for new, pending and confirmed addresses, and its duration must not tell which.
   * Without it, the request waits for the work.
   */
  runInBackground?: (work: Promise<void>) => void;
}

/** Three requests per address at once, then one every 20 minutes; twenty per client, then one every 30 seconds. */
export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionDependencies['limits'] = {
  perAddress: { capacity: 3, refillSeconds: 20 * 60 },
  perClient: { capacity: 20, refillSeconds: 30 },
};

/** How long a confirmation link works. */
export const CONFIRMATION_VALID_DAYS = 7;

/** The one answer to every accepted subscribe request, so it never tells whether the address was already subscribed. */
export const SUBSCRIBE_ACCEPTED_MESSAGE =
  'Thanks. Check your inbox: unless this address already gets these updates, we have sent it a link to confirm. Updates start once the link is clicked.';

function parseEmail(email: unknown): string {
  const parsed = SubscriberEmailSchema.safeParse(email);
  if (!parsed.success) throw new SubscriptionError('subscription.invalid_email', parsed.error.issues[0]?.message ?? 'Enter a valid email address.');
  return parsed.data;
}

async function resolveTarget(db: Database, target: SubscriptionTarget): Promise<ResolvedTarget> {
  if (target.kind === 'assessment') {
    const found = await findPublishedAssessment(db, target.roleSlug, target.seniority);
    if (!found) throw new SubscriptionError('subscription.not_found', `There is no published assessment at /roles/${target.roleSlug}/${target.seniority}; check the address of the page.`);
    return { kind: 'assessment', assessmentId: found.id, description: assessmentName(found.title, target.seniority) };
  }
  const category = (await listCategories(db)).find((name) => slugify(name) === target.categorySlug);
  if (!category) throw new SubscriptionError('subscription.not_found', `There is no category "${target.categorySlug}"; check the address of the page.`);
  return { kind: 'category', category, description: `the ${category} category` };
}

function minutes(seconds: number): string {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return count === 1 ? 'a minute' : `${count} minutes`;
}

async function takeRateLimit(deps: SubscriptionDependencies, email: string, clientAddress: string): Promise<void> {
  const clientWait = await deps.limiter.take('subscribe.client', clientNetworkOf(clientAddress), deps.limits.perClient);
  if (clientWait > 0) {
    throw new SubscriptionError('subscription.rate_limited', `Too many subscribe requests from your network. Please try again in ${minutes(clientWait)}.`, clientWait);
  }
  const addressWait = await deps.limiter.take('subscribe.address', email, deps.limits.perAddress);
  if (addressWait > 0) {
    throw new SubscriptionError('subscription.rate_limited', `Too many subscribe requests for this email address. Please try again in ${minutes(addressWait)}.`, addressWait);
  }
}

/**
 * Accepts a subscribe request for an assessment or a category with double opt-in, checking
 * everything that does not depend on the address's state (the address, the limits, the target),
 * and returns the one answer together with the store work still to do: a new, pending or
 * unsubscribed request queues a confirmation email; a confirmed one changes nothing.
 */
export async function acceptSubscribeRequest(
  deps: SubscriptionDependencies,
  request: { email: unknown; target: SubscriptionTarget; clientAddress: string },
): Promise<{ message: string; recorded: Promise<void> }> {
  const email = parseEmail(request.email);
  await takeRateLimit(deps, email, request.clientAddress);
  const target = await resolveTarget(deps.db, request.target);
  const token = newConfirmToken();
  const recorded = deps.db
    .transaction(async (transaction) => {
      const subscriberId = await upsertSubscriber(transaction, email);
      const subscription = await requestSubscription(transaction, subscriberId, target, hashConfirmToken(token));
      if (subscription.status !== 'pending') return false;
      await enqueueConfirmation(transaction, { subscriberId, subscriptionId: subscription.id, token });
      return true;
    })
    .then((queued) => {
      if (queued) deps.onMailQueued?.();
    });
  return { message: SUBSCRIBE_ACCEPTED_MESSAGE, recorded };
}

/** Subscribes an address (see `acceptSubscribeRequest`), answering once the request is stored, or at once when the dependencies run store work in the background. */
export async function subscribe(deps: SubscriptionDependencies, request: { email: unknown; target: SubscriptionTarget; clientAddress: string }): Promise<{ message: string }> {
  const { message, recorded } = await acceptSubscribeRequest(deps, request);
  if (deps.runInBackground) deps.runInBackground(recorded);
  else await recorded;
  return { message };
}

const isToken = (token: unknown): token is string => typeof token === 'string' && token.length > 0 && token.length <= 100;

/** Tells what a confirmation link would subscribe to, without confirming it (mail scanners open links); null when the link does not work. */
export async function previewConfirmation(db: Database, token: unknown): Promise<ConfirmedTarget | null> {
  return isToken(token) ? findPendingTarget(db, hashConfirmToken(token)) : null;
}

/** Lists what the address of an unsubscribe link follows, without changing anything; null when the link does not verify. */
export async function previewUnsubscribe(db: Database, token: unknown): Promise<ConfirmedTarget[] | null> {
  const subscriberId = typeof token === 'string' ? verifyUnsubscribeToken(await unsubscribeSigningKey(db), token) : null;
  return subscriberId === null ? null : listSubscriptionTargets(db, subscriberId);
}

/** Confirms a subscription from the token in its confirmation link; returns what it follows. */
export async function confirmSubscription(db: Database, token: unknown): Promise<{ description: string; target: ConfirmedTarget }> {
  const confirmed = isToken(token) ? await confirmByTokenHash(db, hashConfirmToken(token), CONFIRMATION_VALID_DAYS) : null;
  if (!confirmed) {
    throw new SubscriptionError(
      'subscription.invalid_token',
      `This confirmation link does not work any more: it was already used, replaced by a newer one, or is older than ${CONFIRMATION_VALID_DAYS} days. Subscribe again to get a new link.`,
    );
  }
  return { description: confirmed.category === null ? assessmentName(confirmed.title, confirmed.seniority) : `the ${confirmed.category} category`, target: confirmed };
}

/** Unsubscribes the address an unsubscribe link was made for from every update and returns what it followed; repeating it is harmless. */
export async function unsubscribe(db: Database, token: unknown): Promise<ConfirmedTarget[]> {
  const subscriberId = typeof token === 'string' ? verifyUnsubscribeToken(await unsubscribeSigningKey(db), token) : null;
  if (subscriberId === null) {
    throw new SubscriptionError('subscription.invalid_token', 'This unsubscribe link is incomplete or was changed. Open the link from the email again, or copy the whole address into your browser.');
  }
  const followed = await listSubscriptionTargets(db, subscriberId);
  await unsubscribeSubscriber(db, subscriberId);
  return followed;
}
