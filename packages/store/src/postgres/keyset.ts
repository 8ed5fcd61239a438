// Cursor-paged lists (listArticles): a slice after or before a cursor, in date or relevance
// order, and whether anything lies beyond it on either side. The same walk as the SQLite store's.

import { InvalidQueryError } from '../errors.ts';
import { MAX_PAGE_SIZE } from '../limits.ts';
import type { ArticleKey, ArticleListQuery, ArticleOrder, ArticleSlice } from '../types.ts';
import type { ReadContext } from './counts.ts';
import { effectiveOrder, type PgFilter, resolveFilter } from './filter.ts';
import { afterOp, type Bound, dateRows } from './list-query.ts';
import { ranked } from './ranked.ts';
import { type ArticleRow, keyOf } from './rows.ts';
import { hits } from './snippets.ts';

function sameKey(a: ArticleKey, b: ArticleKey): boolean {
  if (a.kind === 'date' && b.kind === 'date') return a.id === b.id && a.releasedOn === b.releasedOn;
  if (a.kind === 'rank' && b.kind === 'rank') {
    return a.id === b.id && a.tier === b.tier && a.rank === b.rank;
  }
  return false;
}

function checkKey(key: ArticleKey | undefined, order: ArticleOrder, name: string): void {
  if (key && (key.kind === 'rank') !== (order === 'relevance')) {
    throw new InvalidQueryError(`${name} is a cursor from a list in a different order`);
  }
  if (key?.kind === 'rank' && !(Number.isSafeInteger(key.tier) && key.tier >= 0)) {
    throw new InvalidQueryError(`${name} is not a valid position in a ranked list`);
  }
  if (key?.kind === 'rank' && !Number.isFinite(key.rank)) {
    throw new InvalidQueryError(`${name} is not a valid position in a ranked list`);
  }
  if (key && !Number.isSafeInteger(key.id)) {
    throw new InvalidQueryError(`${name} is not a valid position in a list`);
  }
}

function run(
  ctx: ReadContext,
  filter: PgFilter,
  order: ArticleOrder,
  forward: boolean,
  bounds: Bound[],
  limit: number,
): Promise<ArticleRow[]> {
  if (filter.empty) return Promise.resolve([]);
  if (order === 'relevance') return ranked(ctx, filter, forward, bounds, limit);
  return dateRows(ctx.db, filter, order, forward, bounds, limit);
}

export async function listArticles(
  ctx: ReadContext,
  query: ArticleListQuery,
): Promise<ArticleSlice> {
  const { db } = ctx;
  const filter = await resolveFilter(db, query.filter);
  const order = effectiveOrder(query.order, filter);
  checkKey(query.after, order, 'after');
  checkKey(query.before, order, 'before');
  for (const [name, n] of [
    ['first', query.first],
    ['last', query.last],
  ] as const) {
    if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE)) {
      throw new InvalidQueryError(`${name} must be an integer from 0 to ${MAX_PAGE_SIZE}`);
    }
  }
  const backward = query.last !== undefined && query.first === undefined;
  // The cursor reading starts from is read too (inclusive), so that finding it answers
  // whether anything lies on its other side without a second query.
  const start = backward ? query.before : query.after;
  const bounds: Bound[] = [];
  if (query.after) bounds.push({ key: query.after, op: afterOp(order, true, !backward) });
  if (query.before) bounds.push({ key: query.before, op: afterOp(order, false, backward) });
  const size = (backward ? query.last : query.first) ?? 20;

  let rows = await run(ctx, filter, order, !backward, bounds, size + (start ? 2 : 1));
  const startFound =
    start !== undefined && rows[0] !== undefined && sameKey(keyOf(rows[0], order), start);
  if (startFound) rows.shift();
  else if (start) rows = rows.slice(0, size + 1);
  const more = rows.length > size;
  rows = rows.slice(0, size);
  if (backward) rows.reverse();

  // Whether anything lies beyond the cursor on the other side (the cursor's own row counts).
  const beyond = async (key: ArticleKey | undefined, forward: boolean) =>
    key !== undefined &&
    (await run(ctx, filter, order, forward, [{ key, op: afterOp(order, forward, true) }], 1))
      .length > 0;
  const behindStart = startFound || (await beyond(start, backward));

  const hasNextPage = backward ? behindStart : more;
  let hasPreviousPage = backward ? more : behindStart;
  if (!backward && query.last !== undefined && rows.length > query.last) {
    rows = rows.slice(rows.length - query.last);
    hasPreviousPage = true;
  }
  return { hits: await hits(db, rows, order, filter), hasNextPage, hasPreviousPage };
}
