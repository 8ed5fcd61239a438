import { gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createCache } from './apollo-client.ts';
import { type Connection, mergeConnection } from './connection-merge.ts';

const ref = (n: number) => ({ __ref: `Article:${n}` });
const edge = (n: number) => ({ cursor: `c${n}`, node: ref(n) });

function page(from: number, to: number, hasNextPage: boolean): Connection {
  const edges = [];
  for (let n = from; n <= to; n++) edges.push(edge(n));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: `c${from}`,
      endCursor: `c${to}`,
    },
    totalCount: 9,
  };
}

const ids = (c: Connection) => c.edges?.map((e) => (e.node as { __ref: string }).__ref.slice(8));

describe('mergeConnection', () => {
  it('appends the next page after its cursor', () => {
    const merged = mergeConnection(page(1, 3, true), page(4, 6, true), { after: 'c3' });
    expect(ids(merged)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(merged.pageInfo).toMatchObject({
      hasNextPage: true,
      endCursor: 'c6',
      startCursor: 'c1',
    });
  });

  it('does not duplicate a page that arrives twice (repeated cursor)', () => {
    let merged = mergeConnection(undefined, page(1, 3, true), {});
    merged = mergeConnection(merged, page(4, 6, true), { after: 'c3' });
    merged = mergeConnection(merged, page(4, 6, true), { after: 'c3' });
    expect(ids(merged)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('keeps later pages when the first page is refetched, with a new item on top', () => {
    let merged = mergeConnection(undefined, page(1, 3, true), {});
    merged = mergeConnection(merged, page(4, 6, true), { after: 'c3' });
    const refetched = page(1, 2, true);
    refetched.edges = [edge(0), ...(refetched.edges ?? [])];
    merged = mergeConnection(merged, refetched, {});
    expect(ids(merged)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    // The tail still comes from the last page loaded.
    expect(merged.pageInfo).toMatchObject({ hasNextPage: true, endCursor: 'c6' });
  });

  it('orders pages that arrive out of order, without gaps or repeats', () => {
    let merged = mergeConnection(undefined, page(1, 3, true), {});
    merged = mergeConnection(merged, page(7, 9, false), { after: 'c6' });
    merged = mergeConnection(merged, page(4, 6, true), { after: 'c3' });
    expect(ids(merged)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(merged.pageInfo).toMatchObject({ hasNextPage: false, endCursor: 'c9' });
  });

  it('drops nothing when an overlapping page repeats items already held', () => {
    let merged = mergeConnection(undefined, page(1, 4, true), {});
    merged = mergeConnection(merged, page(3, 6, false), { after: 'c4' });
    expect(ids(merged)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(new Set(ids(merged)).size).toBe(6);
  });

  it('puts a backward page before its cursor', () => {
    const merged = mergeConnection(page(4, 6, false), page(1, 3, true), { before: 'c4' });
    expect(ids(merged)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(merged.pageInfo?.hasNextPage).toBe(false);
  });
});

describe('the cache type policy', () => {
  const query = gql`
    query List($after: String, $filter: ArticleFilter) {
      articles(first: 2, after: $after, filter: $filter) {
        edges {
          cursor
          node {
            id
            title
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  `;
  const data = (ns: number[], hasNextPage: boolean) => ({
    articles: {
      __typename: 'ArticleConnection',
      edges: ns.map((n) => ({
        __typename: 'ArticleEdge',
        cursor: `c${n}`,
        node: { __typename: 'Article', id: `a${n}`, title: `Title ${n}` },
      })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${ns.at(-1)}` },
      totalCount: 5,
    },
  });

  it('merges pages under one list per filter and keeps filters apart', () => {
    const cache = createCache();
    cache.writeQuery({ query, variables: {}, data: data([1, 2], true) });
    cache.writeQuery({ query, variables: { after: 'c2' }, data: data([3, 4], true) });
    cache.writeQuery({ query, variables: { after: 'c2' }, data: data([3, 4], true) });
    cache.writeQuery({ query, variables: {}, data: data([1, 2], true) });
    const filter = { tags: { anyOf: ['statistics'] } };
    cache.writeQuery({ query, variables: { filter }, data: data([9], false) });

    const all = cache.readQuery<ReturnType<typeof data>>({ query, variables: {} });
    expect(all?.articles.edges.map((e) => e.node.title)).toEqual([
      'Title 1',
      'Title 2',
      'Title 3',
      'Title 4',
    ]);
    expect(all?.articles.pageInfo.endCursor).toBe('c4');
    const filtered = cache.readQuery<ReturnType<typeof data>>({ query, variables: { filter } });
    expect(filtered?.articles.edges.map((e) => e.node.title)).toEqual(['Title 9']);
  });
});
