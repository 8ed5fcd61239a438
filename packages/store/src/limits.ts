// The argument rules every Store implementation and the schema share: sizes of pages, filters
// and text queries. They bound the work of one read; the engines and the schema import them
// from here so that no limit is written twice.

import { InvalidQueryError } from './errors.ts';
import { MAX_QUERY_WORDS, queryWords } from './fts-query.ts';
import type { ArticleFilter } from './types.ts';

export { MAX_QUERY_WORDS, MIN_PREFIX_CHARS } from './fts-query.ts';

/** Most items in one page of any list. */
export const MAX_PAGE_SIZE = 100;
/** Highest page number of a numbered list. */
export const MAX_PAGE_NUMBER = 100_000;
/** Most tag slugs in one tag condition (`anyOf`, `allOf`); a union of many large tags is the costliest read. */
export const MAX_FILTER_TAGS = 5;
/** Most outlet slugs in one filter. */
export const MAX_FILTER_MEDIA = 20;
/** Longest slug accepted in a filter. */
export const MAX_FILTER_SLUG_CHARS = 120;
/** Longest text query, in characters. */
export const MAX_QUERY_CHARS = 200;

function check(condition: boolean, message: string): void {
  if (!condition) throw new InvalidQueryError(message);
}

/** Refuses a filter over the limits above, naming the argument. */
export function checkFilter(filter: ArticleFilter): void {
  for (const [name, list, max] of [
    ['tags.anyOf', filter.tags?.anyOf, MAX_FILTER_TAGS],
    ['tags.allOf', filter.tags?.allOf, MAX_FILTER_TAGS],
    ['media', filter.media, MAX_FILTER_MEDIA],
  ] as const) {
    if (!list) continue;
    check(list.length <= max, `${name} takes at most ${max} slugs; got ${list.length}`);
    for (const slug of list) {
      check(
        slug.length <= MAX_FILTER_SLUG_CHARS,
        `each slug in ${name} is at most ${MAX_FILTER_SLUG_CHARS} characters`,
      );
    }
  }
  if (filter.query !== undefined) {
    check(filter.query.length <= MAX_QUERY_CHARS, `query is at most ${MAX_QUERY_CHARS} characters`);
    const words = queryWords(filter.query).length;
    check(
      words <= MAX_QUERY_WORDS,
      `query has ${words} words; at most ${MAX_QUERY_WORDS} are searched`,
    );
  }
}
