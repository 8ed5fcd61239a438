// Relevance lists, read tier by tier (see `tierRows` in list-query.ts), as the SQLite store does.

import { count, type ReadContext } from './counts.ts';
import type { PgFilter } from './filter.ts';
import { type Bound, tierRows } from './list-query.ts';
import type { ArticleRow } from './rows.ts';

/**
 * Up to `limit` rows of a relevance list within `bounds`, walking the tiers from the bound
 * where reading starts. Each bound's rank applies in its own tier; tiers between the bounds
 * are read whole.
 */
export async function ranked(
  ctx: ReadContext,
  filter: PgFilter,
  forward: boolean,
  bounds: Bound[],
  limit: number,
): Promise<ArticleRow[]> {
  const { db, window } = ctx;
  const tierOf = (b: Bound) => (b.key.kind === 'rank' ? b.key.tier : 0);
  const lower = bounds.filter((b) => b.op.startsWith('>')).map(tierOf);
  const upper = bounds.filter((b) => b.op.startsWith('<')).map(tierOf);
  const rows: ArticleRow[] = [];
  if (forward) {
    const last = upper.length ? Math.min(...upper) : Number.POSITIVE_INFINITY;
    for (let t = lower.length ? Math.max(...lower) : 0; t <= last; t++) {
      const here = bounds.filter((b) => tierOf(b) === t);
      const got = await tierRows(db, filter, window, t, here, true, limit - rows.length);
      rows.push(...got);
      // A tier read whole that is short of the window is the last one.
      if (rows.length >= limit || (here.length === 0 && got.length < window)) break;
    }
  } else {
    const first = lower.length ? Math.max(...lower) : 0;
    const top = upper.length ? Math.min(...upper) : Number.POSITIVE_INFINITY;
    // (A cursor names its tier; one past the last tier is never read.)
    const start =
      top === 0
        ? 0
        : Math.min(top, Math.max(0, Math.ceil((await count(ctx, filter)) / window) - 1));
    for (let t = start; t >= first && rows.length < limit; t--) {
      const here = bounds.filter((b) => tierOf(b) === t);
      rows.push(...(await tierRows(db, filter, window, t, here, false, limit - rows.length)));
    }
  }
  return rows;
}

/** Rows `offset` to `offset + limit` of a relevance list, first to last. */
export async function rankedAt(
  ctx: ReadContext,
  filter: PgFilter,
  offset: number,
  limit: number,
): Promise<ArticleRow[]> {
  const { db, window } = ctx;
  const rows: ArticleRow[] = [];
  let t = Math.floor(offset / window);
  let skip = offset - t * window;
  while (rows.length < limit) {
    const got = await tierRows(db, filter, window, t, [], true, limit - rows.length, skip);
    rows.push(...got);
    if (got.length === 0) break;
    t++;
    skip = 0;
  }
  return rows;
}
