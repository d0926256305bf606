/**
 * An error a use case raises on purpose: a code from the feature's closed set (which the interfaces
 * map to an HTTP status or exit code) and a message fit to show, plus how long to wait when refused
 * for going too fast. Each feature subclasses it, so `instanceof` still tells the features apart.
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code;
  /** Seconds until a new request is accepted, for rate-limited refusals. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: Code, message: string, retryAfterSeconds?: number) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
