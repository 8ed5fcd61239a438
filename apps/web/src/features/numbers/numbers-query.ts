// The statistics pages' data: every series with its latest figure and change (the overview), and
// one series whole, with the sources of every figure and the articles that report it.

import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import type { LoaderFunctionArgs } from 'react-router';
import type {
  NumbersQueryQuery,
  NumbersQueryQueryVariables,
  SeriesQueryQuery,
  SeriesQueryQueryVariables,
} from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';

export const NumbersQuery = graphql(`
  query NumbersQuery {
    statistics {
      id
      slug
      title
      description
      unit
      publisher
      ...SeriesHeadline_series
      lines {
        key
        label
        points {
          date
          value
        }
      }
    }
  }
`);

export const SeriesQuery = graphql(`
  query SeriesQuery($slug: String!) {
    series(slug: $slug) {
      id
      slug
      title
      description
      unit
      publisher
      ...SeriesHeadline_series
      lines {
        key
        label
        points {
          date
          period
          value
          approx
          sources {
            official
            articles {
              id
              slug
              title
              media {
                id
                name
              }
            }
          }
        }
      }
      notes {
        date
        text
      }
      articles {
        id
        ...ArticleLink_article
      }
    }
  }
`);

export type NumbersRef = PreloadedQueryRef<NumbersQueryQuery, NumbersQueryQueryVariables>;
export type SeriesRef = PreloadedQueryRef<SeriesQueryQuery, SeriesQueryQueryVariables>;

export function numbersLoader(preload: PreloadQueryFunction) {
  return (_args: LoaderFunctionArgs): Promise<NumbersRef> =>
    preload.toPromise(preload(NumbersQuery));
}

export function seriesLoader(preload: PreloadQueryFunction) {
  return ({ params }: LoaderFunctionArgs): Promise<SeriesRef> =>
    preload.toPromise(preload(SeriesQuery, { variables: { slug: params.series ?? '' } }));
}
