// Article writes for the PostgreSQL store, inside the caller's write transaction: a batch is
// checked whole before anything is written, then written with one multi-row statement per
// table and chunk, so an import is all or nothing and a failed or dry one takes no ids.

import { applyPatch, freeSlug, slugInUse } from '../article-edits.ts';
import { type FieldIssue, InvalidInputError, NotFoundError } from '../errors.ts';
import type { ArticleDraft, ArticleInput, ArticlePatch, MediaInput } from '../types.ts';
import { type ValidArticle, validateArticle } from '../validate.ts';
import { getArticlesByIds } from './articles.ts';
import type { Db } from './db.ts';
import { outletKey, outletNamed, resolveMedia } from './outlet-writes.ts';

export type Change = 'created' | 'updated' | 'unchanged';

interface ExistingRow {
  id: number;
  slug: string;
  title: string;
  released_on: string;
  media_id: number;
  summary: string;
  source_url: string | null;
  read_via_media_id: number | null;
  headline_verified: boolean;
  date_approximate: boolean;
  tags: number[];
}

/** Rows per multi-row INSERT: bounded so one statement's arrays stay a few megabytes. */
const CHUNK = 5000;

interface Planned {
  a: ValidArticle;
  tagIds: number[];
}

/** Every record checked, in order, as the SQLite store checks them one by one. */
async function plan(db: Db, inputs: readonly ArticleInput[]): Promise<Planned[]> {
  const batch = inputs.length > 1;
  const index = (i: number) => (batch ? i : undefined);
  const tagIdOf = new Map(
    (
      await db.query<{ id: number; slug: string }>(
        'SELECT id, slug FROM tags WHERE slug = ANY($1::text[])',
        [[...new Set(inputs.flatMap((input) => input.tags ?? []))]],
      )
    ).map((r) => [r.slug, r.id]),
  );
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    if (batch && seen.has(input.slug)) {
      throw new InvalidInputError(
        [{ field: 'slug', message: `"${input.slug}" appears twice in this batch` }],
        i,
      );
    }
    seen.add(input.slug);
    const a = validateArticle(input, index(i));
    const issues: FieldIssue[] = [];
    const tagIds: number[] = [];
    for (const [t, slug] of a.tags.entries()) {
      const id = tagIdOf.get(slug);
      if (id === undefined) issues.push({ field: `tags.${t}`, message: `unknown tag "${slug}"` });
      else tagIds.push(id);
    }
    if (issues.length > 0) throw new InvalidInputError(issues, index(i));
    outletKey(a.media.name, 'media.name');
    if (a.readVia) outletKey(a.readVia.name, 'media.name');
    return { a, tagIds };
  });
}

/** Outlets of a batch, each resolved (found or created) once per distinct input. */
function outlets(db: Db) {
  const known = new Map<string, Promise<{ id: number; homepage: string | null }>>();
  return async (input: MediaInput) => {
    const key = JSON.stringify([input.slug ?? null, input.name, input.homepage ?? null]);
    let found = known.get(key);
    if (!found) {
      found = resolveMedia(db, input);
      known.set(key, found);
    }
    return (await found).id;
  };
}

