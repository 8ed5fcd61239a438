// Counting the articles a filter keeps, by the cheapest way that answers it exactly.

import { createHash } from 'node:crypto';
import type { ArticleFilter } from '../types.ts';
import { columnsFor, isEverything, resolveFilter } from './filter.ts';
import { countSql, matchKeysSql, type ResolvedFilter } from './list-query.ts';
import type { ReadContext } from './read-context.ts';

export async function countArticles(
  ctx: ReadContext,
  filter: ArticleFilter | undefined,
): Promise<number> {
  await columnsFor(ctx.filterCounts, filter);
  return count(ctx, resolveFilter(ctx, filter));
}

export function count(ctx: ReadContext, filter: ResolvedFilter): number {
  if (filter.empty) return 0;
  // Precomputed counts answer the common cases without touching the articles.
  if (isEverything(filter)) {
    return ctx
      .stmt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'article_count'")
      .pluck()
      .get() as number;
  }
  const onlyTags =
    filter.mediaIds.length === 0 &&
    !filter.releasedFrom &&
    !filter.releasedTo &&
    filter.ftsQuery === null;
  const single =
    filter.allOfTagIds.length === 1 && filter.anyOfTagIds.length === 0
      ? filter.allOfTagIds[0]
      : filter.anyOfTagIds.length === 1 && filter.allOfTagIds.length === 0
        ? filter.anyOfTagIds[0]
        : undefined;
  if (onlyTags && single !== undefined) {
    return ctx.stmt('SELECT article_count FROM tags WHERE id = ?').pluck().get(single) as number;
  }
  if (
    filter.mediaIds.length === 1 &&
    filter.anyOfTagIds.length + filter.allOfTagIds.length === 0 &&
    !filter.releasedFrom &&
    !filter.releasedTo &&
    filter.ftsQuery === null
  ) {
    return ctx
      .stmt('SELECT article_count FROM media WHERE id = ?')
      .pluck()
      .get(filter.mediaIds[0]) as number;
  }
  if (filter.ftsQuery === null) return ctx.filterCounts.count(filter);
  // A text query counts its matches in the search index, in time that grows with them; with
  // tag or outlet conditions, its matches are checked against those in memory.
  const narrowed =
    filter.anyOfTagIds.length + filter.allOfTagIds.length + filter.mediaIds.length > 0;
  const { sql, params } = narrowed ? matchKeysSql(filter) : countSql(filter);
  if (narrowed) {
    return ctx.textCounts.get(
      createHash('sha256')
        .update(JSON.stringify([sql, params, filter.anyOfTagIds, filter.allOfTagIds]))
        .update(JSON.stringify(filter.mediaIds))
        .digest('base64'),
      () =>
        ctx.filterCounts.countAmong(
          { ...filter, ftsQuery: null },
          ctx
            .stmt(sql)
            .pluck()
            .get(...params) as string | null,
        ),
    );
  }
  return ctx.textCounts.get(
    createHash('sha256')
      .update(JSON.stringify([sql, params]))
      .digest('base64'),
    () =>
      ctx
        .stmt(sql)
        .pluck()
        .get(...params) as number,
  );
}
