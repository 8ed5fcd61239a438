import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimitHeaders } from './rate-limit.ts';

const waits = (limiter: RateLimiter, client: string, at: number, times: number) =>
  Array.from({ length: times }, () => limiter.take(client, at)?.retryAfter);

describe('RateLimiter', () => {
  it('allows a burst, then one request per 1/rate seconds, with the wait to retry', () => {
    const limiter = new RateLimiter({ rate: 2, burst: 3 });
    expect(waits(limiter, 'a', 1000, 3)).toEqual([0, 0, 0]);
    expect(limiter.take('a', 1000)?.retryAfter).toBe(1);
    // Half a second refills one token at 2 a second: one more request, not a new burst.
    expect(waits(limiter, 'a', 1500, 2)).toEqual([0, 1]);
    // Another client has its own bucket.
    expect(limiter.take('b', 1500)?.retryAfter).toBe(0);
  });

  it('refills continuously: a refused client waits for its next token, not a whole burst', () => {
    const limiter = new RateLimiter({ rate: 1, burst: 1 });
    expect(limiter.take('a', 0)?.retryAfter).toBe(0);
    expect(limiter.take('a', 0)?.retryAfter).toBe(1);
    expect(limiter.take('a', 500)?.retryAfter).toBe(1);
    expect(limiter.take('a', 1000)?.retryAfter).toBe(0);
  });

  it('reports what is left: remaining falls by one a request, reset counts to a full bucket', () => {
    const limiter = new RateLimiter({ rate: 2, burst: 4 });
    const quotas = [0, 1, 2, 3, 4].map(() => limiter.take('a', 0));
    expect(quotas.map((q) => q?.remaining)).toEqual([3, 2, 1, 0, 0]);
    // Seconds to refill what was spent, at 2 tokens a second: 1 token -> 1 s, 4 tokens -> 2 s.
    expect(quotas.map((q) => q?.reset)).toEqual([1, 1, 2, 2, 2]);
    expect(quotas.map((q) => q?.limit)).toEqual([4, 4, 4, 4, 4]);
    expect(quotas[4]?.retryAfter).toBe(1);
    // Once the reset has passed, the whole burst is back.
    expect(limiter.take('a', 2000)).toEqual({ limit: 4, remaining: 3, reset: 1, retryAfter: 0 });
    expect(limiter.policy).toBe('4;w=2');
  });

  it('forgets the least recently seen client when the table is full', () => {
    const limiter = new RateLimiter({ rate: 0.001, burst: 1, maxClients: 2 });
    expect(limiter.take('a', 0)?.retryAfter).toBe(0);
    expect(limiter.take('b', 0)?.retryAfter).toBe(0);
    expect(limiter.take('a', 0)?.retryAfter).toBeGreaterThan(0); // a is now the most recently seen
    limiter.take('c', 0); // forgets b
    expect(limiter.take('a', 0)?.retryAfter).toBeGreaterThan(0);
    expect(limiter.take('b', 0)?.retryAfter).toBe(0);
  });

  it('limits nothing at rate 0, and reports no quota', () => {
    const limiter = new RateLimiter({ rate: 0, burst: 1 });
    expect(limiter.enabled).toBe(false);
    expect([1, 2, 3].map(() => limiter.take('a', 0))).toEqual([null, null, null]);
  });
});

describe('rateLimitHeaders', () => {
  it('names the draft fields, and Retry-After only on a refusal', () => {
    const allowed = { limit: 4, remaining: 3, reset: 1, retryAfter: 0 };
    expect(rateLimitHeaders(allowed, '4;w=2')).toEqual({
      'ratelimit-policy': '4;w=2',
      'ratelimit-limit': '4',
      'ratelimit-remaining': '3',
      'ratelimit-reset': '1',
    });
    expect(rateLimitHeaders({ ...allowed, remaining: 0, retryAfter: 1 }, '4;w=2')).toMatchObject({
      'ratelimit-remaining': '0',
      'retry-after': '1',
    });
  });
});
