// Relevance lists, read tier by tier (see `tierSql` in list-query.ts).

import { count } from './counts.ts';
import { type Bound, type ResolvedFilter, tierSql } from './list-query.ts';
import { rankSql } from './ranking.ts';
import type { ReadContext } from './read-context.ts';
import type { ArticleRow } from './rows.ts';

/** Tier `index` of a relevance list (see `tierSql`), its rows marked with the tier. */
export function tier(
  ctx: ReadContext,
  filter: ResolvedFilter,
  index: number,
  bounds: Bound[],
  forward: boolean,
  limit: number,
  offset = 0,
): ArticleRow[] {
  const rank = rankSql(ctx.ranker, filter.ftsQuery ?? '', (phrase) =>
    ctx.textCounts.get(
      `df ${phrase}`,
      () =>
        ctx
          .stmt('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?')
          .pluck()
          .get(phrase) as number,
    ),
  );
  const { sql, params } = tierSql(
    filter,
    rank,
    ctx.rankWindow,
    index,
    bounds,
    forward,
    limit,
    offset,
  );
  const rows = ctx.stmt(sql).all(...params) as ArticleRow[];
  for (const row of rows) row.tier = index;
  return rows;
}

/**
 * Up to `limit` rows of a relevance list within `bounds`, walking the tiers from the bound
 * where reading starts. Each bound's rank applies in its own tier; tiers between the bounds
 * are read whole.
 */
export function ranked(
  ctx: ReadContext,
  filter: ResolvedFilter,
  forward: boolean,
  bounds: Bound[],
  limit: number,
): ArticleRow[] {
  const tierOf = (b: Bound) => (b.key.kind === 'rank' ? b.key.tier : 0);
  const lower = bounds.filter((b) => b.op.startsWith('>')).map(tierOf);
  const upper = bounds.filter((b) => b.op.startsWith('<')).map(tierOf);
  const rows: ArticleRow[] = [];
  if (forward) {
    const last = upper.length ? Math.min(...upper) : Number.POSITIVE_INFINITY;
    for (let t = lower.length ? Math.max(...lower) : 0; t <= last; t++) {
      const here = bounds.filter((b) => tierOf(b) === t);
      const want = limit - rows.length;
      const got = tier(ctx, filter, t, here, true, want);
      rows.push(...got);
      // A tier read whole that is short of the window is the last one.
      if (rows.length >= limit || (here.length === 0 && got.length < ctx.rankWindow)) break;
    }
  } else {
    const first = lower.length ? Math.max(...lower) : 0;
    // (A cursor names its tier; one past the last tier is never read.)
    const lastTier = () => Math.max(0, Math.ceil(count(ctx, filter) / ctx.rankWindow) - 1);
    const top = upper.length ? Math.min(...upper) : Number.POSITIVE_INFINITY;
    const start = top === 0 ? 0 : Math.min(top, lastTier());
    for (let t = start; t >= first && rows.length < limit; t--) {
      const here = bounds.filter((b) => tierOf(b) === t);
      rows.push(...tier(ctx, filter, t, here, false, limit - rows.length));
    }
  }
  return rows;
}

/** Rows `offset` to `offset + limit` of a relevance list, first to last. */
export function rankedAt(
  ctx: ReadContext,
  filter: ResolvedFilter,
  offset: number,
  limit: number,
): ArticleRow[] {
  const rows: ArticleRow[] = [];
  let t = Math.floor(offset / ctx.rankWindow);
  let skip = offset - t * ctx.rankWindow;
  while (rows.length < limit) {
    const got = tier(ctx, filter, t, [], true, limit - rows.length, skip);
    rows.push(...got);
    if (got.length === 0) break;
    t++;
    skip = 0;
  }
  return rows;
}
