// Counting the articles a filter keeps. Counts are kept for the dataset version they were made
// for (see cache.ts): a numbered page, a tag's table and a search all count before they read.

import type { VersionedCache } from './cache.ts';
import type { PageCheckpoints } from './checkpoints.ts';
import { type Db, int, Params } from './db.ts';
import { isEverything, type PgFilter, whereClause, whereOf } from './filter.ts';

/** What the list reads share. */
export interface ReadContext {
  db: Db;
  /** How many matches one tier of relevance ranking holds (see `tierRows`). */
  window: number;
  /** Answers kept for the current dataset version. */
  cache: VersionedCache;
  /** Where deep numbered pages start reading (see checkpoints.ts). */
  checkpoints: PageCheckpoints;
}

export async function count(ctx: ReadContext, filter: PgFilter): Promise<number> {
  return (await countAt(ctx, filter)).count;
}

/**
 * The count, with the dataset version it holds for (null for a filter nothing can match, which
 * reads nothing): what a numbered page's checkpoints are kept for (see checkpoints.ts).
 */
export async function countAt(
  ctx: ReadContext,
  filter: PgFilter,
): Promise<{ count: number; version: string | null }> {
  if (filter.empty) return { count: 0, version: null };
  const { db } = ctx;
  const counted = async (key: string, load: () => Promise<number>) => {
    const { value, version } = await ctx.cache.getAt(db, key, load);
    return { count: value, version };
  };
  if (isEverything(filter)) {
    return counted('count', async () => {
      const [row] = await db.query<{ n: string }>({
        name: 'count-all',
        text: 'SELECT count(*) AS n FROM articles',
      });
      return int(row?.n);
    });
  }
  const params = new Params();
  const where = whereOf(filter, params);
  const text = `SELECT count(*) AS n FROM articles a ${whereClause(where)}`;
  return counted(JSON.stringify([text, params.values]), async () => {
    const [row] = await db.query<{ n: string }>({ text, values: params.values });
    return int(row?.n);
  });
}
