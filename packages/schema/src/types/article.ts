// The Article type and the root field that finds one article.

import { z } from 'zod';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { decodeId } from '../ids.ts';
import { ArticleRef, MediaRef, TagRef } from './refs.ts';
import { excerpt, parseSummary, SummaryBlockRef, wordCount } from './summary.ts';

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
      resolve: (a, args) => excerpt(a.summary, args.words ?? 40),
    }),
    readingTimeMinutes: t.int({
      description: `Minutes to read the summary at ${WORDS_PER_MINUTE} words a minute, at least 1.`,
      resolve: (a) => Math.max(1, Math.ceil(wordCount(a.summary) / WORDS_PER_MINUTE)),
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

builder.queryField('article', (t) =>
  t.field({
    type: ArticleRef,
    nullable: true,
    description:
      'One article by `slug` or by global `id` (give exactly one); null when there is none.',
    args: {
      slug: t.arg.string({ description: 'The article’s slug.' }),
      id: t.arg.id({ description: 'The article’s global ID.' }),
    },
    resolve: async (_root, args, ctx) => {
      if ((args.slug == null) === (args.id == null)) {
        throw badInput('Give exactly one of `slug` or `id`.');
      }
      if (args.slug != null) return ctx.store.getArticleBySlug(args.slug.slice(0, 200));
      const { typename, id } = decodeId(String(args.id));
      if (typename !== 'Article')
        throw badInput(`That ID belongs to a ${typename}, not an Article.`);
      return id;
    },
  }),
);
