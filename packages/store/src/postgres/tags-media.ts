// Tags and outlets, each with its count of articles.

import type { Counted, Media, Tag } from '../types.ts';
import type { Db } from './db.ts';
import { countedMedia, countedTag, type MediaRow, type TagRow } from './rows.ts';

const TAG_COLUMNS = `t.slug, t.name, t.description,
  (SELECT count(*) FROM article_tags at WHERE at.tag_id = t.id) AS article_count`;
const MEDIA_COLUMNS = `m.slug, m.name, m.homepage,
  (SELECT count(*) FROM articles a WHERE a.media_id = m.id) AS article_count`;
/** SQLite's NOCASE: ASCII letters folded, everything else compared by code point. */
const NOCASE = (column: string) =>
  `translate(${column}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C"`;

export async function listTags(db: Db): Promise<Counted<Tag>[]> {
  const rows = await db.query<TagRow>({
    name: 'list-tags',
    // Code point order, as SQLite's default collation sorts.
    text: `SELECT ${TAG_COLUMNS} FROM tags t ORDER BY t.name COLLATE "C", t.id`,
  });
  return rows.map(countedTag);
}

export async function getTagsBySlugs(
  db: Db,
  slugs: readonly string[],
): Promise<(Counted<Tag> | null)[]> {
  const rows = await db.query<TagRow>({
    name: 'tags-by-slugs',
    text: `SELECT ${TAG_COLUMNS} FROM tags t WHERE t.slug = ANY($1::text[])`,
    values: [slugs],
  });
  const bySlug = new Map(rows.map((r) => [r.slug, countedTag(r)]));
  return slugs.map((s) => bySlug.get(s) ?? null);
}

export async function listMedia(db: Db): Promise<Counted<Media>[]> {
  const rows = await db.query<MediaRow>({
    name: 'list-media',
    text: `SELECT ${MEDIA_COLUMNS} FROM media m ORDER BY ${NOCASE('m.name')}, m.id`,
  });
  return rows.map(countedMedia);
}

export async function getMediaBySlugs(
  db: Db,
  slugs: readonly string[],
): Promise<(Counted<Media> | null)[]> {
  const rows = await db.query<MediaRow>({
    name: 'media-by-slugs',
    text: `SELECT ${MEDIA_COLUMNS} FROM media m WHERE m.slug = ANY($1::text[])`,
    values: [slugs],
  });
  const bySlug = new Map(rows.map((r) => [r.slug, countedMedia(r)]));
  return slugs.map((s) => bySlug.get(s) ?? null);
}
