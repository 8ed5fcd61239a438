// Other articles that share the most tags with this one.

import { Link } from 'react-router';
import { ReleaseDate } from '../../components/release-date.tsx';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { paths } from '../../lib/site.ts';

export const RelatedArticlesFragment = graphql(`
  # Less than a list item's: a related link shows no excerpt, tags or outlet link.
  fragment RelatedArticles_articles on Article {
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

export function RelatedArticles({
  articles: refs,
}: {
  articles: readonly FragmentType<typeof RelatedArticlesFragment>[] | null | undefined;
}) {
  const articles = getFragmentData(RelatedArticlesFragment, refs ?? []);
  if (articles.length === 0) return null;
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related articles</h2>
      <ul className="related-list">
        {articles.map((article) =>
          article.slug ? (
            <li key={article.slug}>
              <Link to={paths.article(article.slug)}>{article.title}</Link>
              <span className="item-meta">
                <ReleaseDate date={article.releasedOn} approximate={article.dateApproximate} />
                {article.media?.name ? ` · ${article.media.name}` : ''}
              </span>
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}
