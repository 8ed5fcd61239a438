// The SQL of filtered, ordered article lists. Every value is a bound parameter.

import type { ArticleKey, ArticleOrder } from '../types.ts';
import { type Db, Params, SEARCH_CONFIG } from './db.ts';
import { type PgFilter, whereClause, whereOf } from './filter.ts';
import { ARTICLE_COLUMNS, type ArticleRow, MEDIA_JOINS } from './rows.ts';

export interface Bound {
  key: ArticleKey;
  /** '<' or '>' (strict), '<=' or '>=' (inclusive). */
  op: '<' | '>' | '<=' | '>=';
}

/** A bound on the (released_on, id) of a row of an enclosing query, written as SQL. */
interface RowBound {
  row: string;
  op: Bound['op'];
}

/** A count written into SQL: checked to be a whole number, so it can be nothing else. */
function integer(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a row count: ${n}`);
  return String(n);
}

/** Whether a list in `order` read in this direction runs from high keys to low. */
function descending(order: ArticleOrder, forward: boolean): boolean {
  const naturalDesc = order === 'newest';
  return forward ? naturalDesc : !naturalDesc;
}

/** The comparison that keeps rows after `key` when reading in this direction. */
export function afterOp(order: ArticleOrder, forward: boolean, inclusive = false): Bound['op'] {
  if (descending(order, forward)) return inclusive ? '<=' : '<';
  return inclusive ? '>=' : '>';
}

/**
 * The ids and dates of a filter's articles, in (date, id) order one way or the other. Without a
 * text query, one tag of the filter drives the read from its (tag, date, article) index, so a
 * rare tag is never a walk over every article.
 */
function keysSql(
  filter: PgFilter,
  params: Params,
  dir: 'ASC' | 'DESC',
  bounds: (Bound | RowBound)[],
  limit: number,
  offset: number,
  /** A further column to select, on `articles a` (only without a driving tag). */
  extra?: (params: Params) => string,
): string {
  const drive =
    filter.tsquery === null
      ? (filter.allOfTagIds[0] ??
        (filter.anyOfTagIds.length === 1 ? filter.anyOfTagIds[0] : undefined))
      : undefined;
  const rest: PgFilter =
    drive === undefined
      ? filter
      : {
          ...filter,
          allOfTagIds: filter.allOfTagIds.filter((t) => t !== drive),
          anyOfTagIds: filter.allOfTagIds.includes(drive) ? filter.anyOfTagIds : [],
        };
  const from =
    drive === undefined ? 'articles a' : 'article_tags d JOIN articles a ON a.id = d.article_id';
  const date = drive === undefined ? 'a.released_on' : 'd.released_on';
  const id = drive === undefined ? 'a.id' : 'd.article_id';
  const where = drive === undefined ? [] : [`d.tag_id = ${params.add(drive)}`];
  where.push(...whereOf(rest, params));
  for (const bound of bounds) {
    if ('row' in bound) {
      where.push(`(${date}, ${id}) ${bound.op} ${bound.row}`);
      continue;
    }
    if (bound.key.kind !== 'date') throw new Error('a date list takes date bounds');
    where.push(
      `(${date}, ${id}) ${bound.op} (${params.add(bound.key.releasedOn)}, ${params.add(bound.key.id)})`,
    );
  }
  // LIMIT and OFFSET are written in, not bound: a plan made for unknown ones (a prepared
  // statement's generic plan) assumes a large share of the table and sorts it all.
  const more = extra === undefined || drive !== undefined ? '' : `, ${extra(params)}`;
  return `SELECT ${id} AS id, ${date} AS released_on${more} FROM ${from} ${whereClause(where)}
    ORDER BY ${date} ${dir}, ${id} ${dir} LIMIT ${integer(limit)} OFFSET ${integer(offset)}`;
}

/**
 * Up to `limit` rows of a date-ordered list within `bounds`, after skipping `offset`. Two steps:
 * the inner query finds the page's ids from indexes (so OFFSET skips index entries, not whole
 * rows), then the outer one reads those few articles with their outlets.
 */
export async function dateRows(
  db: Db,
  filter: PgFilter,
  order: 'newest' | 'oldest',
  forward: boolean,
  bounds: Bound[],
  limit: number,
  offset = 0,
): Promise<ArticleRow[]> {
  const params = new Params();
  const dir = descending(order, forward) ? 'DESC' : 'ASC';
  const keys = keysSql(filter, params, dir, bounds, limit, offset);
  const text = `SELECT ${ARTICLE_COLUMNS}
    FROM (${keys}) k JOIN articles a ON a.id = k.id ${MEDIA_JOINS}
    ORDER BY k.released_on ${dir}, k.id ${dir}`;
  // The unfiltered feed is the hottest read of all: prepared once per connection.
  const plain = filter.tsquery === null && whereOf(filter, new Params()).length === 0;
  return db.query<ArticleRow>({
    text,
    values: params.values,
    name:
      plain && offset === 0
        ? `feed-${dir}-${bounds.map((b) => b.op).join('')}-${limit}`
        : undefined,
  });
}

/**
 * The keys of up to `count` rows of a date-ordered list read in `dir`, `step` rows apart: rows
 * step, 2·step, … counted from `from` (row 0; the first row read when there is none). Each is
 * found from the one before with a keyset bound and an OFFSET of step - 1, in one recursive
 * statement, so the walk skips index entries as fast as a page's OFFSET would and costs one
 * index descent per key on top. Rows come from the same `keysSql` as pages, so a key found here
 * is where such a page can start.
 */
export async function stepKeys(
  db: Db,
  filter: PgFilter,
  dir: 'ASC' | 'DESC',
  from: ArticleKey | undefined,
  step: number,
  count: number,
): Promise<{ released_on: string; id: number }[]> {
  const params = new Params();
  const op = dir === 'DESC' ? '<' : '>';
  const start: Bound[] = from ? [{ key: from, op: op === '<' ? '<=' : '>=' }] : [];
  const first = keysSql(filter, params, dir, start, 1, step);
  const next = keysSql(filter, params, dir, [{ row: '(p.released_on, p.id)', op }], 1, step - 1);
  return db.query({
    text: `WITH RECURSIVE steps (n, released_on, id) AS (
        (SELECT 1, k.released_on, k.id FROM (${first}) k)
        UNION ALL
        SELECT p.n + 1, k.released_on, k.id FROM steps p CROSS JOIN LATERAL (${next}) k
        WHERE p.n < ${integer(count)})
      SELECT released_on, id FROM steps ORDER BY n`,
    values: params.values,
  });
}

/**
 * Relevance is ranked in tiers of `window` matches, newest first, as in the SQLite store: tier 0
 * holds the newest `window` matches (after filters) ranked among themselves, tier 1 the next
 * ones, and so on, so ranking never scores more than one tier. The score is ts_rank with the
 * title (weight A) counting four times the summary (weight B), as SQLite's BM25 weights it,
 * divided by 1 + the log of the document's length; it is negated so that lower is better, as
 * BM25 is, and positions are (tier, rank, id) with `bounds` those of this tier.
 */
export async function tierRows(
  db: Db,
  filter: PgFilter,
  window: number,
  tier: number,
  bounds: Bound[],
  ascending: boolean,
  limit: number,
  offset = 0,
): Promise<ArticleRow[]> {
  const params = new Params();
  if (filter.tsquery === null) throw new Error('a ranked list needs a text query');
  // The tier's matches are scored in the one scan that finds them, from the stored tsvector;
  // only the page's rows are then read whole, with their outlets.
  const query = params.add(filter.tsquery);
  const matches = keysSql(
    filter,
    params,
    'DESC',
    [],
    window,
    tier * window,
    () =>
      `-ts_rank('{0, 0, 0.25, 1}', a.search, to_tsquery('${SEARCH_CONFIG}', ${query}), 1)::float8 AS rank`,
  );
  const where: string[] = [];
  for (const bound of bounds) {
    if (bound.key.kind !== 'rank') throw new Error('a ranked list takes rank bounds');
    const strict = bound.op.charAt(0);
    const rank = params.add(bound.key.rank);
    where.push(
      `(t.rank ${strict} ${rank}::float8 OR (t.rank = ${rank}::float8 AND t.id ${bound.op} ${params.add(bound.key.id)}))`,
    );
  }
  const dir = ascending ? 'ASC' : 'DESC';
  const text = `SELECT ${ARTICLE_COLUMNS}, r.rank
    FROM (SELECT t.id, t.rank FROM (${matches}) t ${whereClause(where)}
          ORDER BY t.rank ${dir}, t.id ${dir} LIMIT ${integer(limit)} OFFSET ${integer(offset)}) r
    JOIN articles a ON a.id = r.id ${MEDIA_JOINS}
    ORDER BY r.rank ${dir}, r.id ${dir}`;
  const rows = await db.query<ArticleRow>({ text, values: params.values });
  for (const row of rows) {
    row.tier = tier;
    row.rank = Number(row.rank);
  }
  return rows;
}
