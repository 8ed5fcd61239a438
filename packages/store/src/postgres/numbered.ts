// Numbered pages (pageArticles): a page by its number, read from the nearer end of the list,
// and deep in a date-ordered list from the checkpoint before it (see checkpoints.ts).

import { InvalidQueryError } from '../errors.ts';
import { MAX_PAGE_SIZE } from '../limits.ts';
import type { ArticlePage, ArticlePageQuery } from '../types.ts';
import { countAt, type ReadContext } from './counts.ts';
import { effectiveOrder, resolveFilter } from './filter.ts';
import { afterOp, type Bound, dateRows } from './list-query.ts';
import { rankedAt } from './ranked.ts';
import type { ArticleRow } from './rows.ts';
import { hits } from './snippets.ts';

export async function pageArticles(
  ctx: ReadContext,
  query: ArticlePageQuery,
): Promise<ArticlePage> {
  const { page, pageSize } = query;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new InvalidQueryError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (!Number.isInteger(page) || page < 1) {
    throw new InvalidQueryError('page must be an integer of at least 1');
  }
  const { db } = ctx;
  const filter = await resolveFilter(db, query.filter);
  const order = effectiveOrder(query.order, filter);
  const { count: totalCount, version } = await countAt(ctx, filter);
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
  const offset = (page - 1) * pageSize;
  let rows: ArticleRow[] = [];
  if (offset < totalCount && !filter.empty) {
    const take = Math.min(pageSize, totalCount - offset);
    if (order === 'relevance') rows = await rankedAt(ctx, filter, offset, take);
    else {
      // A late page is read from the other end, so it costs what an early page costs.
      const late = offset > totalCount / 2;
      const skip = late ? totalCount - offset - take : offset;
      // Deep in the list, reading starts at the checkpoint at or before the page, fewer than a
      // checkpoint step from it; a shallow page is read from the end.
      const dir = (order === 'newest') !== late ? 'DESC' : 'ASC';
      const start =
        version === null
          ? { row: 0 }
          : await ctx.checkpoints.before(db, filter, dir, version, skip);
      const bounds: Bound[] = start.key
        ? [{ key: start.key, op: afterOp(order, !late, true) }]
        : [];
      rows = await dateRows(db, filter, order, !late, bounds, take, skip - start.row);
      if (late) rows.reverse();
    }
  }
  return { hits: await hits(db, rows, order, filter), page, pageSize, pageCount, totalCount };
}