export async function upsertArticles(
  db: Db,
  inputs: readonly ArticleInput[],
  dryRun = false,
): Promise<{ id: number; change: Change }[]> {
  const planned = await plan(db, inputs);
  const mediaId = outlets(db);
  const existing = new Map(
    (
      await db.query<ExistingRow>(
        `SELECT id, slug, title, released_on, media_id, summary, source_url, read_via_media_id,
                headline_verified, date_approximate,
                array(SELECT tag_id FROM article_tags WHERE article_id = a.id ORDER BY position) AS tags
         FROM articles a WHERE slug = ANY($1::text[])`,
        [planned.map((p) => p.a.slug)],
      )
    ).map((r) => [r.slug, r]),
  );
  const now = new Date().toISOString();
  const results: { id: number; change: Change }[] = [];
  const created: { p: Planned; values: unknown[] }[] = [];
  const updated: { id: number; p: Planned; values: unknown[] }[] = [];
  // (Outlets are resolved in record order, so homepages given later win, as in SQLite.)
  for (const p of planned) {
    const { a } = p;
    const values = [
      a.title,
      a.releasedOn,
      await mediaId(a.media),
      a.summary,
      a.sourceUrl ?? null,
      a.readVia ? await mediaId(a.readVia) : null,
      a.headlineVerified !== false,
      a.dateApproximate === true,
    ];
    const old = existing.get(a.slug);
    if (!old) {
      created.push({ p, values });
      results.push({ id: 0, change: 'created' });
      continue;
    }
    const same =
      [
        old.title,
        old.released_on,
        old.media_id,
        old.summary,
        old.source_url,
        old.read_via_media_id,
        old.headline_verified,
        old.date_approximate,
      ].every((v, i) => v === values[i]) && old.tags.join(',') === p.tagIds.join(',');
    results.push({ id: old.id, change: same ? 'unchanged' : 'updated' });
    if (!same) updated.push({ id: old.id, p, values });
  }
  if (dryRun) return results;

  // New rows take consecutive ids in record order (writers hold the write lock, so nobody else
  // draws from the sequence meanwhile).
  const ids =
    created.length === 0
      ? []
      : (
          await db.query<{ id: number }>(
            `SELECT nextval(pg_get_serial_sequence('articles', 'id'))::int AS id
             FROM generate_series(1, $1) ORDER BY 1`,
            [created.length],
          )
        ).map((r) => r.id);
  let next = 0;
  for (const result of results) if (result.change === 'created') result.id = ids[next++] as number;

  for (let start = 0; start < created.length; start += CHUNK) {
    const rows = created.slice(start, start + CHUNK);
    const column = (i: number) => rows.map((r) => r.values[i]);
    await db.query(
      `INSERT INTO articles (id, slug, title, released_on, media_id, summary, source_url,
         read_via_media_id, headline_verified, date_approximate, created_at, updated_at)
       SELECT *, $11::text, $11::text FROM unnest($1::int[], $2::text[], $3::text[], $4::text[],
         $5::int[], $6::text[], $7::text[], $8::int[], $9::bool[], $10::bool[])`,
      [
        ids.slice(start, start + CHUNK),
        rows.map((r) => r.p.a.slug),
        column(0),
        column(1),
        column(2),
        column(3),
        column(4),
        column(5),
        column(6),
        column(7),
        now,
      ],
    );
  }
  for (const { id, values } of updated) {
    await db.query(
      `UPDATE articles SET title = $1, released_on = $2, media_id = $3, summary = $4,
         source_url = $5, read_via_media_id = $6, headline_verified = $7, date_approximate = $8,
         updated_at = $9 WHERE id = $10`,
      [...values, now, id],
    );
  }
  if (updated.length > 0) {
    await db.query('DELETE FROM article_tags WHERE article_id = ANY($1::int[])', [
      updated.map((u) => u.id),
    ]);
  }
  const links = [
    ...created.map((c, i) => ({ id: ids[i] as number, p: c.p })),
    ...updated.map((u) => ({ id: u.id, p: u.p })),
  ].flatMap(({ id, p }) =>
    p.tagIds.map((tagId, position) => [id, position, tagId, p.a.releasedOn] as const),
  );
  for (let start = 0; start < links.length; start += CHUNK) {
    const rows = links.slice(start, start + CHUNK);
    await db.query(
      `INSERT INTO article_tags (article_id, position, tag_id, released_on)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[])`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
    );
  }
  return results;
}

/** An editor's new article: a free slug from the title unless one is given, the outlet by slug or name. */
export async function createArticle(
  db: Db,
  draft: ArticleDraft,
): Promise<{ id: number; change: Change }> {
  if (draft.slug != null) {
    const taken = await db.query('SELECT 1 FROM articles WHERE slug = $1', [draft.slug]);
    if (taken.length > 0) throw new InvalidInputError([slugInUse(draft.slug)]);
  }
  let slug = draft.slug;
  if (slug == null) {
    // The slugs freeSlug could try: the title's own, and it with a number appended.
    const base = freeSlug(draft.title, () => false);
    const taken = new Set(
      (
        await db.query<{ slug: string }>(
          'SELECT slug FROM articles WHERE slug = $1 OR slug LIKE $2',
          [base, `${base.replace(/[\\%_]/g, '\\$&')}-%`],
        )
      ).map((r) => r.slug),
    );
    slug = freeSlug(draft.title, (s) => taken.has(s));
  }
  const [result] = await upsertArticles(db, [
    { ...draft, slug, media: await outletNamed(db, draft.media) },
  ]);
  return result as { id: number; change: Change };
}

/** The stored article with the patch laid over it, written. */
export async function updateArticle(
  db: Db,
  id: number,
  patch: ArticlePatch,
): Promise<{ id: number; change: Change }> {
  const [current] = await getArticlesByIds(db, [id]);
  if (!current) throw new NotFoundError('No article has that ID.');
  const media = patch.media === undefined ? undefined : await outletNamed(db, patch.media);
  const [result] = await upsertArticles(db, [applyPatch(current, patch, media)]);
  return result as { id: number; change: Change };
}
