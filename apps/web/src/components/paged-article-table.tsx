// A headed article table whose page number is the `?page=N` of the URL.

import { Link, useSearchParams } from 'react-router';
import { type FragmentType, getFragmentData } from '../gql/index.ts';
import { ArticleTable, ArticleTableFragment } from './article-table.tsx';
import { HydrateApart } from './hydrate-apart.tsx';
import { Pagination } from './pagination.tsx';

export function PagedArticleTable({
  page: ref,
  title,
  id,
}: {
  page: FragmentType<typeof ArticleTableFragment>;
  title: string;
  id: string;
}) {
  const [params] = useSearchParams();
  const table = getFragmentData(ArticleTableFragment, ref);
  const current = table.page;
  const pages = table.pageCount;
  const to = (n: number) => {
    const next = new URLSearchParams(params);
    if (n === 1) next.delete('page');
    else next.set('page', String(n));
    const search = next.toString();
    return { search: search ? `?${search}` : '' };
  };
  return (
    <section className="tag-table" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        <p className="muted">
          {table.totalCount} {table.totalCount === 1 ? 'article' : 'articles'}
          {pages > 1 ? ` · page ${Math.min(current, pages)} of ${pages}` : ''}
        </p>
      </div>
      {current > pages ? (
        <p className="empty-state">
          There is no page {current}; this list has {pages} {pages === 1 ? 'page' : 'pages'}.{' '}
          <Link to={to(1)}>Go to page 1</Link>
        </p>
      ) : (
        <HydrateApart>
          <ArticleTable page={ref} labelledBy={id} />
        </HydrateApart>
      )}
      <Pagination page={current} pageCount={pages} to={to} label={`Pages of ${title}`} />
    </section>
  );
}
