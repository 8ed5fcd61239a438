// Builds the SQL for filtered, ordered article lists. Every value is a bound parameter.

import type { ArticleKey, ArticleOrder } from '../types.ts';
import type { RankSql } from './ranking.ts';

/** A filter whose slugs are already resolved to row ids. `empty` means nothing can match. */
export interface ResolvedFilter {
  empty: boolean;
  anyOfTagIds: number[];
  allOfTagIds: number[];
  mediaIds: number[];
  releasedFrom?: string | undefined;
  releasedTo?: string | undefined;
  ftsQuery: string | null;
  /**
   * With a text query and tag or outlet conditions, the articles those conditions allow, when
   * there are not too many: their search keys when very few (the index is read at each key),
   * or their ids (each match is looked up in them), instead of checking each match's tags.
   */
  ftsKeys?: number[] | undefined;
  ftsIds?: number[] | undefined;
}

export const ARTICLE_COLUMNS = `a.id, a.slug, a.title, a.released_on, a.summary, a.source_url,
  a.headline_verified, a.date_approximate, a.created_at, a.updated_at,
  m.slug AS media_slug, m.name AS media_name, m.homepage AS media_homepage,
  v.slug AS via_slug, v.name AS via_name, v.homepage AS via_homepage`;

/** Joins the outlet, and the outlet a copy was read through, for ARTICLE_COLUMNS. */
export const MEDIA_JOINS =
  'JOIN media m ON m.id = a.media_id LEFT JOIN media v ON v.id = a.read_via_media_id';

/**
 * The search index is keyed by `search_key` (days since 1970 * 2^32 + id; see migration 4), so
 * it reads newest first, and an article's id is the key's low 32 bits.
 */
const FTS_KEY = 'articles_fts.rowid';
export const FTS_ID = '(articles_fts.rowid & 4294967295)';
const dayKey = (param: string, plusDays = 0) =>
  `(unixepoch(${param}) / 86400 + ${plusDays}) * 4294967296`;

export interface Bound {
  key: ArticleKey;
  /** '<' or '>' (strict), '<=' or '>=' (inclusive). */
  op: '<' | '>' | '<=' | '>=';
}

export interface ListSql {
  sql: string;
  params: unknown[];
}

const ids = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export interface FromWhere {
  from: string;
  where: string[];
  params: unknown[];
  idCol: string;
  /** What date lists sort by: the release date, or the search key that orders like it. */
  sortCol: string;
  /** A condition `(released_on, id) op (?, ?)` on this source, taking those two parameters. */
  keyBound: (op: Bound['op']) => string;
  /**
   * For a condition that any of several tags match: the tags, one arm each. Every arm reads one
   * tag's (tag, date, article) index and takes the tag as its first parameter; the arms are
   * merged in order, so a page costs its size per arm and no list is sorted whole.
   */
  unionTags: number[] | null;
}

/**
 * The FROM and WHERE parts shared by lists and counts, written against `idCol` so that the
 * articles table is joined only when a condition needs one of its columns. With a text query
 * the rows come from the full-text index, which reads in (date, id) order by its search key, so
 * a page stops as soon as it is full; otherwise, when one tag must match, from that tag's
 * (tag, date, article) index so a rare tag is never a full scan.
 */
