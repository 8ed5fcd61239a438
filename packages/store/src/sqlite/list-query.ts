// Builds the SQL for filtered, ordered article lists. Every value is a bound parameter.

import type { ArticleKey, ArticleOrder } from '../types.ts';

/** A filter whose slugs are already resolved to row ids. `empty` means nothing can match. */
export interface ResolvedFilter {
  empty: boolean;
  anyOfTagIds: number[];
  allOfTagIds: number[];
  mediaIds: number[];
  releasedFrom?: string | undefined;
  releasedTo?: string | undefined;
  ftsQuery: string | null;
}

export const ARTICLE_COLUMNS = `a.id, a.slug, a.title, a.released_on, a.summary, a.source_url,
  a.headline_verified, a.date_approximate, a.created_at, a.updated_at,
  m.slug AS media_slug, m.name AS media_name, m.homepage AS media_homepage`;

export const RANK_EXPR = 'bm25(articles_fts, 4.0, 1.0)';

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

/**
 * The FROM and WHERE parts shared by lists and counts. When one tag must match, the rows
 * are driven from that tag's (tag, date, article) index so a rare tag is never a full scan.
 */
export function fromWhere(
  filter: ResolvedFilter,
  order: ArticleOrder,
): { from: string; where: string[]; params: unknown[]; dateCol: string; idCol: string } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'articles a';
  let dateCol = 'a.released_on';
  let idCol = 'a.id';

  const allOf = [...filter.allOfTagIds];
  let anyOf = [...filter.anyOfTagIds];
  let driveTag: number | undefined;
  if (order !== 'relevance') {
    if (allOf.length > 0) driveTag = allOf.shift();
    else if (anyOf.length === 1) {
      driveTag = anyOf[0];
      anyOf = [];
    }
  }

  if (order === 'relevance') {
    from = 'articles_fts JOIN articles a ON a.id = articles_fts.rowid';
    where.push('articles_fts MATCH ?');
    params.push(filter.ftsQuery);
  } else if (driveTag !== undefined) {
    from = 'article_tags d JOIN articles a ON a.id = d.article_id';
    where.push('d.tag_id = ?');
    params.push(driveTag);
    dateCol = 'd.released_on';
    idCol = 'd.article_id';
  }
  for (const tagId of allOf) {
    where.push('EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id AND x.tag_id = ?)');
    params.push(tagId);
  }
  if (anyOf.length > 0) {
    where.push(
      `a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN (${ids(anyOf.length)}))`,
    );
    params.push(...anyOf);
  }
  if (filter.mediaIds.length > 0) {
    where.push(`a.media_id IN (${ids(filter.mediaIds.length)})`);
    params.push(...filter.mediaIds);
  }
  if (filter.releasedFrom) {
    where.push(`${dateCol} >= ?`);
    params.push(filter.releasedFrom);
  }
  if (filter.releasedTo) {
    where.push(`${dateCol} <= ?`);
    params.push(filter.releasedTo);
  }
  if (filter.ftsQuery !== null && order !== 'relevance') {
    where.push('a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
    params.push(filter.ftsQuery);
  }
  return { from, where, params, dateCol, idCol };
}

/** Whether a list in `order` read in this direction runs from high keys to low. */
function descending(order: ArticleOrder, forward: boolean): boolean {
  const naturalDesc = order === 'newest';
  return forward ? naturalDesc : !naturalDesc;
}

export function listSql(
  filter: ResolvedFilter,
  order: ArticleOrder,
  forward: boolean,
  bounds: Bound[],
  limit: number,
  offset = 0,
): ListSql {
  const base = fromWhere(filter, order);
  const where = [...base.where];
  const params = [...base.params];
  const desc = descending(order, forward);
  const dir = desc ? 'DESC' : 'ASC';

  for (const bound of bounds) {
    if (bound.key.kind === 'rank') {
      const strict = bound.op.charAt(0);
      where.push(`(${RANK_EXPR} ${strict} ? OR (${RANK_EXPR} = ? AND a.id ${bound.op} ?))`);
      params.push(bound.key.rank, bound.key.rank, bound.key.id);
    } else {
      where.push(`(${base.dateCol}, ${base.idCol}) ${bound.op} (?, ?)`);
      params.push(bound.key.releasedOn, bound.key.id);
    }
  }

  const select =
    order === 'relevance'
      ? `${ARTICLE_COLUMNS}, ${RANK_EXPR} AS rank,
         snippet(articles_fts, -1, char(2), char(3), '…', 24) AS snippet`
      : ARTICLE_COLUMNS;
  const orderBy =
    order === 'relevance'
      ? `rank ${dir}, a.id ${dir}`
      : `${base.dateCol} ${dir}, ${base.idCol} ${dir}`;
  const sql = `SELECT ${select} FROM ${base.from} JOIN media m ON m.id = a.media_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
  params.push(limit, offset);
  return { sql, params };
}

/** The comparison that keeps rows after `key` when reading in this direction. */
export function afterOp(order: ArticleOrder, forward: boolean, inclusive = false): Bound['op'] {
  if (descending(order, forward)) return inclusive ? '<=' : '<';
  return inclusive ? '>=' : '>';
}

export function countSql(filter: ResolvedFilter): ListSql {
  const base = fromWhere(filter, 'newest');
  return {
    sql: `SELECT count(*) AS n FROM ${base.from}
      ${base.where.length ? `WHERE ${base.where.join(' AND ')}` : ''}`,
    params: base.params,
  };
}
