import type { RateLimit, RateLimiter, RateLimitState } from './rate-limits.usecases.ts';

/** Decides each request in memory and reconciles with the store in the background (ADR 0101). */
export interface SyncedRateLimiter {
  /** Takes one request from the bucket of `namespace` + `subject`, without waiting for the store. */
  check: (namespace: string, subject: string, limit: RateLimit) => RateLimitState;
  /** Writes the requests served since the last sync to the store and takes back what the store has left; resolves when done. */
  sync: () => Promise<void>;
}

export interface SyncedRateLimiterOptions {
  now?: () => number;
  /** A check starts a background sync when the last one is older than this. */
  syncEveryMs?: number;
  /** At most this many buckets are kept in memory; the oldest idle ones go first. */
  maxBuckets?: number;
  /** Called when a background sync fails; the limits then hold per process until the store answers again. */
  onSyncError?: (error: Error) => void;
}

interface Bucket {
  namespace: string;
  subject: string;
  limit: RateLimit;
  tokens: number;
  at: number;
  /** Requests served here and not yet written to the store. */
  pending: number;
}

/**
 * Wraps the store-backed limiter so a request never waits for the database: each process keeps a
 * token bucket per client in memory and, at most every `syncEveryMs`, writes the requests it served
 * to the store (one statement per busy client) and lowers its buckets to what the store has left.
 * Other processes' use and a restart are therefore seen within one sync period.
 */
export function createSyncedRateLimiter(store: RateLimiter, options: SyncedRateLimiterOptions = {}): SyncedRateLimiter {
  const now = options.now ?? Date.now;
  const syncEveryMs = options.syncEveryMs ?? 1_000;
  const maxBuckets = options.maxBuckets ?? 50_000;
  const buckets = new Map<string, Bucket>();
  let lastSync = now();
  let running: Promise<void> | null = null;

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(bucket.limit.capacity, bucket.tokens + Math.max(0, at - bucket.at) / 1000 / bucket.limit.refillSeconds);
    bucket.at = at;
  };

  const syncOnce = async () => {
    lastSync = now();
    const busy = [...buckets.values()].filter((bucket) => bucket.pending > 0);
    for (const bucket of busy) {
      const served = bucket.pending;
      bucket.pending = 0;
      const state = await store.check(bucket.namespace, bucket.subject, bucket.limit, served);
      refill(bucket, now());
      bucket.tokens = Math.min(bucket.tokens, state.remaining + (bucket.tokens % 1));
    }
  };

  const sync = () => {
    running ??= syncOnce().finally(() => {
      running = null;
    });
    return running;
  };

  const evictIdle = () => {
    for (const [key, bucket] of buckets) {
      if (buckets.size <= maxBuckets) return;
      if (bucket.pending === 0) buckets.delete(key);
    }
  };

  return {
    check: (namespace, subject, limit) => {
      const at = now();
      const key = `${namespace}:${subject}`;
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { namespace, subject, limit, tokens: limit.capacity, at, pending: 0 };
        buckets.set(key, bucket);
        if (buckets.size > maxBuckets) evictIdle();
      }
      refill(bucket, at);
      let waitSeconds = 0;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        bucket.pending += 1;
      } else {
        waitSeconds = Math.ceil((1 - bucket.tokens) * limit.refillSeconds);
      }
      if (at - lastSync >= syncEveryMs && running === null) {
        sync().catch((error: unknown) => options.onSyncError?.(error as Error));
      }
      return { waitSeconds, remaining: Math.floor(bucket.tokens) };
    },
    sync,
  };
}
