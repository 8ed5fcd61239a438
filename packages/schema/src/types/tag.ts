// The Tag type: a topic of the controlled vocabulary, with its articles; the root fields that
// read tags, and the mutation that creates or rewords one.

import { builder } from '../builder.ts';
import { ownedArticleFields } from './article-paging.ts';
import { TagRef } from './refs.ts';
import { userErrors } from './user-error.ts';

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

const UpsertTagInput = builder.inputType('UpsertTagInput', {
  description: 'A tag to create, or to rename and redescribe when the slug exists.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The tag’s stable, URL-safe name.' }),
    name: t.string({ required: true, description: 'The display name.' }),
    description: t.string({ required: true, description: 'What the tag covers, in one sentence.' }),
  }),
});

const TagPayload = builder
  .objectRef<{ slug: string; name: string; description: string }>('TagPayload')
  .implement({
    description: 'The tag as stored after the change.',
    fields: (t) => ({ tag: t.field({ type: TagRef, description: 'The tag.', resolve: (p) => p }) }),
  });

builder.mutationField('upsertTag', (t) =>
  t.field({
    type: TagPayload,
    // Null when refused before it ran: no token, a token without the scope, the store busy.
    nullable: true,
    description:
      'Create a tag, or rename and redescribe one. Needs a token with the `admin` scope.',
    authScopes: { admin: true },
    errors: userErrors('UpsertTag'),
    args: { input: t.arg({ type: UpsertTagInput, required: true, description: 'The tag.' }) },
    resolve: (_root, { input }, ctx) => ctx.store.upsertTag(input),
  }),
);
