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

export class RateLimiter {
  private readonly buckets: LRUCache<string, Bucket>;

  constructor(private readonly options: RateLimitOptions) {
    this.buckets = new LRUCache({ max: options.maxClients ?? 50_000 });
  }

  get enabled(): boolean {
    return this.options.rate > 0;
  }

  /** Takes a token for this client: 0 when allowed, else the seconds to wait before retrying. */
  take(client: string, now = Date.now()): number {
    if (!this.enabled) return 0;
    const { rate, burst } = this.options;
    const bucket = this.buckets.get(client) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    let wait = 0;
    if (bucket.tokens >= 1) bucket.tokens -= 1;
    else wait = Math.ceil((1 - bucket.tokens) / rate);
    this.buckets.set(client, bucket);
    return wait;
  }
}
