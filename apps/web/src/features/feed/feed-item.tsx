// One article in the feed: date and outlet, headline, opening words, tags.

import { Link } from 'react-router';
import { ItemMeta } from '../../components/item-meta.tsx';
import { TagChips } from '../../components/tag-chips.tsx';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { paths } from '../../lib/site.ts';

export const FeedItemFragment = graphql(`
  fragment FeedItem_article on Article {
    id
    slug
    title
    releasedOn
    dateApproximate
    excerpt(words: 45)
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

export function FeedItem({ article: ref }: { article: FragmentType<typeof FeedItemFragment> }) {
  const article = getFragmentData(FeedItemFragment, ref);
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
      {article.excerpt ? <p className="item-excerpt">{article.excerpt}</p> : null}
      <TagChips tags={article.tags} />
    </article>
  );
}
