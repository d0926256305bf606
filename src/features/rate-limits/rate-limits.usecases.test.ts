import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../store/sql-rows.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { clientNetworkOf } from './client-network.ts';
import { createRateLimiter, RateLimitSetupError } from './rate-limits.usecases.ts';

const limit = { capacity: 2, refillSeconds: 60 };

describeEachDriver('rate limits in the store', (store) => {
  it('allow a burst up to the capacity, then say how long to wait until a request is refilled', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const limiter = createRateLimiter(store.db, { now: () => new Date(now) });
    expect(await limiter.take('test', 'a@example.com', limit)).toBe(0);
    expect(await limiter.take('test', 'a@example.com', limit)).toBe(0);
    expect(await limiter.take('test', 'a@example.com', limit)).toBe(60);
    now += 30_000;
    expect(await limiter.take('test', 'a@example.com', limit)).toBe(30);
    now += 30_000;
    expect(await limiter.take('test', 'a@example.com', limit)).toBe(0);
    expect(await limiter.take('test', 'b@example.com', limit)).toBe(0);
  });

  it('say how many requests are left at once, for the RateLimit headers', async () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const limiter = createRateLimiter(store.db, { now: () => at });
    expect(await limiter.check('test', 'counted', { capacity: 3, refillSeconds: 10 })).toEqual({ waitSeconds: 0, remaining: 2 });
    expect(await limiter.check('test', 'counted', { capacity: 3, refillSeconds: 10 })).toEqual({ waitSeconds: 0, remaining: 1 });
    expect(await limiter.check('test', 'counted', { capacity: 3, refillSeconds: 10 })).toEqual({ waitSeconds: 0, remaining: 0 });
    expect(await limiter.check('test', 'counted', { capacity: 3, refillSeconds: 10 })).toEqual({ waitSeconds: 10, remaining: 0 });
  });

  it('hold across a restart: a new limiter on the same store remembers the used requests', async () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const first = createRateLimiter(store.db, { now: () => at });
    await first.take('test', 'client', limit);
    await first.take('test', 'client', limit);
    const afterRestart = createRateLimiter(store.db, { now: () => at });
    expect(await afterRestart.take('test', 'client', limit)).toBe(60);
  });

  it('1,000 calls in one namespace do not reset the limits of another', async () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const limiter = createRateLimiter(store.db, { now: () => at, pruneEvery: 100 });
    const perAddress = { capacity: 3, refillSeconds: 20 * 60 };
    for (let call = 0; call < 3; call += 1) expect(await limiter.take('subscribe.address', 'reader@example.com', perAddress)).toBe(0);
    for (let call = 0; call < 1_000; call += 1) await limiter.take('subscribe.client', `10.0.${call >> 8}.${call & 255}`, { capacity: 20, refillSeconds: 30 });
    expect(await limiter.take('subscribe.address', 'reader@example.com', perAddress)).toBe(20 * 60);
  }, 120_000);

  it('let concurrent requests take the last token only once', async () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const limiters = Array.from({ length: 4 }, () => createRateLimiter(store.db, { now: () => at }));
    const waits = await Promise.all(Array.from({ length: 12 }, (_, index) => limiters[index % 4]?.take('test', 'shared', { capacity: 3, refillSeconds: 10 })));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(3);
  });

  it('delete only buckets that are full again', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const limiter = createRateLimiter(store.db, { now: () => new Date(now), pruneEvery: 3 });
    await limiter.take('short', 'x', { capacity: 1, refillSeconds: 1 });
    await limiter.take('long', 'y', { capacity: 1, refillSeconds: 3_600 });
    now += 5_000;
    await limiter.take('other', 'z', { capacity: 1, refillSeconds: 1 });
    const keys = await queryRows<{ key: string }>(store.db, sql`select key from rate_limit_buckets order by key`);
    expect(keys.map((row) => row.key)).toEqual(['long:y', 'other:z']);
  });

  it('refuse a namespace or limit a programmer got wrong', async () => {
    const limiter = createRateLimiter(store.db);
    await expect(limiter.take('Bad Namespace', 'x', limit)).rejects.toThrow(RateLimitSetupError);
    await expect(limiter.take('test', 'x', { capacity: 0, refillSeconds: 1 })).rejects.toThrow('capacity of at least 1');
  });
});

describe('the network a client is counted in', () => {
  it('is the address itself for IPv4, also when written as IPv4-mapped IPv6', () => {
    expect(clientNetworkOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetworkOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 for IPv6, however the address is written', () => {
    expect(clientNetworkOf('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(clientNetworkOf('2001:DB8:1:2:ffff:ffff:ffff:fffe')).toBe('2001:0db8:0001:0002::/64');
    expect(clientNetworkOf('2001:db8::1')).toBe('2001:0db8:0000:0000::/64');
    expect(clientNetworkOf('::1')).toBe('0000:0000:0000:0000::/64');
    expect(clientNetworkOf('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
  });
});
