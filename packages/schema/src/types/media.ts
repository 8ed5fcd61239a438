// The Media type: a news outlet, with its articles; the root fields that read outlets, and the
// mutation that renames one or sets its home page.

import { builder } from '../builder.ts';
import { ownedArticleFields } from './article-paging.ts';
import { MediaRef } from './refs.ts';
import { userErrors } from './user-error.ts';

MediaRef.implement({
  description: 'A news outlet whose articles the archive records.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the outlet.' }),
    name: t.exposeString('name', { description: 'The display name.' }),
    homepage: t.exposeString('homepage', {
      nullable: true,
      description: 'The outlet’s website, when known.',
    }),
    articleCount: t.int({
      description: 'How many articles the archive holds from this outlet.',
      resolve: async (media, _args, ctx) =>
        media.articleCount ??
        (await MediaRef.getDataloader(ctx).load(media.slug)).articleCount ??
        0,
    }),
    ...ownedArticleFields(t, 'from this outlet', (media) => ({ media: [media.slug] })),
  }),
});

builder.queryFields((t) => ({
  mediaOutlets: t.field({
    type: [MediaRef],
    description: 'Every outlet, by name, with its article count.',
    resolve: async (_root, _args, ctx) =>
      (await ctx.store.listMedia()).map((c) => ({ ...c.item, articleCount: c.articleCount })),
  }),
  media: t.field({
    type: MediaRef,
    nullable: true,
    description: 'One outlet by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The outlet’s slug.' }) },
    resolve: (_root, args) => args.slug.slice(0, 200),
  }),
}));

const UpdateMediaInput = builder.inputType('UpdateMediaInput', {
  description: 'Changes to an outlet; fields left out stay as they are.',
  fields: (t) => ({
    slug: t.string({
      required: true,
      description: 'Which outlet, by its slug (which never changes).',
    }),
    name: t.string({
      description: 'A new display name; it must not be the name of another outlet.',
    }),
    homepage: t.string({ description: 'The outlet’s home page (http or https); null clears it.' }),
  }),
});

const MediaPayload = builder
  .objectRef<{ slug: string; name: string; homepage: string | null }>('MediaPayload')
  .implement({
    description: 'The outlet as stored after the change.',
    fields: (t) => ({
      media: t.field({ type: MediaRef, description: 'The outlet.', resolve: (p) => p }),
    }),
  });

builder.mutationField('updateMedia', (t) =>
  t.field({
    type: MediaPayload,
    // Null when refused before it ran: no token, a token without the scope, the store busy.
    nullable: true,
    description:
      'Rename an outlet or set its home page; its articles follow. Needs a token with the `admin` scope.',
    authScopes: { admin: true },
    errors: userErrors('UpdateMedia'),
    args: {
      input: t.arg({ type: UpdateMediaInput, required: true, description: 'The changes.' }),
    },
    resolve: (_root, { input }, ctx) =>
      ctx.store.updateMedia(input.slug, {
        name: input.name ?? undefined,
        homepage: input.homepage,
      }),
  }),
);
