// One article in the feed: date and outlet, headline, opening words, tags.

import { Link } from 'react-router';
import { ReleaseDate } from '../../components/release-date.tsx';
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
      <p className="item-meta">
        <ReleaseDate date={article.releasedOn} approximate={article.dateApproximate} />
        {article.media?.slug ? (
          <>
            <span aria-hidden="true"> · </span>
            <Link className="media-link" to={paths.media(article.media.slug)}>
              {article.media.name}
            </Link>
          </>
        ) : null}
      </p>
      <h2 className="item-title">
        <Link to={paths.article(article.slug)}>{article.title}</Link>
      </h2>
      {article.excerpt ? <p className="item-excerpt">{article.excerpt}</p> : null}
      <TagChips tags={article.tags} />
    </article>
  );
}
