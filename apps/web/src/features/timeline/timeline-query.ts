// The timeline's data: what is coming (effective on or after today in Japan, soonest first) and
// what has already changed (up to yesterday, the latest page of them), each its own query so each
// list pages on its own, and the filter choices (tags and statuses of residence).

import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import { dayBefore, todayInJapan } from '@jin/site';
import type { LoaderFunctionArgs } from 'react-router';
import type {
  TimelineOptionsQueryQuery,
  TimelineOptionsQueryQueryVariables,
  TimelinePastQueryQuery,
  TimelinePastQueryQueryVariables,
  TimelineUpcomingQueryQuery,
  TimelineUpcomingQueryQueryVariables,
} from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { yieldToBrowser } from '../../lib/yield-to-browser.ts';
import { readTimelineFilters, toRuleChangeFilter } from './timeline-filters.ts';

/** Entries per page of each list; a page of entries with their reports stays within the API's cost limit. */
export const TIMELINE_PAGE_SIZE = 25;

export const TimelineUpcomingQuery = graphql(`
  query TimelineUpcomingQuery($filter: RuleChangeFilter!, $first: Int!, $after: String) {
    ruleChanges(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...TimelineEntry_ruleChange
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

export const TimelinePastQuery = graphql(`
  query TimelinePastQuery($filter: RuleChangeFilter!, $last: Int!, $before: String) {
    ruleChanges(filter: $filter, last: $last, before: $before) {
      edges {
        cursor
        node {
          id
          ...TimelineEntry_ruleChange
        }
      }
      pageInfo {
        hasPreviousPage
        startCursor
      }
      totalCount
    }
  }
`);

export const TimelineOptionsQuery = graphql(`
  query TimelineOptionsQuery {
    tags {
      id
      slug
      name
    }
    residenceStatuses {
      slug
      name
    }
  }
`);

export type UpcomingRef = PreloadedQueryRef<
  TimelineUpcomingQueryQuery,
  TimelineUpcomingQueryQueryVariables
>;
export type PastRef = PreloadedQueryRef<TimelinePastQueryQuery, TimelinePastQueryQueryVariables>;
export type TimelineOptionsRef = PreloadedQueryRef<
  TimelineOptionsQueryQuery,
  TimelineOptionsQueryQueryVariables
>;

export interface TimelineData {
  upcoming: UpcomingRef;
  past: PastRef;
  options: TimelineOptionsRef;
  /** The day the lists were split on, in Japan: where the "Today" marker stands. */
  today: string;
}

export function timelineLoader(preload: PreloadQueryFunction) {
  return async ({ request }: LoaderFunctionArgs): Promise<TimelineData> => {
    const filter = toRuleChangeFilter(readTimelineFilters(new URL(request.url).searchParams));
    const today = todayInJapan();
    const upcoming = preload(TimelineUpcomingQuery, {
      variables: { filter: { ...filter, from: today }, first: TIMELINE_PAGE_SIZE },
    });
    // Each list read back from a page's cache is a piece of work of its own (see feedLoader).
    await yieldToBrowser();
    const past = preload(TimelinePastQuery, {
      variables: { filter: { ...filter, to: dayBefore(today) }, last: TIMELINE_PAGE_SIZE },
    });
    // As for the feed's filters: on a server-rendered page the lists are read back from the cache
    // the page carried, and the browser gets a turn before the options are.
    await yieldToBrowser();
    const options = preload(TimelineOptionsQuery);
    return {
      upcoming: await preload.toPromise(upcoming),
      past: await preload.toPromise(past),
      options: await preload.toPromise(options),
      today,
    };
  };
}
