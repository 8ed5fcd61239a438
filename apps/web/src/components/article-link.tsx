// A link to an article with its date and outlet: lists that name articles without describing
// them (related articles, a story's articles, the reports behind a rule change).

import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../gql/index.ts';
import { paths } from '../lib/site.ts';
import { ReleaseDate } from './release-date.tsx';

export const ArticleLinkFragment = graphql(`
  # Less than a list item's: no excerpt, tags or outlet link.
  fragment ArticleLink_article on Article {
    id
    slug
    title
    releasedOn
    dateApproximate
    media {
      id
      name
    }
  }
`);

export function ArticleLink({
  article: ref,
}: {
  article: FragmentType<typeof ArticleLinkFragment>;
}) {
  const article = getFragmentData(ArticleLinkFragment, ref);
  return (
    <>
      <Link to={paths.article(article.slug)}>{article.title}</Link>
      <span className="item-meta">
        <ReleaseDate date={article.releasedOn} approximate={article.dateApproximate} />
        {` · ${article.media.name}`}
      </span>
    </>
  );
}
