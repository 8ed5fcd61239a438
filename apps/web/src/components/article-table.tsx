// A numbered page of articles as a table: Released on | Article Title (Media) | Tags | Save.

import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../gql/index.ts';
import { paths } from '../lib/site.ts';
import { ReleaseDate } from './release-date.tsx';
import { SaveButton } from './save-button.tsx';
import { TagChips, TagChipsFragment } from './tag-chips.tsx';

export const ArticleTableFragment = graphql(`
  fragment ArticleTable_page on ArticlePage {
    page
    pageSize
    pageCount
    totalCount
    items {
      # Not ArticleListItem_article: a row has no excerpt and is rendered here, not by the list item.
      article {
        id
        slug
        title
        releasedOn
        dateApproximate
        media {
          id
          slug
          name
        }
        tags {
          ...TagChips_tags
        }
      }
    }
  }
`);

export function ArticleTable({
  page: pageRef,
  labelledBy,
  currentSlug,
  busy = false,
}: {
  page: FragmentType<typeof ArticleTableFragment>;
  /** The id of the heading that names the table. */
  labelledBy: string;
  /** The article being read, shown unlinked in its own list. */
  currentSlug?: string | undefined;
  busy?: boolean;
}) {
  const page = getFragmentData(ArticleTableFragment, pageRef);
  const items = page.items;
  return (
    <div className="table-wrap">
      <table className="article-table" aria-labelledby={labelledBy} aria-busy={busy || undefined}>
        <thead>
          <tr>
            <th scope="col" className="col-date">
              Released on
            </th>
            <th scope="col">Article Title (Media)</th>
            <th scope="col" className="col-tags">
              Tags
            </th>
            <th scope="col" className="col-save">
              <span className="visually-hidden">Save</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={4} className="empty-row">
                No articles on this page.
              </td>
            </tr>
          ) : null}
          {items.map(({ article }) => (
            <tr key={article.slug}>
              <td className="col-date" data-label="Released on">
                <ReleaseDate date={article.releasedOn} approximate={article.dateApproximate} />
              </td>
              <td className="col-title">
                {article.slug === currentSlug ? (
                  <strong aria-current="page">
                    {article.title} <span className="muted">(this article)</span>
                  </strong>
                ) : (
                  <Link to={paths.article(article.slug)}>{article.title}</Link>
                )}
                {' ('}
                <Link className="media-link" to={paths.media(article.media.slug)}>
                  {article.media.name}
                </Link>
                )
              </td>
              <td className="col-tags">
                <TagChips tags={article.tags} />
              </td>
              <td className="col-save">
                {/* The article being read has its own Save control, at the top of its page. */}
                {article.slug === currentSlug ? null : (
                  <SaveButton
                    article={{
                      ...article,
                      summary: null,
                      tags: getFragmentData(TagChipsFragment, article.tags),
                    }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
