import { CodedError } from '../../shared/coded-error.ts';

/** The closed set of subscription error codes; the web endpoints map each to an HTTP status. */
export type SubscriptionErrorCode = 'subscription.invalid_email' | 'subscription.not_found' | 'subscription.rate_limited' | 'subscription.invalid_token';

/** Raised by the subscription use cases with a code and a message that says what to do. */
export class SubscriptionError extends CodedError<SubscriptionErrorCode> {}
