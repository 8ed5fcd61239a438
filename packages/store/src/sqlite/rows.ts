// Rows as SQLite returns them, and their mapping to the Store's articles, tags and outlets.

import type { Article, ArticleKey, ArticleOrder, Counted, Media, Tag } from '../types.ts';
import { json, type ReadContext } from './read-context.ts';

/** One row of ARTICLE_COLUMNS (see list-query.ts). */
export interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  released_on: string;
  summary: string;
  source_url: string | null;
  headline_verified: number;
  date_approximate: number;
  created_at: string;
  updated_at: string;
  media_slug: string;
  media_name: string;
  media_homepage: string | null;
  via_slug: string | null;
  via_name: string | null;
  via_homepage: string | null;
  rank?: number;
  /** For relevance lists: the tier the row was ranked in. */
  tier?: number;
}

export interface TagRow {
  slug: string;
  name: string;
  description: string;
  article_count: number;
}

export interface MediaRow {
  slug: string;
  name: string;
  homepage: string | null;
  article_count: number;
}

/** Every tag by row id (frozen: the lists of every request share them). */
function readTags(ctx: ReadContext): ReadonlyMap<number, Tag> {
  const rows = ctx.stmt('SELECT id, slug, name, description FROM tags').all() as (Tag & {
    id: number;
  })[];
  return new Map(
    rows.map(({ id, slug, name, description }) => [id, Object.freeze({ slug, name, description })]),
  );
}

/** The rows as articles, in the same order, their tags read for all of them at once. */
export function toArticles(ctx: ReadContext, rows: ArticleRow[]): Article[] {
  if (rows.length === 0) return [];
  const pairs = ctx
    .stmt(
      `SELECT article_id, tag_id FROM article_tags
       WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, position`,
    )
    .raw(true)
    .all(json(rows.map((r) => r.id))) as [articleId: number, tagId: number][];
  let tags = ctx.tags.get('all', () => readTags(ctx));
  // Tags are written with a new dataset version, so the kept ones name every tag; should a
  // write's own transaction read a tag it has just added, the tags are read afresh.
  if (pairs.some(([, tagId]) => !tags.has(tagId))) tags = readTags(ctx);
  const tagsOf = new Map<number, Tag[]>();
  for (const [articleId, tagId] of pairs) {
    const tag = tags.get(tagId) as Tag;
    const list = tagsOf.get(articleId);
    if (list === undefined) tagsOf.set(articleId, [tag]);
    else list.push(tag);
  }
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    releasedOn: r.released_on,
    media: { slug: r.media_slug, name: r.media_name, homepage: r.media_homepage },
    summary: r.summary,
    sourceUrl: r.source_url,
    readVia:
      r.via_slug === null
        ? null
        : { slug: r.via_slug, name: r.via_name as string, homepage: r.via_homepage },
    tags: tagsOf.get(r.id) ?? [],
    headlineVerified: r.headline_verified === 1,
    dateApproximate: r.date_approximate === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** A row's position in a list in `order`: its cursor. */
export function keyOf(row: ArticleRow, order: ArticleOrder): ArticleKey {
  return order === 'relevance'
    ? { kind: 'rank', tier: row.tier ?? 0, rank: row.rank ?? 0, id: row.id }
    : { kind: 'date', releasedOn: row.released_on, id: row.id };
}

export const countedTag = (r: TagRow): Counted<Tag> => ({
  item: { slug: r.slug, name: r.name, description: r.description },
  articleCount: r.article_count,
});

export const countedMedia = (r: MediaRow): Counted<Media> => ({
  item: { slug: r.slug, name: r.name, homepage: r.homepage },
  articleCount: r.article_count,
});

/** Rows that each name an article, as one list per article id, in the rows' order. */
export function byArticle<R extends { article_id: number }, T>(
  articleIds: readonly number[],
  rows: readonly R[],
  map: (row: R) => T,
): T[][] {
  const lists = new Map<number, T[]>();
  for (const row of rows) {
    const list = lists.get(row.article_id) ?? [];
    list.push(map(row));
    lists.set(row.article_id, list);
  }
  return articleIds.map((id) => lists.get(id) ?? []);
}

/** Rows in the order of the slugs asked for: the same length, null where no row has the slug. */
export function inSlugOrder<R extends { slug: string }, T>(
  slugs: readonly string[],
  rows: readonly R[],
  map: (row: R) => T,
): (T | null)[] {
  const bySlug = new Map(rows.map((row) => [row.slug, map(row)]));
  return slugs.map((slug) => bySlug.get(slug) ?? null);
}
