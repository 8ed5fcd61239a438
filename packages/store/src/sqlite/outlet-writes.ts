// Outlet writes inside a transaction the caller holds: finding or creating an outlet by slug or
// normalised name, and renaming one. The caller bumps the dataset version.

import type Database from 'better-sqlite3';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { Media, MediaInput, MediaPatch } from '../types.ts';
import { mediaKey, slugify, validateMedia } from '../validate.ts';

type Stmt = (sql: string) => Database.Statement;

/** The key outlet names are matched by; `field` names the input field when there is none. */
function outletKey(name: string, field: string): string {
  const key = mediaKey(name);
  if (!key) throw new InvalidInputError([{ field, message: 'must contain a letter or digit' }]);
  return key;
}

/** An editor's outlet text: an existing outlet's slug keeps that outlet; any other text is a name. */
export function outletNamed(stmt: Stmt, text: string): MediaInput {
  const bySlug = stmt('SELECT slug, name FROM media WHERE slug = ?').get(text) as
    | { slug: string; name: string }
    | undefined;
  return bySlug ?? { name: text };
}

/** Finds the outlet by slug or normalised name, creating it when new. */
export function resolveMedia(stmt: Stmt, input: MediaInput): Media & { id: number } {
  const media = validateMedia(input);
  const key = outletKey(media.name, 'media.name');
  const find = stmt(
    'SELECT id, slug, name, homepage FROM media WHERE slug = ? OR name_key = ? ORDER BY slug = ? DESC LIMIT 1',
  );
  const existing = find.get(media.slug ?? '', key, media.slug ?? '') as
    | (Media & { id: number })
    | undefined;
  if (existing) {
    if (media.homepage && existing.homepage !== media.homepage) {
      stmt('UPDATE media SET homepage = ? WHERE id = ?').run(media.homepage, existing.id);
      existing.homepage = media.homepage;
    }
    return existing;
  }
  const base = media.slug ?? (slugify(media.name) || 'outlet');
  let slug = base;
  for (let n = 2; stmt('SELECT 1 FROM media WHERE slug = ?').get(slug); n++) slug = `${base}-${n}`;
  const { lastInsertRowid } = stmt(
    'INSERT INTO media (slug, name, name_key, homepage) VALUES (?, ?, ?, ?)',
  ).run(slug, media.name, key, media.homepage ?? null);
  return {
    id: Number(lastInsertRowid),
    slug,
    name: media.name,
    homepage: media.homepage ?? null,
  };
}

/** Renames an outlet or changes its homepage; `changed` is false when nothing differed. */
export function updateOutlet(
  stmt: Stmt,
  slug: string,
  patch: MediaPatch,
): { media: Media; changed: boolean } {
  const current = stmt('SELECT id, slug, name, homepage FROM media WHERE slug = ?').get(slug) as
    | (Media & { id: number })
    | undefined;
  if (!current) throw new NotFoundError(`No outlet has the slug "${slug}".`);
  const media = validateMedia({
    slug,
    name: patch.name ?? current.name,
    homepage: patch.homepage === undefined ? current.homepage : patch.homepage,
  });
  const key = outletKey(media.name, 'name');
  const clash = stmt('SELECT slug, name FROM media WHERE name_key = ? AND id != ?').get(
    key,
    current.id,
  ) as { slug: string; name: string } | undefined;
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
    stmt('UPDATE media SET name = ?, name_key = ?, homepage = ? WHERE id = ?').run(
      media.name,
      key,
      homepage,
      current.id,
    );
  }
  return { media: { slug, name: media.name, homepage }, changed };
}
