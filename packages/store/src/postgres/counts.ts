// Counting the articles a filter keeps. Counts are kept for the dataset version they were made
// for (see cache.ts): a numbered page, a tag's table and a search all count before they read.

import type { VersionedCache } from './cache.ts';
import { type Db, int, Params } from './db.ts';
import { isEverything, type PgFilter, whereClause, whereOf } from './filter.ts';

/** What the list reads share. */
export interface ReadContext {
  db: Db;
  /** How many matches one tier of relevance ranking holds (see `tierRows`). */
  window: number;
  /** Answers kept for the current dataset version. */
  cache: VersionedCache;
}

export async function count(ctx: ReadContext, filter: PgFilter): Promise<number> {
  if (filter.empty) return 0;
  const { db } = ctx;
  if (isEverything(filter)) {
    return ctx.cache.get(db, 'count', async () => {
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
  return ctx.cache.get(db, JSON.stringify([text, params.values]), async () => {
    const [row] = await db.query<{ n: string }>({ text, values: params.values });
    return int(row?.n);
  });
}
