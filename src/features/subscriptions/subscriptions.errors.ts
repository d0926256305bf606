/** The closed set of subscription error codes; the web endpoints map each to an HTTP status. */
export type SubscriptionErrorCode = 'subscription.invalid_email' | 'subscription.not_found' | 'subscription.rate_limited' | 'subscription.invalid_token';

/** Raised by the subscription use cases with a code and a message that says what to do. */
export class SubscriptionError extends Error {
  readonly code: SubscriptionErrorCode;
  /** For `subscription.rate_limited`: seconds until a new request is accepted. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: SubscriptionErrorCode, message: string, retryAfterSeconds?: number) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
