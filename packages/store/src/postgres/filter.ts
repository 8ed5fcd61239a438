// Resolving an ArticleFilter for PostgreSQL: checked by the shared rules, its slugs turned into
// row ids, its text into a tsquery built from sanitised words; and the WHERE clause it means.

import { InvalidQueryError } from '../errors.ts';
import { MAX_QUERY_WORDS, MIN_PREFIX_CHARS, queryWords } from '../fts-query.ts';
import { checkFilter } from '../limits.ts';
import type { ArticleFilter, ArticleOrder } from '../types.ts';
import { isIsoDate } from '../validate.ts';
import { type Db, type Params, SEARCH_CONFIG } from './db.ts';

export interface PgFilter {
  /** Nothing can match. */
  empty: boolean;
  anyOfTagIds: number[];
  allOfTagIds: number[];
  mediaIds: number[];
  releasedFrom?: string | undefined;
  releasedTo?: string | undefined;
  /**
   * Text for `to_tsquery(SEARCH_CONFIG, …)`: quoted words joined by `&`, or null. Each quoted
   * word goes through the configuration as the column's words did ("refugees" becomes "refug").
   */
  tsquery: string | null;
  /** The same words joined by `|`: what a snippet highlights when no span holds them all. */
  anyWord: string | null;
  /** `tsquery` with every word weight B: whether the summary alone holds the query. */
  inSummary: string | null;
}

export interface TsqueryOptions {
  /** The last word also matches longer words it begins, as in fts-query.ts. */
  prefix?: boolean;
  join?: '&' | '|';
  /** Match a word only where it has this weight (B: in the summary). */
  weight?: 'B';
}

/**
 * The reader's words as to_tsquery text: each word single-quoted (quotes and backslashes
 * escaped), so no operator, weight or prefix mark in the input means anything; joined by `&`
 * unless told otherwise.
 */
export function toTsquery(input: string, options: TsqueryOptions = {}): string | null {
  const { prefix = false, join = '&', weight = '' } = options;
  const words = queryWords(input)
    .slice(0, MAX_QUERY_WORDS)
    .map((w) => w.toLowerCase());
  if (words.length === 0) return null;
  const last = words.length - 1;
  const star = prefix && [...(words[last] as string)].length >= MIN_PREFIX_CHARS;
  const quoted = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return words
    .map((w, i) => {
      const marks = `${star && i === last ? '*' : ''}${weight}`;
      return marks ? `${quoted(w)}:${marks}` : quoted(w);
    })
    .join(` ${join} `);
}

export async function resolveFilter(db: Db, filter: ArticleFilter | undefined): Promise<PgFilter> {
  const resolved: PgFilter = {
    empty: false,
    anyOfTagIds: [],
    allOfTagIds: [],
    mediaIds: [],
    releasedFrom: filter?.releasedFrom,
    releasedTo: filter?.releasedTo,
    tsquery: null,
    anyWord: null,
    inSummary: null,
  };
  if (!filter) return resolved;
  checkFilter(filter);
  for (const [name, value] of [
    ['releasedFrom', filter.releasedFrom],
    ['releasedTo', filter.releasedTo],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) {
      throw new InvalidQueryError(`${name} must be a real date written YYYY-MM-DD`);
    }
  }
  if (filter.releasedFrom && filter.releasedTo && filter.releasedFrom > filter.releasedTo) {
    throw new InvalidQueryError('releasedFrom must not be later than releasedTo');
  }
  const tagIds = async (slugs: readonly string[]) =>
    (
      await db.query<{ id: number }>({
        name: 'tag-ids',
        text: 'SELECT id FROM tags WHERE slug = ANY($1::text[]) ORDER BY id',
        values: [slugs],
      })
    ).map((r) => r.id);
  const anyOf = [...new Set(filter.tags?.anyOf ?? [])];
  if (anyOf.length > 0) {
    resolved.anyOfTagIds = await tagIds(anyOf);
    if (resolved.anyOfTagIds.length === 0) resolved.empty = true;
  }
  const allOf = [...new Set(filter.tags?.allOf ?? [])];
  if (allOf.length > 0) {
    resolved.allOfTagIds = await tagIds(allOf);
    if (resolved.allOfTagIds.length < allOf.length) resolved.empty = true;
  }
  const media = [...new Set(filter.media ?? [])];
  if (media.length > 0) {
    resolved.mediaIds = (
      await db.query<{ id: number }>({
        name: 'media-ids',
        text: 'SELECT id FROM media WHERE slug = ANY($1::text[]) ORDER BY id',
        values: [media],
      })
    ).map((r) => r.id);
    if (resolved.mediaIds.length === 0) resolved.empty = true;
  }
  if (filter.query !== undefined && filter.query.trim() !== '') {
    resolved.tsquery = toTsquery(filter.query);
    if (resolved.tsquery === null) resolved.empty = true;
    else {
      const found = await db.query({
        name: 'any-match',
        text: `SELECT 1 FROM articles WHERE search @@ to_tsquery('${SEARCH_CONFIG}', $1) LIMIT 1`,
        values: [resolved.tsquery],
      });
      // Nothing has these words whole: complete the last one (`immig` finds "immigration").
      const prefix = found.length === 0;
      if (prefix) resolved.tsquery = toTsquery(filter.query, { prefix });
      resolved.anyWord = toTsquery(filter.query, { prefix, join: '|' });
      resolved.inSummary = toTsquery(filter.query, { prefix, weight: 'B' });
    }
  }
  return resolved;
}

/** The conditions of a filter on `articles a`, their values added to `params`. */
export function whereOf(filter: PgFilter, params: Params): string[] {
  const where: string[] = [];
  if (filter.tsquery !== null) {
    where.push(`a.search @@ to_tsquery('${SEARCH_CONFIG}', ${params.add(filter.tsquery)})`);
  }
  if (filter.releasedFrom) where.push(`a.released_on >= ${params.add(filter.releasedFrom)}`);
  if (filter.releasedTo) where.push(`a.released_on <= ${params.add(filter.releasedTo)}`);
  if (filter.mediaIds.length > 0) {
    where.push(`a.media_id = ANY(${params.add(filter.mediaIds)}::int[])`);
  }
  for (const tagId of filter.allOfTagIds) {
    where.push(
      `EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id AND x.tag_id = ${params.add(tagId)})`,
    );
  }
  if (filter.anyOfTagIds.length > 0) {
    where.push(
      `EXISTS (SELECT 1 FROM article_tags y WHERE y.article_id = a.id AND y.tag_id = ANY(${params.add(filter.anyOfTagIds)}::int[]))`,
    );
  }
  return where;
}

export const whereClause = (where: string[]) =>
  where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';

/** The order a list takes: relevance only with a text query to rank by, else by date. */
export function effectiveOrder(order: ArticleOrder | undefined, filter: PgFilter): ArticleOrder {
  if (order === 'relevance') return filter.tsquery === null ? 'newest' : 'relevance';
  return order ?? 'newest';
}

/** Whether a filter keeps every article. */
export function isEverything(filter: PgFilter): boolean {
  return (
    !filter.empty &&
    filter.anyOfTagIds.length === 0 &&
    filter.allOfTagIds.length === 0 &&
    filter.mediaIds.length === 0 &&
    !filter.releasedFrom &&
    !filter.releasedTo &&
    filter.tsquery === null
  );
}
