// Outlet writes inside a transaction the caller holds: finding or creating an outlet by slug or
// normalised name, and renaming one. The same rules as the SQLite store's outlet-writes.ts; the
// caller bumps the dataset version.

import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { Media, MediaInput, MediaPatch } from '../types.ts';
import { mediaKey, slugify, validateMedia } from '../validate.ts';
import type { Db } from './db.ts';

/** The key outlet names are matched by; `field` names the input field when there is none. */
export function outletKey(name: string, field: string): string {
  const key = mediaKey(name);
  if (!key) throw new InvalidInputError([{ field, message: 'must contain a letter or digit' }]);
  return key;
}

/** An editor's outlet text: an existing outlet's slug keeps that outlet; any other text is a name. */
export async function outletNamed(db: Db, text: string): Promise<MediaInput> {
  const [bySlug] = await db.query<{ slug: string; name: string }>(
    'SELECT slug, name FROM media WHERE slug = $1',
    [text],
  );
  return bySlug ?? { name: text };
}

/** Finds the outlet by slug or normalised name, creating it when new. */
export async function resolveMedia(db: Db, input: MediaInput): Promise<Media & { id: number }> {
  const media = validateMedia(input);
  const key = outletKey(media.name, 'media.name');
  const [existing] = await db.query<Media & { id: number }>(
    `SELECT id, slug, name, homepage FROM media WHERE slug = $1 OR name_key = $2
     ORDER BY slug = $1 DESC LIMIT 1`,
    [media.slug ?? '', key],
  );
  if (existing) {
    if (media.homepage && existing.homepage !== media.homepage) {
      await db.query('UPDATE media SET homepage = $1 WHERE id = $2', [media.homepage, existing.id]);
      existing.homepage = media.homepage;
    }
    return existing;
  }
  const base = media.slug ?? (slugify(media.name) || 'outlet');
  const taken = new Set(
    (
      await db.query<{ slug: string }>(`SELECT slug FROM media WHERE slug = $1 OR slug LIKE $2`, [
        base,
        `${base.replace(/[\\%_]/g, '\\$&')}-%`,
      ])
    ).map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const [created] = await db.query<{ id: number }>(
    'INSERT INTO media (slug, name, name_key, homepage) VALUES ($1, $2, $3, $4) RETURNING id',
    [slug, media.name, key, media.homepage ?? null],
  );
  return { id: created?.id as number, slug, name: media.name, homepage: media.homepage ?? null };
}

/** Renames an outlet or changes its homepage; `changed` is false when nothing differed. */
export async function updateOutlet(
  db: Db,
  slug: string,
  patch: MediaPatch,
): Promise<{ media: Media; changed: boolean }> {
  const [current] = await db.query<Media & { id: number }>(
    'SELECT id, slug, name, homepage FROM media WHERE slug = $1',
    [slug],
  );
  if (!current) throw new NotFoundError(`No outlet has the slug "${slug}".`);
  const media = validateMedia({
    slug,
    name: patch.name ?? current.name,
    homepage: patch.homepage === undefined ? current.homepage : patch.homepage,
  });
  const key = outletKey(media.name, 'name');
  const [clash] = await db.query<{ slug: string; name: string }>(
    'SELECT slug, name FROM media WHERE name_key = $1 AND id <> $2',
    [key, current.id],
  );
  if (clash) {
    throw new InvalidInputError([
      {
        field: 'name',
        message: `"${media.name}" is the outlet "${clash.name}" (${clash.slug}); outlets cannot share a name`,
      },
    ]);
  }
  const homepage = media.homepage ?? null;
  const changed = media.name !== current.name || homepage !== current.homepage;
  if (changed) {
    await db.query('UPDATE media SET name = $1, name_key = $2, homepage = $3 WHERE id = $4', [
      media.name,
      key,
      homepage,
      current.id,
    ]);
  }
  return { media: { slug, name: media.name, homepage }, changed };
}
