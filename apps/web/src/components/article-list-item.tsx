// One article in a list (the feed, search results): date and outlet, Save, headline, a passage,
// tags.

import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../gql/index.ts';
import { paths } from '../lib/site.ts';
import { ItemMeta } from './item-meta.tsx';
import { SaveButton } from './save-button.tsx';
import { TagChips, TagChipsFragment } from './tag-chips.tsx';

// $excerptWords is the operation's: each list sets its own excerpt length (a default in its query).
export const ArticleListItemFragment = graphql(`
  fragment ArticleListItem_article on Article {
    id
    slug
    title
    releasedOn
    dateApproximate
    excerpt(words: $excerptWords)
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

export function ArticleListItem({
  article: ref,
  snippet,
}: {
  article: FragmentType<typeof ArticleListItemFragment>;
  /** Shown instead of the excerpt, such as where a search matched. */
  snippet?: ReactNode;
}) {
  const article = getFragmentData(ArticleListItemFragment, ref);
  const toSave = {
    ...article,
    summary: article.excerpt,
    tags: getFragmentData(TagChipsFragment, article.tags),
  };
  return (
    <article className="list-item">
      <div className="item-head">
        <ItemMeta
          releasedOn={article.releasedOn}
          dateApproximate={article.dateApproximate}
          media={article.media}
        />
        <SaveButton article={toSave} />
      </div>
      <h2 className="item-title">
        <Link to={paths.article(article.slug)}>{article.title}</Link>
      </h2>
      {snippet ?? (article.excerpt ? <p className="item-excerpt">{article.excerpt}</p> : null)}
      <TagChips tags={article.tags} />
    </article>
  );
}
