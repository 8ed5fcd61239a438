// Tags and outlets, each with its count of articles.

import type { Counted, Media, Tag } from '../types.ts';
import { json, type ReadContext } from './read-context.ts';
import { countedMedia, countedTag, type MediaRow, type TagRow } from './rows.ts';

export function listTags(ctx: ReadContext): Counted<Tag>[] {
  const rows = ctx
    .stmt('SELECT slug, name, description, article_count FROM tags ORDER BY name')
    .all() as TagRow[];
  return rows.map(countedTag);
}

export function getTagsBySlugs(
  ctx: ReadContext,
  slugs: readonly string[],
): (Counted<Tag> | null)[] {
  const rows = ctx
    .stmt(
      `SELECT slug, name, description, article_count FROM tags
       WHERE slug IN (SELECT value FROM json_each(?))`,
    )
    .all(json(slugs)) as TagRow[];
  const bySlug = new Map(rows.map((r) => [r.slug, countedTag(r)]));
  return slugs.map((s) => bySlug.get(s) ?? null);
}

export function listMedia(ctx: ReadContext): Counted<Media>[] {
  const rows = ctx
    .stmt('SELECT slug, name, homepage, article_count FROM media ORDER BY name COLLATE NOCASE')
    .all() as MediaRow[];
  return rows.map(countedMedia);
}

export function getMediaBySlugs(
  ctx: ReadContext,
  slugs: readonly string[],
): (Counted<Media> | null)[] {
  const rows = ctx
    .stmt(
      `SELECT slug, name, homepage, article_count FROM media
       WHERE slug IN (SELECT value FROM json_each(?))`,
    )
    .all(json(slugs)) as MediaRow[];
  const bySlug = new Map(rows.map((r) => [r.slug, countedMedia(r)]));
  return slugs.map((s) => bySlug.get(s) ?? null);
}
