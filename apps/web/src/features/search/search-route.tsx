// Full-text search, best match first, with the filters of the feed.

import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { useId } from 'react';
import { Form, Link, useLoaderData, useSearchParams } from 'react-router';
import { ArticleFilters, FilterSummary } from '../../components/article-filters.tsx';
import type { ArticleFiltersRef } from '../../components/article-filters-query.ts';
import { ArticleListItem } from '../../components/article-list-item.tsx';
import { HydrateApart } from '../../components/hydrate-apart.tsx';
import { LoadMore, useLoadMore } from '../../components/load-more.tsx';
import { readFilters } from '../../lib/article-filters.ts';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';
import { MAX_QUERY_LENGTH, type SearchData, type SearchRef, searchText } from './search-query.ts';
import { Snippet } from './snippet.tsx';

export function SearchRoute() {
  const loaded = useLoaderData() as SearchData | null;
  const [params] = useSearchParams();
  const query = searchText(params);
  useDocumentMeta(
    query ? `Search: ${query}` : 'Search',
    'Search the titles and summaries of the archive.',
  );
  return (
    <div className="page with-sidebar">
      <div className="page-head">
        <h1>Search</h1>
        <SearchForm query={query} />
      </div>
      {loaded ? (
        <Results queryRef={loaded.list} options={loaded.options} query={query} />
      ) : (
        <section className="main-column empty-state" aria-label="How to search">
          <p>Type one or more words to search the titles and summaries of every article.</p>
          <p className="muted">
            Words are matched as written; try <Link to="/search?q=refugees">refugees</Link>,{' '}
            <Link to="/search?q=technical+intern">technical intern</Link> or{' '}
            <Link to="/search?q=digital+nomad">digital nomad</Link>, or{' '}
            <Link to="/tags">browse by tag</Link>.
          </p>
        </section>
      )}
    </div>
  );
}

function SearchForm({ query }: { query: string }) {
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const id = useId();
  return (
    <Form action="/search" role="search" className="search-form" key={query}>
      <label htmlFor={id} className="search-label">
        Words to find
      </label>
      <div className="search-row">
        <input
          id={id}
          type="search"
          name="q"
          defaultValue={query}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
        />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      {/* A new query keeps the filters in effect. */}
      {filters.tags.map((tag) => (
        <input key={tag} type="hidden" name="tags" value={tag} />
      ))}
      {filters.tags.length > 1 && filters.match === 'all' ? (
        <input type="hidden" name="match" value="all" />
      ) : null}
      {filters.media.map((media) => (
        <input key={media} type="hidden" name="media" value={media} />
      ))}
      {filters.from ? <input type="hidden" name="from" value={filters.from} /> : null}
      {filters.to ? <input type="hidden" name="to" value={filters.to} /> : null}
    </Form>
  );
}

function Results({
  queryRef,
  options,
  query,
}: {
  queryRef: SearchRef;
  options: ArticleFiltersRef;
  query: string;
}) {
  // The handlers hook goes first: it hands the refetched promise to useReadQuery.
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const { data } = useReadQuery(queryRef);
  const connection = data.search;
  const edges = connection.edges;

  const { list, pending, loadMore } = useLoadMore(
    edges.length,
    connection.pageInfo.endCursor,
    fetchMore,
  );

  const total = connection.totalCount;
  return (
    <>
      <aside className="sidebar" aria-label="Filters">
        <ArticleFilters options={options} />
      </aside>
      <section className="main-column" aria-label="Search results">
        <p className="result-count" role="status">
          {total === 0
            ? 'No articles match'
            : `${total} ${total === 1 ? 'article matches' : 'articles match'}`}{' '}
          &ldquo;{query}&rdquo;
        </p>
        <FilterSummary options={options} />
        {edges.length === 0 ? (
          <div className="empty-state">
            <p>Try fewer or different words, check the spelling, or remove some filters.</p>
          </div>
        ) : (
          <>
            <HydrateApart>
              <ol className="item-list" ref={list}>
                {edges.map((edge) => (
                  <li key={edge.node.id}>
                    <ArticleListItem
                      article={edge.node}
                      snippet={edge.snippet?.length ? <Snippet parts={edge.snippet} /> : null}
                    />
                  </li>
                ))}
              </ol>
            </HydrateApart>
            <LoadMore
              shown={edges.length}
              total={total}
              hasMore={connection.pageInfo.hasNextPage}
              pending={pending}
              onLoadMore={loadMore}
            />
          </>
        )}
      </section>
    </>
  );
}
