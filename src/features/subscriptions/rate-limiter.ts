/** A limit of `capacity` requests at once, refilled at one request per `refillSeconds`. */
export interface RateLimit {
  capacity: number;
  refillSeconds: number;
}

/** Counts requests per key (an address, a client) and says how long to wait when a key has used up its limit. */
export interface RateLimiter {
  /** Takes one request from every key's bucket, or none when any is empty; returns the seconds to wait, or 0 when allowed. */
  take: (keys: readonly { key: string; limit: RateLimit }[]) => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

// Full buckets carry no information; dropping them keeps memory bounded by recent activity.
const PRUNE_EVERY = 1_000;

/** Creates an in-memory token-bucket limiter for one process (see ADR 0052). */
export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();
  let calls = 0;
  const refill = (key: string, limit: RateLimit, at: number): Bucket => {
    const bucket = buckets.get(key) ?? { tokens: limit.capacity, updatedAt: at };
    const refilled = Math.min(limit.capacity, bucket.tokens + (at - bucket.updatedAt) / 1000 / limit.refillSeconds);
    return { tokens: refilled, updatedAt: at };
  };
  const prune = (at: number, limits: Map<string, RateLimit>) => {
    for (const [key, bucket] of buckets) {
      const limit = limits.get(key.slice(0, key.indexOf(':')));
      if (!limit || bucket.tokens + (at - bucket.updatedAt) / 1000 / limit.refillSeconds >= limit.capacity) buckets.delete(key);
    }
  };
  return {
    take: (keys) => {
      const at = now();
      if (++calls % PRUNE_EVERY === 0) prune(at, new Map(keys.map(({ key, limit }) => [key.slice(0, key.indexOf(':')), limit])));
      const refilled = keys.map(({ key, limit }) => ({ key, limit, bucket: refill(key, limit, at) }));
      const wait = Math.max(0, ...refilled.map(({ limit, bucket }) => (bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) * limit.refillSeconds))));
      for (const { key, bucket } of refilled) buckets.set(key, wait > 0 ? bucket : { tokens: bucket.tokens - 1, updatedAt: bucket.updatedAt });
      return wait;
    },
  };
}
