// Editorial writes: create, update and delete articles, and maintain tags and outlets. Each
// mutation takes one `input`, needs a token with the right scope, and returns either its payload
// or a typed error listing every invalid field. Nothing is partly written.

import {
  type Article,
  type ArticleInput,
  type FieldIssue,
  InvalidInputError,
  NotFoundError,
  type Store,
  slugify,
} from '@jin/store';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { decodeId, encodeId } from '../ids.ts';
import { ArticleRef, MediaRef, TagRef } from './refs.ts';

builder.mutationType({ description: 'Change the archive. Every mutation needs an API token.' });

const FieldErrorRef = builder.objectRef<FieldIssue>('FieldError').implement({
  description: 'What is wrong with one input field.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'The field’s path in the input, e.g. `tags.1`.',
    }),
    message: t.exposeString('message', { description: 'What is wrong and what is allowed.' }),
  }),
});

const ErrorInterface = builder.interfaceRef<Error>('UserError').implement({
  description: 'An expected failure the client can show to the editor.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong.' }) }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  description: 'The input was invalid; nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fields: t.field({
      type: [FieldErrorRef],
      description: 'Every invalid field with its problem.',
      resolve: (error) => error.issues,
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The record to change does not exist; nothing was written.',
  interfaces: [ErrorInterface],
});

const ArticleInputFields = {
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
    title: t.string({ required: true, description: ArticleInputFields.title }),
    releasedOn: t.field({
      type: 'Date',
      required: true,
      description: ArticleInputFields.releasedOn,
    }),
    media: t.string({ required: true, description: ArticleInputFields.media }),
    summary: t.string({ required: true, description: ArticleInputFields.summary }),
    sourceUrl: t.string({ description: ArticleInputFields.sourceUrl }),
    tags: t.stringList({ required: true, description: ArticleInputFields.tags }),
    headlineVerified: t.boolean({ description: ArticleInputFields.headlineVerified }),
    dateApproximate: t.boolean({ description: ArticleInputFields.dateApproximate }),
  }),
});

const UpdateArticleInput = builder.inputType('UpdateArticleInput', {
  description: 'Changes to an article; fields left out keep their values.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The article’s global ID.' }),
    title: t.string({ description: ArticleInputFields.title }),
    releasedOn: t.field({ type: 'Date', description: ArticleInputFields.releasedOn }),
    media: t.string({ description: ArticleInputFields.media }),
    summary: t.string({ description: ArticleInputFields.summary }),
    sourceUrl: t.string({ description: ArticleInputFields.sourceUrl }),
    tags: t.stringList({ description: ArticleInputFields.tags }),
    headlineVerified: t.boolean({ description: ArticleInputFields.headlineVerified }),
    dateApproximate: t.boolean({ description: ArticleInputFields.dateApproximate }),
  }),
});

const DeleteArticleInput = builder.inputType('DeleteArticleInput', {
  description: 'The article to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The article’s global ID.' }) }),
});

const UpsertTagInput = builder.inputType('UpsertTagInput', {
  description: 'A tag to create, or to rename and redescribe when the slug exists.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The tag’s stable, URL-safe name.' }),
    name: t.string({ required: true, description: 'The display name.' }),
    description: t.string({ required: true, description: 'What the tag covers, in one sentence.' }),
  }),
});

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

const TagPayload = builder
  .objectRef<{ slug: string; name: string; description: string }>('TagPayload')
  .implement({
    description: 'The tag as stored after the change.',
    fields: (t) => ({ tag: t.field({ type: TagRef, description: 'The tag.', resolve: (p) => p }) }),
  });

const MediaPayload = builder
  .objectRef<{ slug: string; name: string; homepage: string | null }>('MediaPayload')
  .implement({
    description: 'The outlet as stored after the change.',
    fields: (t) => ({
      media: t.field({ type: MediaRef, description: 'The outlet.', resolve: (p) => p }),
    }),
  });

function articleId(globalId: string | number): number {
  const { typename, id } = decodeId(String(globalId));
  if (typename !== 'Article') throw badInput(`That ID belongs to a ${typename}, not an Article.`);
  return Number(id);
}

