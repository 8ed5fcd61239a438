import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import type { LoaderFunctionArgs } from 'react-router';
import { type FilterableList, withFilterOptions } from '../../components/article-filters-query.ts';
import type { SearchQueryQuery, SearchQueryQueryVariables } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { readFilters, toArticleFilter } from '../../lib/article-filters.ts';

export const SEARCH_PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 200;

export const SearchQuery = graphql(`
  query SearchQuery(
    $query: String!
    $first: Int!
    $after: String
    $filter: ArticleFilter
    # Shorter than the feed's: it stands in only where a result has no snippet.
    $excerptWords: Int! = 30
  ) {
    search(query: $query, first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        snippet {
          ...Snippet_parts
        }
        node {
          id
          ...ArticleListItem_article
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

export type SearchRef = PreloadedQueryRef<SearchQueryQuery, SearchQueryQueryVariables>;
export type SearchData = FilterableList<SearchRef>;

export const searchText = (params: URLSearchParams) =>
  (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);

/** Nothing is fetched for an empty query; the page shows how to search instead. */
export function searchLoader(preload: PreloadQueryFunction) {
  return ({ request }: LoaderFunctionArgs): Promise<SearchData> | null => {
    const params = new URL(request.url).searchParams;
    const query = searchText(params);
    if (!query) return null;
    const filter = toArticleFilter(readFilters(params));
    return withFilterOptions(
      preload,
      preload(SearchQuery, {
        variables: { query, first: SEARCH_PAGE_SIZE, ...(filter ? { filter } : {}) },
      }),
    );
  };
}
