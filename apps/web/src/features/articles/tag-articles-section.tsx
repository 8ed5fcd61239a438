// "News Articles including <Tag>": a numbered table per tag of the article, each with its own
// page number in the URL (?<tag>-page=N) so the tables page independently and back/forward work.

import { skipToken, useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { ArticleTable } from '../../components/article-table.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { pageNumber } from '../../lib/page-number.ts';
import { paths } from '../../lib/site.ts';

export const TAG_TABLE_PAGE_SIZE = 10;

export const TagArticlesSectionFragment = graphql(`
  fragment TagArticlesSection_tag on Tag {
    id
    slug
    name
    articleCount
    firstPage: articlePage(page: 1, pageSize: 10) {
      ...ArticleTable_page
    }
  }
`);

export const TagArticlesPageQuery = graphql(`
  query TagArticlesPageQuery($slug: String!, $page: Int!, $pageSize: Int!) {
    tag(slug: $slug) {
      id
      articlePage(page: $page, pageSize: $pageSize) {
        pageCount
        ...ArticleTable_page
      }
    }
  }
`);

export const tagPageParam = (slug: string) => `${slug}-page`;

export function TagArticlesSection({
  tag: ref,
  currentSlug,
}: {
  tag: FragmentType<typeof TagArticlesSectionFragment>;
  currentSlug: string;
}) {
  const tag = getFragmentData(TagArticlesSectionFragment, ref);
  const [params] = useSearchParams();
  const slug = tag.slug;
  const param = tagPageParam(slug);
  const page = pageNumber(params.get(param));
  const result = useQuery(
    TagArticlesPageQuery,
    page === 1 ? skipToken : { variables: { slug, page, pageSize: TAG_TABLE_PAGE_SIZE } },
  );
  const fetched = (result.data ?? result.previousData)?.tag?.articlePage;
  // While another page loads, the table keeps its rows (dimmed) so the layout does not jump.
  const shown = page === 1 ? tag.firstPage : (fetched ?? tag.firstPage);
  const busy = page !== 1 && result.loading;
  const pageCount = Math.max(1, Math.ceil(tag.articleCount / TAG_TABLE_PAGE_SIZE));
  const headingId = `tag-table-${slug}`;

  const to = (n: number) => {
    const next = new URLSearchParams(params);
    if (n === 1) next.delete(param);
    else next.set(param, String(n));
    const search = next.toString();
    return { search: search ? `?${search}` : '' };
  };

  return (
    <section className="tag-table" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>News Articles including {tag.name}</h2>
        <p className="muted">
          {tag.articleCount} {tag.articleCount === 1 ? 'article' : 'articles'}
          {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''} ·{' '}
          <Link to={paths.tag(slug)}>All {tag.name} articles</Link>
        </p>
      </div>
      {result.error && page !== 1 ? (
        <ErrorState error={result.error} heading="h3" onRetry={() => void result.refetch()} />
      ) : (
        <ArticleTable page={shown} labelledBy={headingId} currentSlug={currentSlug} busy={busy} />
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        to={to}
        label={`Pages of articles including ${tag.name}`}
        preventScrollReset
      />
    </section>
  );
}
