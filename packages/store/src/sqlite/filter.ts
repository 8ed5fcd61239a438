// Resolving an ArticleFilter into a ResolvedFilter: checked, its slugs turned into row ids, its
// text into a search-index query, and that query, with tag or outlet conditions, narrowed to
// the articles those allow.

import { InvalidQueryError } from '../errors.ts';
import { toFtsQuery } from '../fts-query.ts';
import { checkFilter } from '../limits.ts';
import type { ArticleFilter, ArticleOrder } from '../types.ts';
import { isIsoDate } from '../validate.ts';
import type { FilterCounts } from './filter-counts.ts';
import type { ResolvedFilter } from './list-query.ts';
import { json, type ReadContext } from './read-context.ts';

/**
 * A text query with tag or outlet conditions: with at most FTS_KEYS_MAX articles allowed by
 * those conditions the search index is read at each of their keys (each read costs about as
 * much as reading the word's whole list once, so only for a few); with at most FTS_IDS_MAX each
 * match is looked up among them; with more, most matches pass, and each match's tags are
 * checked instead, as a page then fills quickly.
 */
export const FTS_KEYS_MAX = 50;
export const FTS_IDS_MAX = 30_000;

export function resolveFilter(ctx: ReadContext, filter: ArticleFilter | undefined): ResolvedFilter {
  const resolved: ResolvedFilter = {
    empty: false,
    anyOfTagIds: [],
    allOfTagIds: [],
    mediaIds: [],
    releasedFrom: filter?.releasedFrom,
    releasedTo: filter?.releasedTo,
    ftsQuery: null,
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
  // Rarest first: the first tag of an `allOf` drives the read, the others are checked per row.
  const tagIds = (slugs: readonly string[]) =>
    ctx
      .stmt(
        'SELECT id FROM tags WHERE slug IN (SELECT value FROM json_each(?)) ORDER BY article_count, id',
      )
      .pluck()
      .all(json(slugs)) as number[];
  const anyOf = [...new Set(filter.tags?.anyOf ?? [])];
  if (anyOf.length > 0) {
    resolved.anyOfTagIds = tagIds(anyOf);
    if (resolved.anyOfTagIds.length === 0) resolved.empty = true;
  }
  const allOf = [...new Set(filter.tags?.allOf ?? [])];
  if (allOf.length > 0) {
    resolved.allOfTagIds = tagIds(allOf);
    if (resolved.allOfTagIds.length < allOf.length) resolved.empty = true;
  }
  const media = [...new Set(filter.media ?? [])];
  if (media.length > 0) {
    resolved.mediaIds = ctx
      .stmt('SELECT id FROM media WHERE slug IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(json(media)) as number[];
    if (resolved.mediaIds.length === 0) resolved.empty = true;
  }
  if (filter.query !== undefined && filter.query.trim() !== '') {
    resolved.ftsQuery = toFtsQuery(filter.query);
    if (resolved.ftsQuery === null) resolved.empty = true;
    else if (
      ctx
        .stmt('SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1')
        .get(resolved.ftsQuery) === undefined
    ) {
      // Nothing has these words whole: complete the last one (`immig` finds "immigration").
      resolved.ftsQuery = toFtsQuery(filter.query, true);
    }
  }
  const narrowed =
    resolved.anyOfTagIds.length + resolved.allOfTagIds.length + resolved.mediaIds.length > 0;
  if (resolved.ftsQuery !== null && narrowed && !resolved.empty) {
    // A common word among fewer tagged articles: look each match up among those articles
    // (or, when very few, read the index at each of them) rather than check its tags.
    const keys = ctx.filterCounts.searchKeys(resolved, ctx.ftsIdsMax);
    if (keys?.length === 0) resolved.empty = true;
    else if (keys && keys.length <= ctx.ftsKeysMax) resolved.ftsKeys = keys;
    else if (keys) resolved.ftsIds = keys.map((key) => key % 4294967296);
  }
  return resolved;
}

/** Reads the counts' columns ahead (in steps: see FilterCounts.ready) when a filter uses them. */
export async function columnsFor(
  filterCounts: FilterCounts,
  filter: ArticleFilter | undefined,
): Promise<void> {
  if (!filter) return;
  const narrowed =
    (filter.tags?.anyOf?.length ?? 0) +
      (filter.tags?.allOf?.length ?? 0) +
      (filter.media?.length ?? 0) >
    0;
  const dated = filter.releasedFrom !== undefined || filter.releasedTo !== undefined;
  if (narrowed || (dated && !filter.query?.trim())) await filterCounts.ready();
}

/** The order a list takes: relevance only with a text query to rank by, else by date. */
export function effectiveOrder(
  order: ArticleOrder | undefined,
  filter: ResolvedFilter,
): ArticleOrder {
  if (order === 'relevance') return filter.ftsQuery === null ? 'newest' : 'relevance';
  return order ?? 'newest';
}

/** Whether a filter keeps every article. */
export function isEverything(filter: ResolvedFilter): boolean {
  return (
    !filter.empty &&
    filter.anyOfTagIds.length === 0 &&
    filter.allOfTagIds.length === 0 &&
    filter.mediaIds.length === 0 &&
    !filter.releasedFrom &&
    !filter.releasedTo &&
    filter.ftsQuery === null
  );
}
