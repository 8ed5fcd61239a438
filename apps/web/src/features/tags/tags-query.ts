import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import { todayInJapan } from '@jin/site';
import type { LoaderFunctionArgs } from 'react-router';
import type {
  TagQueryQuery,
  TagQueryQueryVariables,
  TagsQueryQuery,
  TagsQueryQueryVariables,
} from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { pageNumber } from '../../lib/page-number.ts';

export const TAG_PAGE_SIZE = 20;

export const TagsQuery = graphql(`
  query TagsQuery {
    tags {
      id
      slug
      name
      description
      articleCount
    }
  }
`);

export const TagQuery = graphql(`
  query TagQuery($slug: String!, $page: Int!, $pageSize: Int!, $today: Date!) {
    tag(slug: $slug) {
      id
      slug
      name
      description
      articleCount
      articlesPerQuarter {
        quarter
        count
      }
      articlePage(page: $page, pageSize: $pageSize) {
        ...ArticleTable_page
      }
    }
    comingUp: ruleChanges(first: 3, filter: { tags: [$slug], from: $today }) {
      edges {
        node {
          id
          ...RuleChangeSummary_ruleChange
        }
      }
      totalCount
    }
    ruleChangeCount: ruleChanges(first: 0, filter: { tags: [$slug] }) {
      totalCount
    }
  }
`);

export type TagsRef = PreloadedQueryRef<TagsQueryQuery, TagsQueryQueryVariables>;
export type TagRef = PreloadedQueryRef<TagQueryQuery, TagQueryQueryVariables>;

export function tagsLoader(preload: PreloadQueryFunction) {
  return (): Promise<TagsRef> => preload.toPromise(preload(TagsQuery));
}

export function tagLoader(preload: PreloadQueryFunction) {
  return ({ params, request }: LoaderFunctionArgs): Promise<TagRef> => {
    const page = pageNumber(new URL(request.url).searchParams.get('page'));
    return preload.toPromise(
      preload(TagQuery, {
        variables: {
          slug: params.slug ?? '',
          page,
          pageSize: TAG_PAGE_SIZE,
          today: todayInJapan(),
        },
      }),
    );
  };
}
