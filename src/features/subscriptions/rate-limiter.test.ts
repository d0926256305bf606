import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';

describe('the rate limiter', () => {
  const limit = { capacity: 2, refillSeconds: 60 };

  it('allows a burst up to the capacity, then says how long to wait', () => {
    let now = 0;
    const limiter = createRateLimiter(() => now);
    expect(limiter.take([{ key: 'address:a@example.com', limit }])).toBe(0);
    expect(limiter.take([{ key: 'address:a@example.com', limit }])).toBe(0);
    expect(limiter.take([{ key: 'address:a@example.com', limit }])).toBe(60);
    now = 30_000;
    expect(limiter.take([{ key: 'address:a@example.com', limit }])).toBe(30);
    now = 60_000;
    expect(limiter.take([{ key: 'address:a@example.com', limit }])).toBe(0);
  });

  it('counts each key on its own', () => {
    const limiter = createRateLimiter(() => 0);
    limiter.take([{ key: 'address:a@example.com', limit }]);
    limiter.take([{ key: 'address:a@example.com', limit }]);
    expect(limiter.take([{ key: 'address:b@example.com', limit }])).toBe(0);
  });
});
