import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import type { LoaderFunctionArgs } from 'react-router';
import { type FilterableList, withFilterOptions } from '../../components/article-filters-query.ts';
import type { FeedQueryQuery, FeedQueryQueryVariables } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { readFilters, toArticleFilter } from '../../lib/article-filters.ts';

export const FEED_PAGE_SIZE = 20;

export const FeedQuery = graphql(`
  query FeedQuery(
    $first: Int!
    $after: String
    $filter: ArticleFilter
    $excerptWords: Int! = 45
  ) {
    articles(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
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

export type FeedRef = PreloadedQueryRef<FeedQueryQuery, FeedQueryQueryVariables>;
export type FeedData = FilterableList<FeedRef>;

/** Starts the feed query as soon as navigation begins, while the route's code loads. */
export function feedLoader(preload: PreloadQueryFunction) {
  return ({ request }: LoaderFunctionArgs): Promise<FeedData> => {
    const filter = toArticleFilter(readFilters(new URL(request.url).searchParams));
    return withFilterOptions(
      preload,
      preload(FeedQuery, { variables: { first: FEED_PAGE_SIZE, ...(filter ? { filter } : {}) } }),
    );
  };
}
