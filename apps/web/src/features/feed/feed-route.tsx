// The front page: newest articles first, filterable, with "Load more".

import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { useEffect, useRef, useTransition } from 'react';
import { useLoaderData, useSearchParams } from 'react-router';
import { ArticleFilters, FilterSummary } from '../../components/article-filters.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { hasFilters, readFilters } from '../../lib/article-filters.ts';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';
import { FeedItem } from './feed-item.tsx';
import type { FeedRef } from './feed-query.ts';

export function FeedRoute() {
  const queryRef = useLoaderData() as FeedRef;
  // The handlers hook goes first: it hands the refetched promise to useReadQuery.
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const { data } = useReadQuery(queryRef);
  const [pending, startTransition] = useTransition();
  const [params] = useSearchParams();
  const filtered = hasFilters(readFilters(params));
  const list = useRef<HTMLOListElement>(null);
  const focusFrom = useRef<number | null>(null);

  const connection = data.articles;
  const edges = connection?.edges ?? [];

  useDocumentMeta(
    filtered ? 'Filtered news' : 'Latest news',
    "The latest news about Japan's immigration and foreign-resident policy, newest first.",
  );

  // After "Load more", move focus to the first new article so keyboard users continue there.
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || edges.length <= from) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLAnchorElement>('.item-title a')[from]?.focus();
  }, [edges.length]);

  const loadMore = () => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    focusFrom.current = edges.length;
    startTransition(() => {
      fetchMore({ variables: { after } });
    });
  };

  return (
    <div className="page with-sidebar">
      <div className="page-head">
        <h1>{filtered ? 'Filtered news' : 'Latest news'}</h1>
        <p className="lede">
          News about Japan&rsquo;s immigration and foreign-resident policy, newest first, each with
          a summary written for this digest.
        </p>
      </div>
      <aside className="sidebar" aria-label="Filters">
        <ArticleFilters tags={data.tags} media={data.mediaOutlets} />
      </aside>
      <section className="main-column" aria-label="Articles">
        <FilterSummary tags={data.tags} media={data.mediaOutlets} />
        {edges.length === 0 ? (
          <p className="empty-state">No articles match these filters.</p>
        ) : (
          <ol className="item-list" ref={list}>
            {edges.map((edge) => (
              <li key={edge.node.id}>
                <FeedItem article={edge.node} />
              </li>
            ))}
          </ol>
        )}
        <LoadMore
          shown={edges.length}
          total={connection?.totalCount}
          hasMore={!!connection?.pageInfo.hasNextPage}
          pending={pending}
          onLoadMore={loadMore}
        />
      </section>
    </div>
  );
}
