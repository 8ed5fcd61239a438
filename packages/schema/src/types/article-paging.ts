// The two ways to page through articles, shared by every list of them: Relay connections
// (ArticleConnection, with keyset cursors and search snippets on the edges) and numbered pages
// (ArticlePage); their sizes and costs; and the `articles` and `articlePage` fields of the types
// that own articles (a tag, an outlet).

import type { Article, ArticleFilter, ArticleHit, ArticleOrder, SnippetPart } from '@jin/store';
import { MAX_PAGE_NUMBER, MAX_PAGE_SIZE } from '@jin/store';
import type { ArgBuilder } from '@pothos/core';
import type { PageInfoShape } from '@pothos/plugin-relay';
import { z } from 'zod';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { decodeCursor, encodeCursor } from '../ids.ts';
import { ArticleOrderEnum, type FilterArg, readCost } from './article-filter.ts';
import { pageInfo, pageSizes } from './connection.ts';
import { ArticleRef } from './refs.ts';

type Types = typeof builder.$inferSchemaTypes;

const SnippetPartRef = builder.objectRef<SnippetPart>('SnippetPart').implement({
  description: 'A piece of a search snippet; highlighted parts matched the query.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'Plain text.' }),
    highlighted: t.exposeBoolean('highlighted', { description: 'True when this text matched.' }),
  }),
});

// ---- connections -------------------------------------------------------------------------

interface ArticleEdgeShape {
  cursor: string;
  node: Article;
  snippet: SnippetPart[] | null;
}

/** What a connection field resolves to; `totalCount` is counted only when asked for. */
interface ArticleConnectionShape {
  edges: ArticleEdgeShape[];
  pageInfo: PageInfoShape;
  totalCount: () => Promise<number>;
}

export const ArticleConnection = builder.connectionObject<
  typeof ArticleRef,
  ArticleConnectionShape
>(
  {
    type: ArticleRef,
    name: 'ArticleConnection',
    description: 'A page of articles with cursors for moving forward and backward.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many articles the whole list holds, across all pages.',
        resolve: (parent) => parent.totalCount(),
      }),
    }),
  },
  {
    name: 'ArticleEdge',
    description: 'An article in a list, with its cursor.',
    fields: (t) => ({
      snippet: t.expose('snippet', {
        type: [SnippetPartRef],
        nullable: true,
        complexity: { field: 1, multiplier: 1 },
        description: 'Where the query matched, for lists filtered by `query`; null otherwise.',
      }),
    }),
  },
);

interface ConnectionArgs {
  first?: number | null | undefined;
  last?: number | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
}

export const listComplexity = (args: {
  first?: number | null;
  last?: number | null;
  filter?: FilterArg;
  query?: string | null;
}) => ({
  field: readCost(args),
  multiplier: Math.min(args.first ?? args.last ?? 20, MAX_PAGE_SIZE),
});

/** One page of a connection: the store's keyset slice, its cursors, and a lazy total. */
export async function resolveConnection(
  ctx: Context,
  args: ConnectionArgs,
  filter: ArticleFilter,
  order: ArticleOrder,
): Promise<ArticleConnectionShape> {
  const slice = await ctx.store.listArticles({
    filter,
    order,
    ...pageSizes(args),
    after: args.after ? decodeCursor(args.after, 'after') : undefined,
    before: args.before ? decodeCursor(args.before, 'before') : undefined,
  });
  const edges = slice.hits.map((hit) => ({
    cursor: encodeCursor(hit.key),
    node: hit.article,
    snippet: hit.snippet,
  }));
  let count: Promise<number> | undefined;
  return {
    edges,
    pageInfo: pageInfo(edges, slice),
    totalCount: () => {
      count ??= ctx.store.countArticles(filter);
      return count;
    },
  };
}

// ---- numbered pages ----------------------------------------------------------------------

const ArticleHitRef = builder.objectRef<ArticleHit>('ArticleHit').implement({
  description: 'An article in a numbered page, with its search snippet when there was a query.',
  fields: (t) => ({
    article: t.field({
      type: ArticleRef,
      description: 'The article.',
      resolve: (hit) => hit.article,
    }),
    snippet: t.expose('snippet', {
      type: [SnippetPartRef],
      nullable: true,
      complexity: { field: 1, multiplier: 1 },
      description: 'Where the query matched; null when the list had no query.',
    }),
  }),
});

interface PageShape {
  hits: ArticleHit[];
  page: number;
  pageSize: number;
  pageCount: number;
  totalCount: number;
}

export const ArticlePageRef = builder.objectRef<PageShape>('ArticlePage').implement({
  description: 'Page N of M of a list of articles, for numbered tables.',
  fields: (t) => ({
    items: t.field({
      type: [ArticleHitRef],
      complexity: { field: 1, multiplier: 1 },
      description: 'The articles on this page, in order.',
      resolve: (p) => p.hits,
    }),
    page: t.exposeInt('page', { description: 'This page number, from 1.' }),
    pageSize: t.exposeInt('pageSize', { description: 'Articles per page.' }),
    pageCount: t.exposeInt('pageCount', {
      description: 'How many pages the list has (at least 1).',
    }),
    totalCount: t.exposeInt('totalCount', { description: 'How many articles the list holds.' }),
  }),
});

export const pageArgs = (arg: ArgBuilder<Types>) => ({
  page: arg.int({
    required: true,
    description: 'Which page, from 1.',
    validate: z
      .number()
      .int()
      .min(1, 'page must be at least 1')
      .max(MAX_PAGE_NUMBER, `page is at most ${MAX_PAGE_NUMBER}`),
  }),
  pageSize: arg.int({
    defaultValue: 20,
    description: `Articles per page, 1 to ${MAX_PAGE_SIZE}.`,
    validate: z
      .number()
      .int()
      .min(1, 'pageSize must be at least 1')
      .max(MAX_PAGE_SIZE, `pageSize is at most ${MAX_PAGE_SIZE}`),
  }),
});

export const pageComplexity = (args: {
  page?: number | null;
  pageSize?: number | null;
  filter?: FilterArg;
}) => {
  const pageSize = Math.min(args.pageSize ?? 20, MAX_PAGE_SIZE);
  const offset = Math.max(0, ((args.page ?? 1) - 1) * pageSize);
  return { field: readCost({ filter: args.filter, offset }), multiplier: pageSize };
};

// ---- the articles of an owner ------------------------------------------------------------

/** The `articles` and `articlePage` fields of a type that owns articles (a tag, an outlet). */
export function ownedArticleFields<Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
  owner: string,
  filterOf: (parent: Parent) => ArticleFilter,
) {
  return {
    articles: t.connection(
      {
        type: ArticleRef,
        description: `Articles ${owner}.`,
        args: {
          orderBy: t.arg({
            type: ArticleOrderEnum,
            defaultValue: 'newest',
            description: 'The order.',
          }),
        },
        complexity: listComplexity,
        resolve: (parent, args, ctx) =>
          resolveConnection(ctx, args, filterOf(parent), args.orderBy ?? 'newest'),
      },
      ArticleConnection,
    ),
    articlePage: t.field({
      type: ArticlePageRef,
      description: `Page N of M of the articles ${owner}, newest first.`,
      args: pageArgs(t.arg),
      complexity: pageComplexity,
      resolve: (parent, args, ctx) =>
        ctx.store.pageArticles({
          filter: filterOf(parent),
          page: args.page,
          pageSize: args.pageSize ?? 20,
        }),
    }),
  };
}
