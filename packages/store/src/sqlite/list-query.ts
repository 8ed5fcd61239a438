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
 * The FROM and WHERE parts shared by lists and counts, written against `idCol` and `dateCol` so
 * that the articles table is joined only when a condition needs one of its other columns.
 * When one tag must match, the rows are driven from that tag's (tag, date, article) index so a
 * rare tag is never a full scan; for relevance they come from the full-text index alone.
 */
export function fromWhere(
  filter: ResolvedFilter,
  order: ArticleOrder,
): { from: string; where: string[]; params: unknown[]; dateCol: string; idCol: string } {
  const where: string[] = [];
  const params: unknown[] = [];

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

  let from: string;
  let idCol: string;
  let dateCol: string;
  if (order === 'relevance') {
    from = 'articles_fts';
    idCol = 'articles_fts.rowid';
    dateCol = 'a.released_on';
    where.push('articles_fts MATCH ?');
    params.push(filter.ftsQuery);
  } else if (driveTag !== undefined) {
    from = 'article_tags d';
    idCol = 'd.article_id';
    dateCol = 'd.released_on';
    where.push('d.tag_id = ?');
    params.push(driveTag);
  } else {
    from = 'articles a';
    idCol = 'a.id';
    dateCol = 'a.released_on';
  }
  const dated = Boolean(filter.releasedFrom || filter.releasedTo);
  if (
    from !== 'articles a' &&
    (filter.mediaIds.length > 0 || (dated && dateCol === 'a.released_on'))
  ) {
    from += ` JOIN articles a ON a.id = ${idCol}`;
  }

  for (const tagId of allOf) {
    where.push(
      `EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = ${idCol} AND x.tag_id = ?)`,
    );
    params.push(tagId);
  }
  if (anyOf.length > 0) {
    where.push(
      `${idCol} IN (SELECT article_id FROM article_tags WHERE tag_id IN (${ids(anyOf.length)}))`,
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
    where.push(`${idCol} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`);
    params.push(filter.ftsQuery);
  }
  return { from, where, params, dateCol, idCol };
}

/** Whether a list in `order` read in this direction runs from high keys to low. */
function descending(order: ArticleOrder, forward: boolean): boolean {
  const naturalDesc = order === 'newest';
  return forward ? naturalDesc : !naturalDesc;
}

/**
 * Two steps: an inner query finds the page's ids and sort keys from indexes only (so OFFSET
 * skips index entries, not whole rows, and relevance ranks the full-text index without touching
 * the articles), then the outer query reads those few articles with their outlets. Search
 * snippets are made afterwards, for the page's rows only.
 */
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
  const dir = descending(order, forward) ? 'DESC' : 'ASC';
  const relevance = order === 'relevance';

  for (const bound of bounds) {
    if (bound.key.kind === 'rank') {
      const strict = bound.op.charAt(0);
      where.push(
        `(${RANK_EXPR} ${strict} ? OR (${RANK_EXPR} = ? AND ${base.idCol} ${bound.op} ?))`,
      );
      params.push(bound.key.rank, bound.key.rank, bound.key.id);
    } else {
      where.push(`(${base.dateCol}, ${base.idCol}) ${bound.op} (?, ?)`);
      params.push(bound.key.releasedOn, bound.key.id);
    }
  }

  const sortKey = relevance ? `${RANK_EXPR} AS rank` : `${base.dateCol} AS released_on`;
  const sortCol = relevance ? 'rank' : 'released_on';
  const keys = `SELECT ${base.idCol} AS id, ${sortKey} FROM ${base.from}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${relevance ? 'rank' : base.dateCol} ${dir}, ${base.idCol} ${dir} LIMIT ? OFFSET ?`;
  params.push(limit, offset);
  const sql = `SELECT ${ARTICLE_COLUMNS}${relevance ? ', k.rank' : ''}
    FROM (${keys}) k JOIN articles a ON a.id = k.id JOIN media m ON m.id = a.media_id
    ORDER BY k.${sortCol} ${dir}, k.id ${dir}`;
  return { sql, params };
}

/** The comparison that keeps rows after `key` when reading in this direction. */
export function afterOp(order: ArticleOrder, forward: boolean, inclusive = false): Bound['op'] {
  if (descending(order, forward)) return inclusive ? '<=' : '<';
  return inclusive ? '>=' : '>';
}

export function countSql(filter: ResolvedFilter): ListSql {
  // Counting ignores order; driving from the full-text index avoids a pass over all articles.
  const base = fromWhere(
    filter,
    filter.ftsQuery !== null && filter.anyOfTagIds.length + filter.allOfTagIds.length === 0
      ? 'relevance'
      : 'newest',
  );
  return {
    sql: `SELECT count(*) AS n FROM ${base.from}
      ${base.where.length ? `WHERE ${base.where.join(' AND ')}` : ''}`,
    params: base.params,
  };
}
