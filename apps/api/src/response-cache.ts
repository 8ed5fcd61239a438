// `matches` stays ours: `fresh` counts `*` as a match; @fastify/etag checks only once the body exists.
//
// Caching of GET queries: an ETag from the dataset version and the request, checked before any
// GraphQL work, and an LRU of response bodies for the current dataset version, bounded in bytes.

import { createHash } from 'node:crypto';
import { todayInJapanAt } from '@jin/site';
import type { Store } from '@jin/store';
import { LRUCache } from 'lru-cache';

/**
 * What a kept answer or page holds for: the dataset version, and the day in Japan, because
 * answers say which rule changes are still to come (`upcoming`, the coming-up boxes), so kept
 * answers and their ETags turn over at midnight there.
 */
export async function answerVersion(store: Store): Promise<string> {
  return `${await store.datasetVersion()}.${todayInJapanAt(Date.now())}`;
}

export function requestHash(query: string, variables: string, operationName: string): string {
  return createHash('sha256')
    .update(query)
    .update('\0')
    .update(variables)
    .update('\0')
    .update(operationName)
    .digest('base64url')
    .slice(0, 22);
}

export function etagFor(version: string, hash: string): string {
  return `"${version}-${hash}"`;
}

/**
 * True when an If-None-Match header names this ETag. `*` matches nothing: an answer here is
 * computed per request, so only a tag the client was given can say it has this answer.
 */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag);
}

export interface CachedAnswer {
  etag: string;
  /** The answer, encoded once. */
  body: Buffer;
}

export interface CacheBudget {
  /** All kept answers together, in bytes. */
  maxBytes: number;
  /** The largest single answer that is kept; a larger one is sent but not kept. */
  maxEntryBytes: number;
}

/** Bytes an entry holds: its body, its key (UTF-16 in memory) and its ETag, plus bookkeeping. */
const sizeOf = (entry: CachedAnswer, key: string) =>
  entry.body.byteLength + 2 * (key.length + entry.etag.length) + 200;

/** Answers for the current dataset version, least recently used first out, bounded in bytes. */
export class ResponseCache {
  private readonly lru: LRUCache<string, CachedAnswer> | null;
  private version = '';

  constructor(budget: CacheBudget) {
    this.lru =
      budget.maxBytes > 0 && budget.maxEntryBytes > 0
        ? new LRUCache({
            maxSize: budget.maxBytes,
            maxEntrySize: Math.min(budget.maxEntryBytes, budget.maxBytes),
            sizeCalculation: sizeOf,
          })
        : null;
  }

  get(version: string, key: string): CachedAnswer | undefined {
    if (version !== this.version) return undefined;
    return this.lru?.get(key);
  }

  set(version: string, key: string, entry: CachedAnswer): void {
    if (!this.lru) return;
    if (version !== this.version) {
      this.lru.clear();
      this.version = version;
    }
    this.lru.set(key, entry);
  }

  get size(): number {
    return this.lru?.size ?? 0;
  }

  /** The bytes held now, as counted against the budget. */
  get bytes(): number {
    return this.lru?.calculatedSize ?? 0;
  }
}
