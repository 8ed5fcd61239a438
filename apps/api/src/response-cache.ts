// Caching of GET queries: an ETag from the dataset version and the request, checked before any
// GraphQL work, and a bounded LRU of response bodies for the current dataset version.

import { createHash } from 'node:crypto';

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

/** True when an If-None-Match header names this ETag (or is `*`). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

interface Entry {
  etag: string;
  /** The JSON response, encoded once. */
  body: Buffer;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private version = '';

  constructor(private readonly capacity: number) {}

  get(version: string, key: string): Entry | undefined {
    if (version !== this.version) return undefined;
    const entry = this.entries.get(key);
    if (entry) {
      // Refresh recency: Map keeps insertion order, so the oldest entry is first.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(version: string, key: string, entry: Entry): void {
    if (this.capacity === 0) return;
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
