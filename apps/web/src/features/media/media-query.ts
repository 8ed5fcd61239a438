import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import type { LoaderFunctionArgs } from 'react-router';
import type {
  MediaListQueryQuery,
  MediaListQueryQueryVariables,
  MediaQueryQuery,
  MediaQueryQueryVariables,
} from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { pageNumber } from '../../lib/page-number.ts';

export const MEDIA_PAGE_SIZE = 20;

export const MediaListQuery = graphql(`
  query MediaListQuery {
    mediaOutlets {
      id
      slug
      name
      homepage
      articleCount
    }
  }
`);

export const MediaQuery = graphql(`
  query MediaQuery($slug: String!, $page: Int!, $pageSize: Int!) {
    media(slug: $slug) {
      id
      slug
      name
      homepage
      articleCount
      articlePage(page: $page, pageSize: $pageSize) {
        ...ArticleTable_page
      }
    }
  }
`);

export type MediaListRef = PreloadedQueryRef<MediaListQueryQuery, MediaListQueryQueryVariables>;
export type MediaRef = PreloadedQueryRef<MediaQueryQuery, MediaQueryQueryVariables>;

export function mediaListLoader(preload: PreloadQueryFunction) {
  return (): Promise<MediaListRef> => preload.toPromise(preload(MediaListQuery));
}

export function mediaLoader(preload: PreloadQueryFunction) {
  return ({ params, request }: LoaderFunctionArgs): Promise<MediaRef> => {
    const page = pageNumber(new URL(request.url).searchParams.get('page'));
    return preload.toPromise(
      preload(MediaQuery, {
        variables: { slug: params.slug ?? '', page, pageSize: MEDIA_PAGE_SIZE },
      }),
    );
  };
}
