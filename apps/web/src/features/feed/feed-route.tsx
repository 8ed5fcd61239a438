// The front page: newest articles first, filterable, with "Load more", and the next rule changes.

import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { useLoaderData, useSearchParams } from 'react-router';
import { ArticleFilters, FilterSummary } from '../../components/article-filters.tsx';
import { ArticleListItem } from '../../components/article-list-item.tsx';
import { HydrateApart } from '../../components/hydrate-apart.tsx';
import { LoadMore, useLoadMore } from '../../components/load-more.tsx';
import { hasFilters, readFilters } from '../../lib/article-filters.ts';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';
import { ComingUp } from './coming-up.tsx';
import type { FeedData } from './feed-query.ts';

export function FeedRoute() {
  const { list: queryRef, options, comingUp } = useLoaderData() as FeedData;
  // The handlers hook goes first: it hands the refetched promise to useReadQuery.
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const { data } = useReadQuery(queryRef);
  const [params] = useSearchParams();
  const filtered = hasFilters(readFilters(params));

  const connection = data.articles;
  const edges = connection.edges;

  useDocumentMeta(
    filtered ? 'Filtered news' : 'Latest news',
    "The latest news about Japan's immigration and foreign-resident policy, newest first.",
  );

  const { list, pending, loadMore } = useLoadMore(
    edges.length,
    connection.pageInfo.endCursor,
    fetchMore,
  );

  return (
    <div className="page with-sidebar">
      <div className="page-head">
        <h1>{filtered ? 'Filtered news' : 'Latest news'}</h1>
        <p className="lede">
          News about Japan&rsquo;s immigration and foreign-resident policy, newest first, each with
          a summary written for this digest.
        </p>
      </div>
      <ComingUp queryRef={comingUp} />
      <aside className="sidebar" aria-label="Filters">
        <ArticleFilters options={options} />
      </aside>
      <section className="main-column" aria-label="Articles">
        <FilterSummary options={options} />
        {edges.length === 0 ? (
          <p className="empty-state">No articles match these filters.</p>
        ) : (
          <HydrateApart>
            <ol className="item-list" ref={list}>
              {edges.map((edge) => (
                <li key={edge.node.id}>
                  <ArticleListItem article={edge.node} />
                </li>
              ))}
            </ol>
          </HydrateApart>
        )}
        <LoadMore
          shown={edges.length}
          total={connection.totalCount}
          hasMore={connection.pageInfo.hasNextPage}
          pending={pending}
          onLoadMore={loadMore}
        />
      </section>
    </div>
  );
}
