// The Article type: the object, the root fields that read one article or lists of them, and the
// mutations that create, change and delete articles with their inputs and payloads.
// Kept whole: it is the Article type as a client sees it, in the layout every type file follows.

import { type Article, MAX_QUERY_WORDS, NotFoundError } from '@jin/store';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { articleIdFrom, encodeId } from '../ids.ts';
import {
  ArticleFilterInput,
  ArticleOrderEnum,
  textQuery,
  toStoreFilter,
} from './article-filter.ts';
import {
  ArticleConnection,
  ArticlePageRef,
  listComplexity,
  pageArgs,
  pageComplexity,
  resolveConnection,
} from './article-paging.ts';
import { ArticleRef, MediaRef, TagRef } from './refs.ts';
import { excerpt, parseSummary, SummaryBlockRef, wordCount } from './summary.ts';
import { userErrors } from './user-error.ts';

const WORDS_PER_MINUTE = 200;

ArticleRef.implement({
  description:
    'A news article published elsewhere, recorded with a summary written for this archive.',
  fields: (t) => ({
    articleId: t.exposeInt('id', { description: 'The numeric id of the article in this archive.' }),
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the article.' }),
    title: t.exposeString('title', { description: 'The headline as the outlet published it.' }),
    headlineVerified: t.exposeBoolean('headlineVerified', {
      description: 'False when the exact published headline could not be confirmed.',
    }),
    releasedOn: t.field({
      type: 'Date',
      description: 'The date the outlet published the article.',
      resolve: (a) => a.releasedOn,
    }),
    dateApproximate: t.exposeBoolean('dateApproximate', {
      description: 'True when the release date is known only approximately.',
    }),
    media: t.field({
      type: MediaRef,
      description: 'The outlet that published the article.',
      resolve: (a) => a.media,
    }),
    readVia: t.field({
      type: MediaRef,
      nullable: true,
      description:
        'The outlet whose site `sourceUrl` is on, when the article was read there in a syndicated or reprinted copy; null when the link is to the original outlet.',
      resolve: (a) => a.readVia,
    }),
    summary: t.exposeString('summary', {
      description:
        'The summary as written: paragraphs separated by blank lines, list items starting with "- " or "1. ". Plain text, never HTML.',
    }),
    summaryBlocks: t.field({
      type: [SummaryBlockRef],
      complexity: { field: 1, multiplier: 1 },
      description: 'The summary as structured blocks (paragraphs, headings, lists) for rendering.',
      resolve: (a) => parseSummary(a.summary),
    }),
    excerpt: t.string({
      description: 'The opening words of the summary, for lists.',
      args: {
        words: t.arg.int({
          defaultValue: 40,
          description: 'At most this many words (5 to 120).',
          validate: z
            .number()
            .int()
            .min(5, 'words must be at least 5')
            .max(120, 'words is at most 120'),
        }),
      },
      resolve: (a, args) => excerpt(a, args.words ?? 40),
    }),
    readingTimeMinutes: t.int({
      description: `Minutes to read the summary at ${WORDS_PER_MINUTE} words a minute, at least 1.`,
      resolve: (a) => Math.max(1, Math.ceil(wordCount(a) / WORDS_PER_MINUTE)),
    }),
    sourceUrl: t.string({
      nullable: true,
      description: 'Where the original article can be read; null when not known.',
      resolve: (a) => a.sourceUrl,
    }),
    tags: t.field({
      type: [TagRef],
      description: 'The topics of the article, in the editor’s order.',
      complexity: { field: 1, multiplier: 3 },
      resolve: (a) => a.tags,
    }),
    relatedArticles: t.field({
      type: [ArticleRef],
      description: 'Other articles sharing the most tags with this one, most recent first on ties.',
      args: {
        first: t.arg.int({
          defaultValue: 5,
          description: 'How many, 0 to 20.',
          validate: z
            .number()
            .int()
            .min(0, 'first must be at least 0')
            .max(20, 'first is at most 20'),
        }),
      },
      complexity: (args) => ({ field: 3, multiplier: args.first ?? 5 }),
      resolve: (a, args, ctx) => ctx.related(args.first ?? 5).load(a.id),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the article was added to this archive.',
      resolve: (a) => a.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When the entry last changed.',
      resolve: (a) => a.updatedAt,
    }),
  }),
});

// ---- reads -------------------------------------------------------------------------------

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleRef,
    nullable: true,
    description:
      'One article by `slug` or by global `id` (give exactly one); null when there is none.',
    args: {
      slug: t.arg.string({ description: 'The article’s slug.' }),
      id: t.arg.id({ description: 'The article’s global ID.' }),
    },
    resolve: async (_root, { slug, id }, ctx) => {
      if (slug != null && id == null) return ctx.store.getArticleBySlug(slug.slice(0, 200));
      if (id != null && slug == null) return String(articleIdFrom(id));
      throw badInput('Give exactly one of `slug` or `id`.');
    },
  }),
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

// ---- writes ------------------------------------------------------------------------------

