// Answers that hold for one dataset version: every write moves the version in its own
// transaction (postgres-store.ts), so an answer read back under the version it was made for is
// exact, whichever replica wrote. Each use reads the version (one indexed row), so a write by
// another replica is seen at once; the `limit` most recently used answers are kept.

import { LRUCache } from 'lru-cache';
import type { Db } from './db.ts';

export class VersionedCache {
  private version: string | null = null;
  private readonly answers: LRUCache<string, { value: unknown }>;

  constructor(
    private readonly currentVersion: (db: Db) => Promise<string>,
    limit = 5000,
  ) {
    this.answers = new LRUCache({ max: limit });
  }

  async get<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
    return (await this.getAt(db, key, load)).value;
  }

  /** `get`, with the version the answer was read under (for answers kept alongside it). */
  async getAt<T>(
    db: Db,
    key: string,
    load: () => Promise<T>,
  ): Promise<{ value: T; version: string }> {
    const version = await this.currentVersion(db);
    if (version !== this.version) {
      this.answers.clear();
      this.version = version;
    }
    const kept = this.answers.get(key);
    if (kept) return { value: kept.value as T, version };
    const value = await load();
    // Kept unless another use saw a newer version meanwhile. An answer read across a write is
    // kept under the version read before it, and the next use, seeing the newer one, drops it.
    if (this.version === version) this.answers.set(key, { value });
    return { value, version };
  }
}
