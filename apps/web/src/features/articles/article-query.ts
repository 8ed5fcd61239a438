import type { PreloadedQueryRef, PreloadQueryFunction } from '@apollo/client/react';
import type { LoaderFunctionArgs } from 'react-router';
import type { ArticleQueryQuery, ArticleQueryQueryVariables } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';

export const ArticleQuery = graphql(`
  query ArticleQuery($slug: String!) {
    article(slug: $slug) {
      id
      slug
      title
      headlineVerified
      releasedOn
      dateApproximate
      readingTimeMinutes
      sourceUrl
      description: excerpt(words: 30)
      media {
        id
        slug
        name
      }
      readVia {
        id
        slug
        name
      }
      summaryBlocks {
        ...SummaryBlocks_blocks
      }
      tags {
        id
        slug
        name
        ...TagChips_tags
        ...TagArticlesSection_tag
      }
      relatedArticles(first: 5) {
        ...RelatedArticles_articles
      }
      ruleChanges {
        id
        ...RuleChangeSummary_ruleChange
      }
      stories {
        ...StorySections_stories
      }
      series {
        id
        slug
        title
      }
    }
  }
`);

export type ArticleRef = PreloadedQueryRef<ArticleQueryQuery, ArticleQueryQueryVariables>;

export function articleLoader(preload: PreloadQueryFunction) {
  return ({ params }: LoaderFunctionArgs): Promise<ArticleRef> =>
    preload.toPromise(preload(ArticleQuery, { variables: { slug: params.slug ?? '' } }));
}
