import { escapeHtml } from '../../presentation/escape.ts';
import { SubscriptionError, type SubscriptionErrorCode } from '../../features/subscriptions/subscriptions.errors.ts';
import type { SubscriptionTarget } from '../../features/subscriptions/subscriptions.schemas.ts';
import {
  CONFIRMATION_VALID_DAYS,
  confirmSubscription,
  previewConfirmation,
  previewUnsubscribe,
  subscribe,
  unsubscribe,
  type SubscriptionDependencies,
} from '../../features/subscriptions/subscriptions.usecases.ts';
import { assessmentName } from '../../presentation/seniority-labels.ts';
import { linksToTargets, linkToTarget, type SubscriptionPageView } from '../../presentation/site-pages/subscription-view.ts';

/** The one place subscription error codes become HTTP statuses. */
const STATUS_OF: Record<SubscriptionErrorCode, number> = {
  'subscription.invalid_email': 400,
  'subscription.not_found': 404,
  'subscription.rate_limited': 429,
  'subscription.invalid_token': 400,
};

function wantsJson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('application/json') && !(request.headers.get('accept') ?? '').includes('text/html');
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · jobzone</title></head><body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 2rem auto; padding: 0 1rem; line-height: 1.5"><h1>${escapeHtml(title)}</h1>${body}<p><a href="/">Back to jobzone</a></p></body></html>`;
}

function respond(request: Request, status: number, title: string, message: string, extra: { headers?: Record<string, string>; html?: string; code?: string } = {}): Response {
  const headers = { 'cache-control': 'no-store', ...extra.headers };
  if (wantsJson(request)) {
    return Response.json(status < 400 ? { message } : { error: { code: extra.code, message } }, { status, headers });
  }
  return new Response(page(title, extra.html ?? `<p>${escapeHtml(message)}</p>`), { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}

function respondError(request: Request, error: unknown): Response {
  if (!(error instanceof SubscriptionError)) throw error;
  const headers: Record<string, string> = error.retryAfterSeconds === undefined ? {} : { 'retry-after': String(error.retryAfterSeconds) };
  const title = error.code === 'subscription.rate_limited' ? 'Please wait a moment' : error.code === 'subscription.invalid_token' ? 'This link does not work' : 'We could not subscribe you';
  return respond(request, STATUS_OF[error.code], title, error.message, { headers, code: error.code });
}

async function readField(request: Request, name: string): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.includes('application/json')) return ((await request.json()) as Record<string, unknown> | null)?.[name];
    if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) return (await request.formData()).get(name) ?? undefined;
  } catch {
    return undefined;
  }
  return undefined;
}

const OUTCOME_OF: Partial<Record<SubscriptionErrorCode, string>> = { 'subscription.invalid_email': 'invalid', 'subscription.rate_limited': 'limited' };

// A browser's form post goes back to the page it came from, which shows the outcome beside the form.
function isBrowserFormPost(request: Request): boolean {
  return (request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded') && (request.headers.get('accept') ?? '').includes('text/html');
}

function backTo(returnTo: string, outcome: string): Response {
  return new Response(null, { status: 303, headers: { location: `${returnTo}?subscribe=${outcome}#get-updates`, 'cache-control': 'no-store' } });
}

/**
 * Answers POST …/subscribe: reads the `email` field (form or JSON) and answers the same whatever the
 * address's state — 202 with a message, or for a browser form a 303 back to `returnTo` with the outcome.
 */
export async function handleSubscribe(request: Request, clientAddress: string, deps: SubscriptionDependencies, target: SubscriptionTarget, returnTo?: string): Promise<Response> {
  const redirect = returnTo !== undefined && isBrowserFormPost(request);
  try {
    const { message } = await subscribe(deps, { email: await readField(request, 'email'), target, clientAddress });
    return redirect ? backTo(returnTo, 'sent') : respond(request, 202, 'Check your inbox', message);
  } catch (error) {
    const outcome = error instanceof SubscriptionError ? OUTCOME_OF[error.code] : undefined;
    return redirect && outcome ? backTo(returnTo, outcome) : respondError(request, error);
  }
}

function pageOfError(error: unknown): SubscriptionPageView {
  if (!(error instanceof SubscriptionError)) throw error;
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...(error.retryAfterSeconds === undefined ? {} : { 'retry-after': String(error.retryAfterSeconds) }) };
  const title = error.code === 'subscription.invalid_token' ? 'This link does not work' : 'We could not do that';
  return { status: STATUS_OF[error.code], title, message: error.message, form: null, links: [], headers, code: error.code };
}

