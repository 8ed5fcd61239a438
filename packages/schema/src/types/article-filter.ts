// The conditions and orders of article lists (the ArticleFilter input and the ArticleOrder enum),
// how a filter becomes the store's, and what reading with one costs.

import type { ArticleFilter } from '@jin/store';
import {
  MAX_FILTER_MEDIA,
  MAX_FILTER_SLUG_CHARS,
  MAX_FILTER_TAGS,
  MAX_QUERY_CHARS,
  MAX_QUERY_WORDS,
  queryWords,
} from '@jin/store';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';

const slugList = (what: string, max: number) =>
  z
    .array(
      z
        .string()
        .max(
          MAX_FILTER_SLUG_CHARS,
          `each ${what} slug is at most ${MAX_FILTER_SLUG_CHARS} characters`,
        ),
    )
    .max(max, `give at most ${max} ${what} slugs`);

/** The text-query rule of the store (limits.ts), checked where the argument is given. */
export const textQuery = z
  .string()
  .max(MAX_QUERY_CHARS, `query is at most ${MAX_QUERY_CHARS} characters`)
  .refine(
    (q) => queryWords(q).length <= MAX_QUERY_WORDS,
    `query has more than ${MAX_QUERY_WORDS} words`,
  );

export const ArticleOrderEnum = builder.enumType('ArticleOrder', {
  description: 'How a list of articles is ordered.',
  values: {
    NEWEST: { value: 'newest', description: 'Latest release date first; ties by newest entry.' },
    OLDEST: { value: 'oldest', description: 'Earliest release date first.' },
    RELEVANCE: {
      value: 'relevance',
      description:
        'Best text match first, among the newest 1,000 matches, then the next 1,000, and so on; needs `filter.query`, otherwise NEWEST is used.',
    },
  } as const,
});

const TagFilter = builder.inputType('TagFilter', {
  description: 'Match articles by their tags (slugs). Both parts may be combined.',
  fields: (t) => ({
    anyOf: t.stringList({
      description: `Articles carrying at least one of these tags (at most ${MAX_FILTER_TAGS}).`,
      validate: slugList('tag', MAX_FILTER_TAGS),
    }),
    allOf: t.stringList({
      description: `Articles carrying every one of these tags (at most ${MAX_FILTER_TAGS}).`,
      validate: slugList('tag', MAX_FILTER_TAGS),
    }),
  }),
});

export const ArticleFilterInput = builder.inputType('ArticleFilter', {
  description: 'Conditions an article must meet; all given conditions apply together.',
  fields: (t) => ({
    tags: t.field({ type: TagFilter, description: 'Tag conditions.' }),
    media: t.stringList({
      description: `Articles from any of these outlets (slugs, at most ${MAX_FILTER_MEDIA}).`,
      validate: slugList('media', MAX_FILTER_MEDIA),
    }),
    releasedFrom: t.field({ type: 'Date', description: 'Released on or after this date.' }),
    releasedTo: t.field({ type: 'Date', description: 'Released on or before this date.' }),
    query: t.string({
      description: `Words to find in the title or summary, searched literally (operators and punctuation are plain text); at most ${MAX_QUERY_WORDS} words.`,
      validate: textQuery,
    }),
  }),
});

export type FilterArg = typeof ArticleFilterInput.$inferInput | null | undefined;

/** The client's filter as the store's, within `base` (the owner's own condition, if any). */
export function toStoreFilter(filter: FilterArg, base: ArticleFilter = {}): ArticleFilter {
  const result: ArticleFilter = { ...base };
  if (!filter) return result;
  const anyOf = filter.tags?.anyOf ?? undefined;
  const allOf = [...(base.tags?.allOf ?? []), ...(filter.tags?.allOf ?? [])];
  result.tags = { anyOf, allOf: allOf.length > 0 ? allOf : undefined };
  if (filter.media)
    result.media = base.media ? base.media.filter((m) => filter.media?.includes(m)) : filter.media;
  result.releasedFrom = filter.releasedFrom ?? undefined;
  result.releasedTo = filter.releasedTo ?? undefined;
  result.query = filter.query ?? undefined;
  if (result.releasedFrom && result.releasedTo && result.releasedFrom > result.releasedTo) {
    throw badInput(
      `releasedFrom (${result.releasedFrom}) is later than releasedTo (${result.releasedTo}); give a range that runs forward in time.`,
    );
  }
  return result;
}

/**
 * What a read costs before its items, in points of the query cost limit (about 0.05 ms of store
 * work at 100,000 articles each): tags and outlets to combine, words to rank, rows to skip. A text
 * query with tag conditions checks every match's tags, hence the larger price per tag there.
 */
export function readCost(args: {
  filter?: FilterArg;
  query?: string | null | undefined;
  offset?: number | undefined;
}): number {
  const filter = args.filter ?? undefined;
  const tags = (filter?.tags?.anyOf?.length ?? 0) + (filter?.tags?.allOf?.length ?? 0);
  const media = filter?.media?.length ?? 0;
  const text = args.query ?? filter?.query ?? '';
  const words = Math.min(queryWords(text).length, MAX_QUERY_WORDS);
  const search = words > 0 ? 400 + 60 * words : 0;
  return (
    2 + (words > 0 ? 800 : 40) * tags + 5 * media + search + Math.floor((args.offset ?? 0) / 500)
  );
}