export function fromWhere(filter: ResolvedFilter): FromWhere {
  const where: string[] = [];
  const params: unknown[] = [];

  const allOf = [...filter.allOfTagIds];
  let anyOf = [...filter.anyOfTagIds];
  let driveTag: number | undefined;
  let unionTags: number[] | null = null;
  if (filter.ftsQuery === null) {
    if (allOf.length > 0) driveTag = allOf.shift();
    else if (anyOf.length > 0) {
      driveTag = anyOf[0];
      if (anyOf.length > 1) unionTags = anyOf;
      anyOf = [];
    }
  }

  let from: string;
  let idCol: string;
  let sortCol: string;
  let keyBound: FromWhere['keyBound'];
  if (filter.ftsQuery !== null) {
    from = 'articles_fts';
    idCol = FTS_ID;
    sortCol = FTS_KEY;
    keyBound = (op) => `articles_fts.rowid ${op} ${dayKey('?')} + ?`;
    where.push('articles_fts MATCH ?');
    params.push(filter.ftsQuery);
    if (filter.ftsKeys) {
      where.push('articles_fts.rowid IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.ftsKeys));
    } else if (filter.ftsIds) {
      where.push(`${FTS_ID} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(filter.ftsIds));
    }
    // A date range is a range of the index's keys: no article needs to be read to apply it.
    if (filter.releasedFrom) {
      where.push(`articles_fts.rowid >= ${dayKey('?')}`);
      params.push(filter.releasedFrom);
    }
    if (filter.releasedTo) {
      where.push(`articles_fts.rowid < ${dayKey('?', 1)}`);
      params.push(filter.releasedTo);
    }
  } else if (driveTag !== undefined) {
    from = 'article_tags d';
    idCol = 'd.article_id';
    sortCol = 'd.released_on';
    keyBound = (op) => `(d.released_on, d.article_id) ${op} (?, ?)`;
    where.push('d.tag_id = ?');
    params.push(driveTag);
  } else {
    from = 'articles a';
    idCol = 'a.id';
    sortCol = 'a.released_on';
    keyBound = (op) => `(a.released_on, a.id) ${op} (?, ?)`;
  }
  if (filter.ftsQuery === null) {
    if (filter.releasedFrom) {
      where.push(`${sortCol} >= ?`);
      params.push(filter.releasedFrom);
    }
    if (filter.releasedTo) {
      where.push(`${sortCol} <= ?`);
      params.push(filter.releasedTo);
    }
  }
  // Articles already chosen by their tags and outlets need no other check of them.
  const chosen = filter.ftsKeys !== undefined || filter.ftsIds !== undefined;
  const mediaIds = chosen ? [] : filter.mediaIds;
  if (chosen) {
    allOf.length = 0;
    anyOf = [];
  }
  if (from !== 'articles a' && mediaIds.length > 0) {
    from += ` JOIN articles a ON a.id = ${idCol}`;
  }

  for (const tagId of allOf) {
    where.push(
      `EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = ${idCol} AND x.tag_id = ?)`,
    );
    params.push(tagId);
  }
  if (anyOf.length > 0) {
    // Checked per row through the article's own tags, never by collecting every tagged article.
    where.push(
      `EXISTS (SELECT 1 FROM article_tags y WHERE y.article_id = ${idCol} AND y.tag_id IN (${ids(anyOf.length)}))`,
    );
    params.push(...anyOf);
  }
  if (mediaIds.length > 0) {
    where.push(`a.media_id IN (${ids(mediaIds.length)})`);
    params.push(...mediaIds);
  }
  return { from, where, params, idCol, sortCol, keyBound, unionTags };
}

/** Whether a list in `order` read in this direction runs from high keys to low. */
function descending(order: ArticleOrder, forward: boolean): boolean {
  const naturalDesc = order === 'newest';
  return forward ? naturalDesc : !naturalDesc;
}

/**
 * Two steps: an inner query finds the page's ids and dates from indexes only (so OFFSET skips
 * index entries, not whole rows), then the outer query reads those few articles with their
 * outlets. Search snippets are made afterwards, for the page's rows only.
 */
export function listSql(
  filter: ResolvedFilter,
  order: 'newest' | 'oldest',
  forward: boolean,
  bounds: Bound[],
  limit: number,
  offset = 0,
): ListSql {
  const base = fromWhere(filter);
  const where = [...base.where];
  const params = [...base.params];
  const dir = descending(order, forward) ? 'DESC' : 'ASC';
  for (const bound of bounds) {
    if (bound.key.kind !== 'date') throw new Error('a date list takes date bounds');
    where.push(base.keyBound(bound.op));
    params.push(bound.key.releasedOn, bound.key.id);
  }
  const select = `SELECT ${base.idCol} AS id, ${base.sortCol} AS sort FROM ${base.from}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const arms = unionArms(base, select, params);
  const keys = arms
    ? `${arms.sql} ORDER BY sort ${dir}, id ${dir} LIMIT ? OFFSET ?`
    : `${select}
    ORDER BY ${base.sortCol} ${dir}${base.sortCol === FTS_KEY ? '' : `, ${base.idCol} ${dir}`}
    LIMIT ? OFFSET ?`;
  if (arms) params.splice(0, params.length, ...arms.params);
  params.push(limit, offset);
  // (The search key is unique: ordering by it alone lets the index deliver rows in order.)
  const sql = `SELECT ${ARTICLE_COLUMNS}
    FROM (${keys}) k JOIN articles a ON a.id = k.id ${MEDIA_JOINS}
    ORDER BY k.sort ${dir}, k.id ${dir}`;
  return { sql, params };
}

/**
 * Relevance is ranked in tiers of `window` matches, newest first: tier 0 holds the newest
 * `window` matches (after filters), ranked by BM25 among themselves, then tier 1 the next ones,
 * and so on. Ranking never scores more than one tier, so a word found in most of a large
 * archive costs what a rare one costs; when there are at most `window` matches the order is
 * plain BM25 over all of them. Positions are (tier, rank, id); `bounds` are those of this tier.
 */
export function tierSql(
  filter: ResolvedFilter,
  rank: RankSql,
  window: number,
  tier: number,
  bounds: Bound[],
  ascending: boolean,
  limit: number,
  offset = 0,
): ListSql {
  const base = fromWhere(filter);
  const params = [...rank.params, ...base.params, window, tier * window];
  const where: string[] = [];
  for (const bound of bounds) {
    if (bound.key.kind !== 'rank') throw new Error('a ranked list takes rank bounds');
    const strict = bound.op.charAt(0);
    where.push(`(rank ${strict} ? OR (rank = ? AND id ${bound.op} ?))`);
    params.push(bound.key.rank, bound.key.rank, bound.key.id);
  }
  const dir = ascending ? 'ASC' : 'DESC';
  const keys = `SELECT id, rank FROM (
      SELECT ${base.idCol} AS id, ${rank.sql} AS rank FROM ${base.from}
      WHERE ${base.where.join(' AND ')} ORDER BY articles_fts.rowid DESC LIMIT ? OFFSET ?
    ) ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY rank ${dir}, id ${dir} LIMIT ? OFFSET ?`;
  params.push(limit, offset);
  const sql = `SELECT ${ARTICLE_COLUMNS}, k.rank
    FROM (${keys}) k JOIN articles a ON a.id = k.id ${MEDIA_JOINS}
    ORDER BY k.rank ${dir}, k.id ${dir}`;
  return { sql, params };
}

/** The comparison that keeps rows after `key` when reading in this direction. */
export function afterOp(order: ArticleOrder, forward: boolean, inclusive = false): Bound['op'] {
  if (descending(order, forward)) return inclusive ? '<=' : '<';
  return inclusive ? '>=' : '>';
}

/** The search keys of a text query's matches (its dates applied), as one comma-separated text. */
export function matchKeysSql(filter: ResolvedFilter): ListSql {
  const base = fromWhere({
    ...filter,
    anyOfTagIds: [],
    allOfTagIds: [],
    mediaIds: [],
    ftsKeys: undefined,
    ftsIds: undefined,
  });
  return {
    sql: `SELECT group_concat(${FTS_KEY}) FROM ${base.from} WHERE ${base.where.join(' AND ')}`,
    params: base.params,
  };
}

/** The count of a text query's matches, over the full-text index alone. */
export function countSql(filter: ResolvedFilter): ListSql {
  const base = fromWhere(filter);
  return {
    sql: `SELECT count(*) AS n FROM ${base.from} WHERE ${base.where.join(' AND ')}`,
    params: base.params,
  };
}

/** One copy of `select` per tag of a union, each taking its tag as its first parameter. */
function unionArms(base: FromWhere, select: string, params: unknown[]): ListSql | null {
  if (!base.unionTags) return null;
  return {
    sql: base.unionTags.map(() => select).join(' UNION '),
    params: base.unionTags.flatMap((tag) => [tag, ...params.slice(1)]),
  };
}
