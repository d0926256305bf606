import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../store/sql-rows.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { createRateLimiter } from './rate-limits.usecases.ts';
import { createSyncedRateLimiter } from './synced-rate-limiter.ts';

const limit = { capacity: 3, refillSeconds: 60 };
const START = Date.parse('2026-12-01T10:00:00Z');

describeEachDriver('rate limits decided in memory and synced to the store', (store) => {
  const processOn = (clock: { now: number }) =>
    createSyncedRateLimiter(createRateLimiter(store.db, { now: () => new Date(clock.now) }), { now: () => clock.now, syncEveryMs: 1_000 });

  it('answers from memory, refusing past the capacity without waiting for the store', async () => {
    const clock = { now: START };
    const limiter = processOn(clock);
    expect([1, 2, 3, 4].map(() => limiter.check('api.read', '203.0.113.7', limit))).toEqual([
      { waitSeconds: 0, remaining: 2 },
      { waitSeconds: 0, remaining: 1 },
      { waitSeconds: 0, remaining: 0 },
      { waitSeconds: 60, remaining: 0 },
    ]);
    expect(await queryRows(store.db, sql`select key from rate_limit_buckets`)).toEqual([]);
    await limiter.sync();
    expect(await queryRows<{ key: string; tokens: number }>(store.db, sql`select key, tokens from rate_limit_buckets`)).toEqual([{ key: 'api.read:203.0.113.7', tokens: 0 }]);
  });

  it('a second process, or the same one after a restart, is held to what the first used once it syncs', async () => {
    const clock = { now: START };
    const first = processOn(clock);
    for (let request = 0; request < 3; request += 1) first.check('api.read', 'client', limit);
    await first.sync();
    const second = processOn(clock);
    expect(second.check('api.read', 'client', limit).waitSeconds).toBe(0);
    await second.sync();
    expect(second.check('api.read', 'client', limit)).toEqual({ waitSeconds: 60, remaining: 0 });
  });

  it('starts a sync by itself once the last one is older than the sync period', async () => {
    const clock = { now: START };
    const limiter = processOn(clock);
    limiter.check('api.read', 'busy', limit);
    clock.now += 1_500;
    limiter.check('api.read', 'busy', limit);
    await limiter.sync();
    const [row] = await queryRows<{ tokens: number }>(store.db, sql`select tokens from rate_limit_buckets where key = 'api.read:busy'`);
    expect(row?.tokens).toBe(1);
  });
});
