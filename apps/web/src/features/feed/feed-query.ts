import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import type { LoaderFunctionArgs } from 'react-router';
import type { FeedQueryQuery, FeedQueryQueryVariables } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { readFilters, toArticleFilter } from '../../lib/article-filters.ts';

export const FEED_PAGE_SIZE = 20;

export const FeedQuery = graphql(`
  query FeedQuery($first: Int!, $after: String, $filter: ArticleFilter) {
    articles(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          ...FeedItem_article
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
    tags {
      ...ArticleFilters_tags
    }
    mediaOutlets {
      ...ArticleFilters_media
    }
  }
`);

export type FeedRef = PreloadedQueryRef<FeedQueryQuery, FeedQueryQueryVariables>;

/** Starts the feed query as soon as navigation begins, while the route's code loads. */
export function feedLoader(preload: PreloadQueryFunction) {
  return ({ request }: LoaderFunctionArgs): Promise<FeedRef> => {
    const filter = toArticleFilter(readFilters(new URL(request.url).searchParams));
    return preload.toPromise(
      preload(FeedQuery, { variables: { first: FEED_PAGE_SIZE, ...(filter ? { filter } : {}) } }),
    );
  };
}
