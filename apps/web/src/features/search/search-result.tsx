// One search hit: date and outlet, headline, the matching passage, tags.

import { Link } from 'react-router';
import { ItemMeta } from '../../components/item-meta.tsx';
import { TagChips } from '../../components/tag-chips.tsx';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { paths } from '../../lib/site.ts';
import { Snippet, type SnippetFragment } from './snippet.tsx';

export const SearchResultFragment = graphql(`
  fragment SearchResult_article on Article {
    id
    slug
    title
    releasedOn
    dateApproximate
    excerpt(words: 30)
    media {
      id
      slug
      name
    }
    tags {
      ...TagChips_tags
    }
  }
`);

export function SearchResult({
  article: ref,
  snippet,
}: {
  article: FragmentType<typeof SearchResultFragment>;
  snippet: readonly FragmentType<typeof SnippetFragment>[] | null | undefined;
}) {
  const article = getFragmentData(SearchResultFragment, ref);
  if (!article.slug) return null;
  return (
    <article className="list-item">
      <ItemMeta
        releasedOn={article.releasedOn}
        dateApproximate={article.dateApproximate}
        media={article.media}
      />
      <h2 className="item-title">
        <Link to={paths.article(article.slug)}>{article.title}</Link>
      </h2>
      {snippet && snippet.length > 0 ? (
        <Snippet parts={snippet} />
      ) : article.excerpt ? (
        <p className="item-excerpt">{article.excerpt}</p>
      ) : null}
      <TagChips tags={article.tags} />
    </article>
  );
}
