// The tags and outlets the filters offer. One query of their own, shared by the feed and search:
// changing a filter or the search words fetches only the list, and these come from the cache.

import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import type {
  ArticleFiltersQueryQuery,
  ArticleFiltersQueryQueryVariables,
} from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { yieldToBrowser } from '../lib/yield-to-browser.ts';

export const ArticleFiltersQuery = graphql(`
  query ArticleFiltersQuery {
    tags {
      ...ArticleFilters_tags
    }
    mediaOutlets {
      ...ArticleFilters_media
    }
  }
`);

export type ArticleFiltersRef = PreloadedQueryRef<
  ArticleFiltersQueryQuery,
  ArticleFiltersQueryQueryVariables
>;

/** What a filterable list's loader returns: the list's own query and the filter options. */
export interface FilterableList<ListRef> {
  list: ListRef;
  options: ArticleFiltersRef;
}

/**
 * Completes a filterable list's loader: the list's query is already under way; the options
 * follow. On a server-rendered page both are read back from the cache the page carried, and the
 * browser gets a turn between the two reads, so neither holds the main thread for long.
 */
export async function withFilterOptions<ListRef extends PreloadedQueryRef<unknown, never>>(
  preload: PreloadQueryFunction,
  list: ListRef,
): Promise<FilterableList<ListRef>> {
  await yieldToBrowser();
  const options = preload(ArticleFiltersQuery);
  return { list: await preload.toPromise(list), options: await preload.toPromise(options) };
}
