import type { Database } from '../../store/database.ts';
import { deleteFullBuckets, takeToken } from './rate-limits.repository.ts';
import type { RateLimit } from './rate-limits.schemas.ts';

export type { RateLimit } from './rate-limits.schemas.ts';

/** Counts requests per key in the store, so limits hold across restarts and across every process on the same database. */
export interface RateLimiter {
  /** Takes one request from the bucket of `namespace` + `subject`; resolves to the seconds to wait, or 0 when allowed. */
  take: (namespace: string, subject: string, limit: RateLimit) => Promise<number>;
  /** Like take, and also says how many whole requests are left, for RateLimit response headers. */
  check: (namespace: string, subject: string, limit: RateLimit) => Promise<RateLimitState>;
}

/** The outcome of one request against a limit. */
export interface RateLimitState {
  /** Seconds to wait before a request is allowed; 0 when this one was. */
  waitSeconds: number;
  /** Whole requests still allowed at once after this one. */
  remaining: number;
}

export interface RateLimiterOptions {
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** Full buckets are deleted on every this-many-th call of this process (any namespace: fullness is per row). */
  pruneEvery?: number;
}

const NAMESPACE = /^[a-z][a-z0-9_.-]{0,39}$/;
const MAX_SUBJECT_LENGTH = 320;

/** Raised for a limit or key a programmer got wrong; never caused by a request. */
export class RateLimitSetupError extends Error {}

function checkLimit(namespace: string, limit: RateLimit): void {
  if (!NAMESPACE.test(namespace)) throw new RateLimitSetupError(`rate limit namespace "${namespace}" must be 1-40 lower-case letters, digits, ".", "_" or "-"`);
  if (!(Number.isInteger(limit.capacity) && limit.capacity >= 1 && limit.refillSeconds > 0)) {
    throw new RateLimitSetupError(`rate limit "${namespace}" needs a whole capacity of at least 1 and a positive refill time; got ${JSON.stringify(limit)}`);
  }
}

/** Creates a token-bucket limiter kept in the `rate_limit_buckets` table (ADR 0070). */
export function createRateLimiter(db: Database, options: RateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? (() => new Date());
  const pruneEvery = options.pruneEvery ?? 1_000;
  let calls = 0;
  const check = async (namespace: string, subject: string, limit: RateLimit): Promise<RateLimitState> => {
    checkLimit(namespace, limit);
    const at = now();
    calls += 1;
    if (calls % pruneEvery === 0) await deleteFullBuckets(db, at);
    // Subjects come from requests (addresses, emails): bound the key so a long one cannot bloat the table.
    const { wait, remaining } = await takeToken(db, `${namespace}:${subject.slice(0, MAX_SUBJECT_LENGTH)}`, limit, at);
    return { waitSeconds: wait, remaining: Math.max(0, Math.floor(remaining)) };
  };
  return {
    take: async (namespace, subject, limit) => (await check(namespace, subject, limit)).waitSeconds,
    check,
  };
}