/** An outlet given by slug keeps its identity; any other text is an outlet name. */
async function mediaInput(store: Store, media: string): Promise<ArticleInput['media']> {
  const [existing] = await store.getMediaBySlugs([media]);
  return existing ? { name: existing.item.name, slug: existing.item.slug } : { name: media };
}

async function freeSlug(store: Store, wanted: string): Promise<string> {
  const base = slugify(wanted) || 'article';
  let slug = base;
  for (let n = 2; await store.getArticleBySlug(slug); n++) slug = `${base}-${n}`;
  return slug;
}

const errorTypes = (name: string) => ({
  types: [InvalidInputError, NotFoundError],
  directResult: true as const,
  union: { name: `${name}Result`, description: `The outcome of ${name}: its payload or an error.` },
});

builder.mutationFields((t) => ({
  createArticle: t.field({
    type: ArticlePayload,
    description: 'Add an article. Needs a token with the `write` scope.',
    authScopes: { write: true },
    errors: errorTypes('CreateArticle'),
    args: {
      input: t.arg({ type: CreateArticleInput, required: true, description: 'The article.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      if (input.slug != null && (await ctx.store.getArticleBySlug(input.slug))) {
        throw new InvalidInputError([
          { field: 'slug', message: `"${input.slug}" is already in use` },
        ]);
      }
      const { article } = await ctx.store.upsertArticle({
        ...input,
        slug: input.slug ?? (await freeSlug(ctx.store, input.title)),
        media: await mediaInput(ctx.store, input.media),
        headlineVerified: input.headlineVerified ?? undefined,
        dateApproximate: input.dateApproximate ?? undefined,
      });
      return { article };
    },
  }),
  updateArticle: t.field({
    type: ArticlePayload,
    description: 'Change an article. Needs a token with the `write` scope.',
    authScopes: { write: true },
    errors: errorTypes('UpdateArticle'),
    args: {
      input: t.arg({ type: UpdateArticleInput, required: true, description: 'The changes.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const current = await ctx.store.getArticleById(articleId(input.id));
      if (!current) throw new NotFoundError('No article has that ID.');
      const { article } = await ctx.store.upsertArticle({
        slug: current.slug,
        title: input.title ?? current.title,
        releasedOn: input.releasedOn ?? current.releasedOn,
        media:
          input.media != null
            ? await mediaInput(ctx.store, input.media)
            : { name: current.media.name, slug: current.media.slug },
        summary: input.summary ?? current.summary,
        sourceUrl: input.sourceUrl === undefined ? current.sourceUrl : input.sourceUrl,
        tags: input.tags ?? current.tags.map((tag) => tag.slug),
        headlineVerified: input.headlineVerified ?? current.headlineVerified,
        dateApproximate: input.dateApproximate ?? current.dateApproximate,
      });
      return { article };
    },
  }),
  deleteArticle: t.field({
    type: DeletePayload,
    description: 'Delete an article. Needs a token with the `write` scope.',
    authScopes: { write: true },
    errors: errorTypes('DeleteArticle'),
    args: {
      input: t.arg({ type: DeleteArticleInput, required: true, description: 'Which article.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const id = articleId(input.id);
      if (!(await ctx.store.deleteArticle(id))) throw new NotFoundError('No article has that ID.');
      return { id };
    },
  }),
  upsertTag: t.field({
    type: TagPayload,
    description:
      'Create a tag, or rename and redescribe one. Needs a token with the `admin` scope.',
    authScopes: { admin: true },
    errors: errorTypes('UpsertTag'),
    args: { input: t.arg({ type: UpsertTagInput, required: true, description: 'The tag.' }) },
    resolve: (_root, { input }, ctx) => ctx.store.upsertTag(input),
  }),
  updateMedia: t.field({
    type: MediaPayload,
    description:
      'Rename an outlet or set its home page; its articles follow. Needs a token with the `admin` scope.',
    authScopes: { admin: true },
    errors: errorTypes('UpdateMedia'),
    args: {
      input: t.arg({ type: UpdateMediaInput, required: true, description: 'The changes.' }),
    },
    resolve: (_root, { input }, ctx) =>
      ctx.store.updateMedia(input.slug, {
        name: input.name ?? undefined,
        homepage: input.homepage,
      }),
  }),
}));