const NO_STORE = { 'cache-control': 'no-store' };
const tokenOf = (request: Request) => new URL(request.url).searchParams.get('token') ?? '';
const actionOf = (token: string) => `?token=${encodeURIComponent(token.slice(0, 200))}`;

/** Tells whether a subscription page request wants JSON (an API client) rather than the page. */
export function wantsJsonPage(request: Request): boolean {
  return wantsJson(request);
}

/** Answers an API client with the page's outcome as JSON: `{ message }`, or `{ error: { code, message } }`. */
export function jsonOfPage(view: SubscriptionPageView): Response {
  return Response.json(view.status < 400 ? { message: view.message } : { error: { code: view.code, message: view.message } }, { status: view.status, headers: view.headers });
}

/**
 * Builds GET /subscriptions/confirm?token=…: one button that POSTs to the same address, because mail
 * scanners open every link in a message and must not confirm on the reader's behalf. It names the
 * role the link is for and links back to it.
 */
export async function confirmPageView(request: Request, deps: Pick<SubscriptionDependencies, 'db'>): Promise<SubscriptionPageView> {
  const token = tokenOf(request);
  const target = await previewConfirmation(deps.db, token);
  if (!target) return pageOfError(new SubscriptionError('subscription.invalid_token', `This confirmation link does not work any more: it was already used, replaced by a newer one, or is older than ${CONFIRMATION_VALID_DAYS} days. Subscribe again on the page of the role to get a new link.`));
  const name = target.category === null ? assessmentName(target.title, target.seniority) : `the ${target.category} category`;
  return { status: 200, title: 'Confirm your subscription', message: `Start getting an email whenever the assessment of ${name} changes?`, form: { action: actionOf(token), button: 'Confirm my subscription', oneClick: false }, links: [linkToTarget(target)], headers: NO_STORE };
}

/** Answers POST /subscriptions/confirm?token=… (the confirmation page's button): confirms the subscription the link was sent for. */
export async function confirmView(request: Request, deps: Pick<SubscriptionDependencies, 'db'>): Promise<SubscriptionPageView> {
  try {
    const { description, target } = await confirmSubscription(deps.db, tokenOf(request));
    return { status: 200, title: 'Subscription confirmed', message: `You will get an email when the assessment of ${description} changes. Every email has a link to stop them.`, form: null, links: [linkToTarget(target)], headers: NO_STORE };
  } catch (error) {
    return pageOfError(error);
  }
}

/**
 * Builds GET /subscriptions/unsubscribe?token=…: one button, because mail scanners open links; the
 * button, and mail clients using the RFC 8058 header, POST to the same address.
 */
export async function unsubscribePageView(request: Request, deps: Pick<SubscriptionDependencies, 'db'>): Promise<SubscriptionPageView> {
  const token = tokenOf(request);
  const followed = await previewUnsubscribe(deps.db, token);
  if (followed === null) return pageOfError(new SubscriptionError('subscription.invalid_token', UNSUBSCRIBE_LINK_BROKEN));
  return { status: 200, title: 'Unsubscribe', message: 'Stop every jobzone update email to this address?', form: { action: actionOf(token), button: 'Unsubscribe', oneClick: true }, links: linksToTargets(followed), headers: NO_STORE };
}

const UNSUBSCRIBE_LINK_BROKEN = 'This unsubscribe link is incomplete or was changed. Open the link from the email again, or copy the whole address into your browser.';

/** Answers POST /subscriptions/unsubscribe?token=… (RFC 8058 one-click, or the page's button): unsubscribes at once. */
export async function unsubscribeView(request: Request, deps: Pick<SubscriptionDependencies, 'db'>): Promise<SubscriptionPageView> {
  try {
    const followed = await unsubscribe(deps.db, tokenOf(request));
    return { status: 200, title: 'You are unsubscribed', message: 'You will get no more update emails from jobzone. To follow an assessment again, subscribe on its page.', form: null, links: linksToTargets(followed), headers: NO_STORE };
  } catch (error) {
    return pageOfError(error);
  }
}
