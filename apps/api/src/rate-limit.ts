// Not @fastify/rate-limit: it counts fixed windows, each a whole new burst, not a refilling bucket.
//
// Per-client token buckets: each client may burst up to `burst` requests, refilled at `rate`
// per second. The table is bounded; the least recently seen clients are forgotten first.

import { LRUCache } from 'lru-cache';

export interface RateLimitOptions {
  /** Tokens added per second; 0 turns limiting off. */
  rate: number;
  burst: number;
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A client's standing after one request, as the RateLimit header fields report it. */
export interface Quota {
  /** The bucket's size: requests allowed in a burst. */
  limit: number;
  /** Whole requests left in the bucket after this one. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  reset: number;
  /** 0 when this request is allowed, else the seconds to wait for the next token. */
  retryAfter: number;
}

export class RateLimiter {
  private readonly buckets: LRUCache<string, Bucket>;
  /**
   * The policy in the IETF draft's terms (`RateLimit-Policy`): the bucket's size, and the window
   * in seconds over which an empty bucket fills again.
   */
  readonly policy: string;

  constructor(private readonly options: RateLimitOptions) {
    this.buckets = new LRUCache({ max: options.maxClients ?? 50_000 });
    this.policy = `${options.burst};w=${options.rate > 0 ? Math.ceil(options.burst / options.rate) : 0}`;
  }

  get enabled(): boolean {
    return this.options.rate > 0;
  }

  /** Takes a token for this client; null when limiting is off. */
  take(client: string, now = Date.now()): Quota | null {
    if (!this.enabled) return null;
    const { rate, burst } = this.options;
    const bucket = this.buckets.get(client) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    let retryAfter = 0;
    if (bucket.tokens >= 1) bucket.tokens -= 1;
    else retryAfter = Math.ceil((1 - bucket.tokens) / rate);
    this.buckets.set(client, bucket);
    return {
      limit: burst,
      remaining: Math.floor(bucket.tokens),
      reset: Math.ceil((burst - bucket.tokens) / rate),
      retryAfter,
    };
  }
}

/**
 * The header fields of the IETF draft "RateLimit header fields for HTTP" as widely implemented
 * (draft 6: separate RateLimit-Limit, -Remaining and -Reset, with -Policy), and Retry-After
 * when the request is refused.
 */
export function rateLimitHeaders(quota: Quota, policy: string): Record<string, string> {
  // (Retry-After is also set by the 429 answer itself; the value is the same.)
  return {
    'ratelimit-policy': policy,
    'ratelimit-limit': String(quota.limit),
    'ratelimit-remaining': String(quota.remaining),
    'ratelimit-reset': String(quota.reset),
    ...(quota.retryAfter > 0 ? { 'retry-after': String(quota.retryAfter) } : {}),
  };
}
