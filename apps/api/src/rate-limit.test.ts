import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows a burst, then one request per 1/rate seconds, with the wait to retry', () => {
    const limiter = new RateLimiter({ rate: 2, burst: 3 });
    expect([0, 0, 0].map(() => limiter.take('a', 1000))).toEqual([0, 0, 0]);
    expect(limiter.take('a', 1000)).toBe(1);
    // Half a second refills one token at 2 a second: one more request, not a new burst.
    expect(limiter.take('a', 1500)).toBe(0);
    expect(limiter.take('a', 1500)).toBe(1);
    // Another client has its own bucket.
    expect(limiter.take('b', 1500)).toBe(0);
  });

  it('refills continuously: a refused client waits for its next token, not a whole burst', () => {
    const limiter = new RateLimiter({ rate: 1, burst: 1 });
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBe(1);
    expect(limiter.take('a', 500)).toBe(1);
    expect(limiter.take('a', 1000)).toBe(0);
  });

  it('forgets the least recently seen client when the table is full', () => {
    const limiter = new RateLimiter({ rate: 0.001, burst: 1, maxClients: 2 });
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('b', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBeGreaterThan(0); // a is now the most recently seen
    limiter.take('c', 0); // forgets b
    expect(limiter.take('a', 0)).toBeGreaterThan(0);
    expect(limiter.take('b', 0)).toBe(0);
  });

  it('limits nothing at rate 0', () => {
    const limiter = new RateLimiter({ rate: 0, burst: 1 });
    expect(limiter.enabled).toBe(false);
    expect([1, 2, 3].map(() => limiter.take('a', 0))).toEqual([0, 0, 0]);
  });
});
