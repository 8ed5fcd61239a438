// Lists of articles: the filter input, orders, the connection, numbered pages and search.

import type { ArticleFilter, ArticleHit, ArticleOrder, SnippetPart } from '@jin/store';
import {
  MAX_FILTER_MEDIA,
  MAX_FILTER_SLUG_CHARS,
  MAX_FILTER_TAGS,
  MAX_PAGE_NUMBER,
  MAX_PAGE_SIZE,
  MAX_QUERY_CHARS,
  MAX_QUERY_WORDS,
  queryWords,
} from '@jin/store';
import type { ArgBuilder } from '@pothos/core';
import { z } from 'zod';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../ids.ts';
import { ArticleRef } from './refs.ts';

const slugList = (what: string, max: number) =>
  z
    .array(
      z
        .string()
        .max(
          MAX_FILTER_SLUG_CHARS,
          `each ${what} slug is at most ${MAX_FILTER_SLUG_CHARS} characters`,
        ),
    )
    .max(max, `give at most ${max} ${what} slugs`);

/** The text-query rule of the store (limits.ts), checked where the argument is given. */
const textQuery = z
  .string()
  .max(MAX_QUERY_CHARS, `query is at most ${MAX_QUERY_CHARS} characters`)
  .refine(
    (q) => queryWords(q).length <= MAX_QUERY_WORDS,
    `query has more than ${MAX_QUERY_WORDS} words`,
  );

export const ArticleOrderEnum = builder.enumType('ArticleOrder', {
  description: 'How a list of articles is ordered.',
  values: {
    NEWEST: { value: 'newest', description: 'Latest release date first; ties by newest entry.' },
    OLDEST: { value: 'oldest', description: 'Earliest release date first.' },
    RELEVANCE: {
      value: 'relevance',
      description:
        'Best text match first, among the newest 1,000 matches, then the next 1,000, and so on; needs `filter.query`, otherwise NEWEST is used.',
    },
  } as const,
});

const TagFilter = builder.inputType('TagFilter', {
  description: 'Match articles by their tags (slugs). Both parts may be combined.',
  fields: (t) => ({
    anyOf: t.stringList({
      description: `Articles carrying at least one of these tags (at most ${MAX_FILTER_TAGS}).`,
      validate: slugList('tag', MAX_FILTER_TAGS),
    }),
    allOf: t.stringList({
      description: `Articles carrying every one of these tags (at most ${MAX_FILTER_TAGS}).`,
      validate: slugList('tag', MAX_FILTER_TAGS),
    }),
  }),
});

export const ArticleFilterInput = builder.inputType('ArticleFilter', {
  description: 'Conditions an article must meet; all given conditions apply together.',
  fields: (t) => ({
    tags: t.field({ type: TagFilter, description: 'Tag conditions.' }),
    media: t.stringList({
      description: `Articles from any of these outlets (slugs, at most ${MAX_FILTER_MEDIA}).`,
      validate: slugList('media', MAX_FILTER_MEDIA),
    }),
    releasedFrom: t.field({ type: 'Date', description: 'Released on or after this date.' }),
    releasedTo: t.field({ type: 'Date', description: 'Released on or before this date.' }),
    query: t.string({
      description: `Words to find in the title or summary, searched literally (operators and punctuation are plain text); at most ${MAX_QUERY_WORDS} words.`,
      validate: textQuery,
    }),
  }),
});

type FilterArg = typeof ArticleFilterInput.$inferInput | null | undefined;

export function toStoreFilter(filter: FilterArg, base: ArticleFilter = {}): ArticleFilter {
  const result: ArticleFilter = { ...base };
  if (!filter) return result;
  const anyOf = filter.tags?.anyOf ?? undefined;
  const allOf = [...(base.tags?.allOf ?? []), ...(filter.tags?.allOf ?? [])];
  result.tags = { anyOf, allOf: allOf.length > 0 ? allOf : undefined };
  if (filter.media)
    result.media = base.media ? base.media.filter((m) => filter.media?.includes(m)) : filter.media;
  result.releasedFrom = filter.releasedFrom ?? undefined;
  result.releasedTo = filter.releasedTo ?? undefined;
  result.query = filter.query ?? undefined;
  if (result.releasedFrom && result.releasedTo && result.releasedFrom > result.releasedTo) {
    throw badInput(
      `releasedFrom (${result.releasedFrom}) is later than releasedTo (${result.releasedTo}); give a range that runs forward in time.`,
    );
  }
  return result;
}

const SnippetPartRef = builder.objectRef<SnippetPart>('SnippetPart').implement({
  description: 'A piece of a search snippet; highlighted parts matched the query.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'Plain text.' }),
    highlighted: t.exposeBoolean('highlighted', { description: 'True when this text matched.' }),
  }),
});

