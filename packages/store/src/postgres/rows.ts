// Rows as PostgreSQL returns them, and their mapping to the Store's articles, tags and outlets.

import type { Article, ArticleKey, ArticleOrder, Counted, Media, Tag } from '../types.ts';
import { type Db, int } from './db.ts';

/** One row of ARTICLE_COLUMNS. */
export interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  released_on: string;
  summary: string;
  source_url: string | null;
  headline_verified: boolean;
  date_approximate: boolean;
  created_at: string;
  updated_at: string;
  media_slug: string;
  media_name: string;
  media_homepage: string | null;
  via_slug: string | null;
  via_name: string | null;
  via_homepage: string | null;
  /** For relevance lists: the score (lower is better) and the tier it was ranked in. */
  rank?: number;
  tier?: number;
}

export const ARTICLE_COLUMNS = `a.id, a.slug, a.title, a.released_on, a.summary, a.source_url,
  a.headline_verified, a.date_approximate, a.created_at, a.updated_at,
  m.slug AS media_slug, m.name AS media_name, m.homepage AS media_homepage,
  v.slug AS via_slug, v.name AS via_name, v.homepage AS via_homepage`;

/** Joins the outlet, and the outlet a copy was read through, for ARTICLE_COLUMNS. */
export const MEDIA_JOINS =
  'JOIN media m ON m.id = a.media_id LEFT JOIN media v ON v.id = a.read_via_media_id';

/** The rows as articles, in the same order, their tags read for all of them at once. */
export async function toArticles(db: Db, rows: ArticleRow[]): Promise<Article[]> {
  if (rows.length === 0) return [];
  const tagRows = await db.query<Tag & { article_id: number }>({
    name: 'article-tags',
    text: `SELECT at.article_id, t.slug, t.name, t.description FROM article_tags at
       JOIN tags t ON t.id = at.tag_id
       WHERE at.article_id = ANY($1::int[]) ORDER BY at.article_id, at.position`,
    values: [rows.map((r) => r.id)],
  });
  const tagsOf = new Map<number, Tag[]>();
  for (const { article_id, slug, name, description } of tagRows) {
    const list = tagsOf.get(article_id) ?? [];
    if (list.length === 0) tagsOf.set(article_id, list);
    list.push({ slug, name, description });
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
    headlineVerified: r.headline_verified,
    dateApproximate: r.date_approximate,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** A row's position in a list in `order`: its cursor. */
export function keyOf(row: ArticleRow, order: ArticleOrder): ArticleKey {
  return order === 'relevance'
    ? { kind: 'rank', tier: row.tier ?? 0, rank: Number(row.rank ?? 0), id: row.id }
    : { kind: 'date', releasedOn: row.released_on, id: row.id };
}

export interface TagRow {
  slug: string;
  name: string;
  description: string;
  article_count: string | number;
}

export interface MediaRow {
  slug: string;
  name: string;
  homepage: string | null;
  article_count: string | number;
}

export const countedTag = (r: TagRow): Counted<Tag> => ({
  item: { slug: r.slug, name: r.name, description: r.description },
  articleCount: int(r.article_count),
});

export const countedMedia = (r: MediaRow): Counted<Media> => ({
  item: { slug: r.slug, name: r.name, homepage: r.homepage },
  articleCount: int(r.article_count),
});
