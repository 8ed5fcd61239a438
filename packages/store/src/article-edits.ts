// What an editor's create and update mean, for every Store engine: the slug of a new article
// and an update's changes laid over the stored article. Engines apply these inside the
// transaction that writes, so no other write can take a slug or change the article between the
// check and the write.

import type { FieldIssue } from './errors.ts';
import type { Article, ArticleInput, ArticlePatch, MediaInput } from './types.ts';
import { slugify } from './validate.ts';

/** The issue of a new article whose chosen slug another article has. */
export const slugInUse = (slug: string): FieldIssue => ({
  field: 'slug',
  message: `"${slug}" is already in use`,
});

/** The title as a slug, or with `-2`, `-3`… appended, the first that no article has. */
export function freeSlug(title: string, taken: (slug: string) => boolean): string {
  const base = slugify(title) || 'article';
  let slug = base;
  for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
  return slug;
}

const outletOf = (media: { slug: string; name: string }): MediaInput => ({
  name: media.name,
  slug: media.slug,
});

/**
 * The stored article with the patch laid over it: fields the patch leaves out keep their values,
 * and `media` is the outlet the patch names, when it names one. The outlet the article was read
 * via describes its link, so it is kept only while the link stays the same.
 */
export function applyPatch(
  current: Article,
  patch: ArticlePatch,
  media: MediaInput | undefined,
): ArticleInput {
  const sourceUrl = patch.sourceUrl === undefined ? current.sourceUrl : patch.sourceUrl;
  return {
    slug: current.slug,
    title: patch.title ?? current.title,
    releasedOn: patch.releasedOn ?? current.releasedOn,
    media: media ?? outletOf(current.media),
    summary: patch.summary ?? current.summary,
    sourceUrl,
    readVia: current.readVia && sourceUrl === current.sourceUrl ? outletOf(current.readVia) : null,
    tags: patch.tags ?? current.tags.map((tag) => tag.slug),
    headlineVerified: patch.headlineVerified ?? current.headlineVerified,
    dateApproximate: patch.dateApproximate ?? current.dateApproximate,
  };
}