export const ArticleConnection = builder.connectionObject(
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
      snippet: t.field({
        type: [SnippetPartRef],
        nullable: true,
        complexity: { field: 1, multiplier: 1 },
        description: 'Where the query matched, for lists filtered by `query`; null otherwise.',
        resolve: (edge) => (edge as unknown as { snippet: SnippetPart[] | null }).snippet,
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

function checkSize(name: string, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(`${name} must be between 0 and ${MAX_PAGE_SIZE}; got ${value}.`);
  }
  return value;
}

/**
 * What a read costs before its items, in points of the query cost limit (about 0.05 ms of store
 * work at 100,000 articles each): tags and outlets to combine, words to rank, rows to skip. A text
 * query with tag conditions checks every match's tags, hence the larger price per tag there.
 */
export function readCost(args: {
  filter?: FilterArg;
  query?: string | null | undefined;
  offset?: number | undefined;
}): number {
  const filter = args.filter ?? undefined;
  const tags = (filter?.tags?.anyOf?.length ?? 0) + (filter?.tags?.allOf?.length ?? 0);
  const media = filter?.media?.length ?? 0;
  const text = args.query ?? filter?.query ?? '';
  const words = Math.min(queryWords(text).length, MAX_QUERY_WORDS);
  const search = words > 0 ? 400 + 60 * words : 0;
  return (
    2 + (words > 0 ? 800 : 40) * tags + 5 * media + search + Math.floor((args.offset ?? 0) / 500)
  );
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

export async function resolveConnection(
  ctx: Context,
  args: ConnectionArgs,
  filter: ArticleFilter,
  order: ArticleOrder,
) {
  const first = checkSize('first', args.first);
  const last = checkSize('last', args.last);
  const slice = await ctx.store.listArticles({
    filter,
    order,
    first: first ?? (last === undefined ? 20 : undefined),
    last,
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
    pageInfo: {
      hasNextPage: slice.hasNextPage,
      hasPreviousPage: slice.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => {
      count ??= ctx.store.countArticles(filter);
      return count;
    },
  };
}

const ArticleHitRef = builder.objectRef<ArticleHit>('ArticleHit').implement({
  description: 'An article in a numbered page, with its search snippet when there was a query.',
  fields: (t) => ({
    article: t.field({
      type: ArticleRef,
      description: 'The article.',
      resolve: (hit) => hit.article,
    }),
    snippet: t.field({
      type: [SnippetPartRef],
      nullable: true,
      complexity: { field: 1, multiplier: 1 },
      description: 'Where the query matched; null when the list had no query.',
      resolve: (hit) => hit.snippet,
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

type Types = typeof builder.$inferSchemaTypes;

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

builder.queryFields((t) => ({
  articles: t.connection(
    {
      type: ArticleRef,
      description: 'Articles, newest first unless `orderBy` says otherwise, optionally filtered.',
      args: {
        filter: t.arg({ type: ArticleFilterInput, description: 'Conditions to filter by.' }),
        orderBy: t.arg({
          type: ArticleOrderEnum,
          defaultValue: 'newest',
          description: 'The order.',
        }),
      },
      complexity: listComplexity,
      resolve: (_root, args, ctx) =>
        resolveConnection(ctx, args, toStoreFilter(args.filter), args.orderBy ?? 'newest'),
    },
    ArticleConnection,
  ),
  search: t.connection(
    {
      type: ArticleRef,
      description:
        'Full-text search over titles and summaries with highlighted snippets on the edges. Best match first among the newest 1,000 matches, then the next 1,000, and so on: with up to 1,000 matches, simply best match first.',
      args: {
        query: t.arg.string({
          required: true,
          description: `The words to find, searched literally; at most ${MAX_QUERY_WORDS} words.`,
          validate: textQuery,
        }),
        filter: t.arg({ type: ArticleFilterInput, description: 'Further conditions.' }),
      },
      complexity: listComplexity,
      resolve: (_root, args, ctx) =>
        resolveConnection(
          ctx,
          args,
          { ...toStoreFilter(args.filter), query: args.query },
          'relevance',
        ),
    },
    ArticleConnection,
  ),
  articlePage: t.field({
    type: ArticlePageRef,
    description: 'Page N of M of a filtered list, for numbered tables such as a tag’s articles.',
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: ArticleFilterInput, description: 'Conditions to filter by.' }),
      orderBy: t.arg({ type: ArticleOrderEnum, defaultValue: 'newest', description: 'The order.' }),
    },
    complexity: pageComplexity,
    resolve: (_root, args, ctx) =>
      ctx.store.pageArticles({
        filter: toStoreFilter(args.filter),
        order: args.orderBy ?? 'newest',
        page: args.page,
        pageSize: args.pageSize ?? 20,
      }),
  }),
}));

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
