// Relevance ranking for full-text search: BM25 over FTS5, with the document frequencies the
// formula needs counted once per dataset version instead of once per query.
//
// FTS5's bm25() counts, in every statement, the rows that contain each phrase of the query: a
// pass over the phrase's whole doclist, so a word found in most of a large archive costs time in
// proportion to the archive however few rows are ranked. The extension in native/jin-rank.c
// (built at install) registers jin_bm25(), the same formula given those counts. When it could
// not be built or loaded, ranking falls back to bm25(), with the same scores.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { ftsPhrases } from '../fts-query.ts';

/** Column weights: a word in the title counts four times one in the summary. */
const WEIGHTS = '4.0, 1.0';

const EXTENSION = fileURLToPath(
  new URL(
    `../../native/build/jin-rank.${process.platform === 'darwin' ? 'dylib' : 'so'}`,
    import.meta.url,
  ),
);

export type Ranker = 'jin_bm25' | 'bm25';

/** Loads the ranking extension into `db`; says which ranking function the store will use. */
export function loadRanker(db: Database.Database): Ranker {
  if (!existsSync(EXTENSION)) return 'bm25';
  try {
    // The entry point SQLite derives from the file name: sqlite3_jinrank_init.
    db.loadExtension(EXTENSION);
    return 'jin_bm25';
  } catch {
    return 'bm25';
  }
}

export interface RankSql {
  /** The score of a row of `articles_fts`: lower is better. */
  sql: string;
  params: unknown[];
}

/**
 * Values that hold for one dataset version: every write changes the version (writer.ts), in the
 * same transaction, so a value read back under the version it was made for is exact. The
 * `limit` most recently used are kept.
 */
export class VersionedValues<T extends {}> {
  private version: string | null = null;
  private readonly values: LRUCache<string, T>;

  constructor(
    private readonly currentVersion: () => string,
    limit = 5000,
  ) {
    this.values = new LRUCache({ max: limit });
  }

  /** The values kept for the current dataset version (those of an earlier one are dropped). */
  current(): LRUCache<string, T> {
    const version = this.currentVersion();
    if (version !== this.version) {
      this.values.clear();
      this.version = version;
    }
    return this.values;
  }

  get(key: string, make: () => T): T {
    const values = this.current();
    let value = values.get(key);
    if (value === undefined) {
      value = make();
      values.set(key, value);
    }
    return value;
  }
}

export type VersionedCounts = VersionedValues<number>;

/**
 * The rank expression for a text query: jin_bm25() with each phrase's document frequency, or
 * bm25() when the extension is not loaded.
 */
export function rankSql(
  ranker: Ranker,
  ftsQuery: string,
  documentFrequency: (phrase: string) => number,
): RankSql {
  if (ranker === 'bm25') return { sql: `bm25(articles_fts, ${WEIGHTS})`, params: [] };
  const frequencies = ftsPhrases(ftsQuery).map(documentFrequency);
  return {
    sql: `jin_bm25(articles_fts, ${WEIGHTS}${', ?'.repeat(frequencies.length)})`,
    params: frequencies,
  };
}
