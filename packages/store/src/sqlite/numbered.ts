// Numbered pages (pageArticles): a page by its number, read from the nearer end of the list,
// and over every article from the month that holds it.

import { InvalidQueryError } from '../errors.ts';
import { MAX_PAGE_SIZE } from '../limits.ts';
import type { ArticlePage, ArticlePageQuery } from '../types.ts';
import { count } from './counts.ts';
import { columnsFor, effectiveOrder, isEverything, resolveFilter } from './filter.ts';
import { listSql, type ResolvedFilter } from './list-query.ts';
import { rankedAt } from './ranked.ts';
import type { ReadContext } from './read-context.ts';
import type { ArticleRow } from './rows.ts';
import { hits } from './snippets.ts';

/**
 * A numbered page of every article that would skip at least this many rows finds its month
 * first (see `fromMonth`); below it, walking the skipped index entries costs less than summing
 * every month's count.
 */
const MONTHS_FROM = 2000;

/**
 * Where to read every article from to reach row `skip` of the list (in `order`, read in this
 * direction): the start of the month holding that row, and how many rows of that month come
 * before it. One statement sums the months' counts, so the cost grows with the number of
 * months, not with `skip`.
 */
function fromMonth(
  ctx: ReadContext,
  all: ResolvedFilter,
  order: 'newest' | 'oldest',
  forward: boolean,
  skip: number,
): { filter: ResolvedFilter; skip: number } {
  const dir = (order === 'newest') === forward ? 'DESC' : 'ASC';
  const found = ctx
    .stmt(
      `SELECT month, ? - (through - article_count) FROM (
         SELECT month, article_count,
           sum(article_count) OVER (ORDER BY month ${dir} ROWS UNBOUNDED PRECEDING) AS through
         FROM article_months)
       WHERE through > ? LIMIT 1`,
    )
    .raw()
    .get(skip, skip) as [string, number] | undefined;
  if (!found) return { filter: all, skip };
  const [month, within] = found;
  return {
    filter:
      dir === 'DESC'
        ? { ...all, releasedTo: lastDayOf(month) }
        : { ...all, releasedFrom: `${month}-01` },
    skip: within,
  };
}

/** The last day of a 'YYYY-MM' month, as 'YYYY-MM-DD'. */
function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(0);
  day.setUTCFullYear(year, m, 0); // day 0 of the next month
  return `${month}-${String(day.getUTCDate()).padStart(2, '0')}`;
}

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
  await columnsFor(ctx.filterCounts, query.filter);
  const filter = resolveFilter(ctx, query.filter);
  const order = effectiveOrder(query.order, filter);
  const totalCount = count(ctx, filter);
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize));
  const offset = (page - 1) * pageSize;
  let rows: ArticleRow[] = [];
  if (offset < totalCount && !filter.empty) {
    const take = Math.min(pageSize, totalCount - offset);
    if (order === 'relevance') rows = rankedAt(ctx, filter, offset, take);
    else {
      // A late page is read from the other end, so it costs what an early page costs.
      const late = offset > totalCount / 2;
      const skip = late ? totalCount - offset - take : offset;
      // Over every article, whole months before the page are skipped by their counts.
      const from =
        skip >= MONTHS_FROM && isEverything(filter)
          ? fromMonth(ctx, filter, order, !late, skip)
          : { filter, skip };
      const { sql, params } = listSql(from.filter, order, !late, [], take, from.skip);
      rows = ctx.stmt(sql).all(...params) as ArticleRow[];
      if (late) rows.reverse();
    }
  }
  return { hits: hits(ctx, rows, order, filter), page, pageSize, pageCount, totalCount };
}
