import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import { todayInJapan } from '@jin/site';
import type { LoaderFunctionArgs } from 'react-router';
import { type FilterableList, withFilterOptions } from '../../components/article-filters-query.ts';
import type {
  ComingUpQueryQuery,
  ComingUpQueryQueryVariables,
  FeedQueryQuery,
  FeedQueryQueryVariables,
} from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { readFilters, toArticleFilter } from '../../lib/article-filters.ts';
import { yieldToBrowser } from '../../lib/yield-to-browser.ts';

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

/** The next rule changes to take effect, for the box beside the news; a query of its own, so
 * filtering or paging the news never fetches it again. */
export const ComingUpQuery = graphql(`
  query ComingUpQuery($today: Date!) {
    ruleChanges(first: 3, filter: { from: $today }) {
      edges {
        node {
          id
          ...RuleChangeSummary_ruleChange
        }
      }
      totalCount
    }
  }
`);

export type FeedRef = PreloadedQueryRef<FeedQueryQuery, FeedQueryQueryVariables>;
export type ComingUpRef = PreloadedQueryRef<ComingUpQueryQuery, ComingUpQueryQueryVariables>;
export type FeedData = FilterableList<FeedRef> & { comingUp: ComingUpRef };

/** Starts the feed query as soon as navigation begins, while the route's code loads. */
export function feedLoader(preload: PreloadQueryFunction) {
  return async ({ request }: LoaderFunctionArgs): Promise<FeedData> => {
    const filter = toArticleFilter(readFilters(new URL(request.url).searchParams));
    const comingUp = preload(ComingUpQuery, { variables: { today: todayInJapan() } });
    // On a server-rendered page each preload reads its answer back from the cache the page
    // carried, work enough for a task of its own: the browser gets a turn between them.
    await yieldToBrowser();
    const list = await withFilterOptions(
      preload,
      preload(FeedQuery, { variables: { first: FEED_PAGE_SIZE, ...(filter ? { filter } : {}) } }),
    );
    return { ...list, comingUp: await preload.toPromise(comingUp) };
  };
}
