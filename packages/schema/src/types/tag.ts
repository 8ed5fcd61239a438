// The Tag type: a topic of the controlled vocabulary, with its articles.

import { builder } from '../builder.ts';
import { ownedArticleFields } from './article-list.ts';
import { TagRef } from './refs.ts';

TagRef.implement({
  description: 'A topic from the archive’s controlled vocabulary.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the tag.' }),
    name: t.exposeString('name', { description: 'The display name.' }),
    description: t.exposeString('description', {
      description: 'What the tag covers, in one sentence.',
    }),
    articleCount: t.int({
      description: 'How many articles carry this tag.',
      resolve: async (tag, _args, ctx) =>
        tag.articleCount ?? (await TagRef.getDataloader(ctx).load(tag.slug)).articleCount ?? 0,
    }),
    ...ownedArticleFields(t, 'carrying this tag', (tag) => ({ tags: { allOf: [tag.slug] } })),
  }),
});

builder.queryFields((t) => ({
  tags: t.field({
    type: [TagRef],
    description: 'Every tag, by name, with its article count.',
    resolve: async (_root, _args, ctx) =>
      (await ctx.store.listTags()).map((c) => ({ ...c.item, articleCount: c.articleCount })),
  }),
  tag: t.field({
    type: TagRef,
    nullable: true,
    description: 'One tag by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The tag’s slug.' }) },
    resolve: (_root, args) => args.slug.slice(0, 200),
  }),
}));
