// The Media type: a news outlet, with its articles.

import { builder } from '../builder.ts';
import { ownedArticleFields } from './article-list.ts';
import { MediaRef } from './refs.ts';

MediaRef.implement({
  description: 'A news outlet whose articles the archive records.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the outlet.' }),
    name: t.exposeString('name', { description: 'The display name.' }),
    homepage: t.string({
      nullable: true,
      description: 'The outlet’s website, when known.',
      resolve: (m) => m.homepage,
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
