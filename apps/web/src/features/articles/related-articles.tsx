// Other articles that share the most tags with this one.

import { ArticleLink } from '../../components/article-link.tsx';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';

export const RelatedArticlesFragment = graphql(`
  fragment RelatedArticles_articles on Article {
    id
    ...ArticleLink_article
  }
`);

export function RelatedArticles({
  articles: refs,
}: {
  articles: readonly FragmentType<typeof RelatedArticlesFragment>[];
}) {
  const articles = getFragmentData(RelatedArticlesFragment, refs);
  if (articles.length === 0) return null;
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related articles</h2>
      <ul className="related-list">
        {articles.map((article) => (
          <li key={article.id}>
            <ArticleLink article={article} />
          </li>
        ))}
      </ul>
    </section>
  );
}