const inputDescriptions = {
  title: 'The headline as the outlet published it.',
  releasedOn: 'The date the outlet published it.',
  media: 'The outlet: an existing outlet’s slug, or a name (new outlets are created).',
  summary: 'The summary: paragraphs separated by blank lines; list lines start with "- " or "1. ".',
  sourceUrl: 'Where the original can be read (http or https); null for unknown.',
  tags: 'Tag slugs from the vocabulary, 1 to 10.',
  headlineVerified: 'False when the exact headline is not confirmed.',
  dateApproximate: 'True when the date is only approximate.',
};

const CreateArticleInput = builder.inputType('CreateArticleInput', {
  description: 'A new article.',
  fields: (t) => ({
    slug: t.string({ description: 'A URL-safe name; made from the title when left out.' }),
    title: t.string({ required: true, description: inputDescriptions.title }),
    releasedOn: t.field({
      type: 'Date',
      required: true,
      description: inputDescriptions.releasedOn,
    }),
    media: t.string({ required: true, description: inputDescriptions.media }),
    summary: t.string({ required: true, description: inputDescriptions.summary }),
    sourceUrl: t.string({ description: inputDescriptions.sourceUrl }),
    tags: t.stringList({ required: true, description: inputDescriptions.tags }),
    headlineVerified: t.boolean({ description: inputDescriptions.headlineVerified }),
    dateApproximate: t.boolean({ description: inputDescriptions.dateApproximate }),
  }),
});

const UpdateArticleInput = builder.inputType('UpdateArticleInput', {
  description: 'Changes to an article; fields left out keep their values.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The article’s global ID.' }),
    title: t.string({ description: inputDescriptions.title }),
    releasedOn: t.field({ type: 'Date', description: inputDescriptions.releasedOn }),
    media: t.string({ description: inputDescriptions.media }),
    summary: t.string({ description: inputDescriptions.summary }),
    sourceUrl: t.string({ description: inputDescriptions.sourceUrl }),
    tags: t.stringList({ description: inputDescriptions.tags }),
    headlineVerified: t.boolean({ description: inputDescriptions.headlineVerified }),
    dateApproximate: t.boolean({ description: inputDescriptions.dateApproximate }),
  }),
});

const DeleteArticleInput = builder.inputType('DeleteArticleInput', {
  description: 'The article to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The article’s global ID.' }) }),
});

const ArticlePayload = builder.objectRef<{ article: Article }>('ArticlePayload').implement({
  description: 'The article as stored after the change.',
  fields: (t) => ({
    article: t.field({ type: ArticleRef, description: 'The article.', resolve: (p) => p.article }),
  }),
});

const DeletePayload = builder.objectRef<{ id: number }>('DeleteArticlePayload').implement({
  description: 'What was deleted.',
  fields: (t) => ({
    deletedId: t.id({
      description: 'The deleted article’s global ID.',
      resolve: (p) => encodeId('Article', p.id),
    }),
  }),
});

/** GraphQL's null for "not given" as the store's undefined; `sourceUrl: null` stays, to clear. */
const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

// Null when the mutation was refused before it ran: no token, a token without the scope, or
// the store busy with another writer (each with its error).
builder.mutationFields((t) => ({
  createArticle: t.field({
    type: ArticlePayload,
    nullable: true,
    description: 'Add an article. Needs a token with the `write` scope.',
    authScopes: { write: true },
    errors: userErrors('CreateArticle'),
    args: {
      input: t.arg({ type: CreateArticleInput, required: true, description: 'The article.' }),
    },
    resolve: async (_root, { input }, ctx) => ({
      article: await ctx.store.createArticle({
        ...input,
        slug: given(input.slug),
        headlineVerified: given(input.headlineVerified),
        dateApproximate: given(input.dateApproximate),
      }),
    }),
  }),
  updateArticle: t.field({
    type: ArticlePayload,
    nullable: true,
    description: 'Change an article. Needs a token with the `write` scope.',
    authScopes: { write: true },
    errors: userErrors('UpdateArticle'),
    args: {
      input: t.arg({ type: UpdateArticleInput, required: true, description: 'The changes.' }),
    },
    resolve: async (_root, { input }, ctx) => ({
      article: await ctx.store.updateArticle(articleIdFrom(input.id), {
        title: given(input.title),
        releasedOn: given(input.releasedOn),
        media: given(input.media),
        summary: given(input.summary),
        sourceUrl: input.sourceUrl,
        tags: given(input.tags),
        headlineVerified: given(input.headlineVerified),
        dateApproximate: given(input.dateApproximate),
      }),
    }),
  }),
  deleteArticle: t.field({
    type: DeletePayload,
    nullable: true,
    description: 'Delete an article. Needs a token with the `write` scope.',
    authScopes: { write: true },
    errors: userErrors('DeleteArticle'),
    args: {
      input: t.arg({ type: DeleteArticleInput, required: true, description: 'Which article.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const id = articleIdFrom(input.id);
      if (!(await ctx.store.deleteArticle(id))) throw new NotFoundError('No article has that ID.');
      return { id };
    },
  }),
}));
