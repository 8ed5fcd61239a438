// Writes for the SQLite store. Each public method is one transaction; every write bumps the
// dataset version, and a batch with one invalid record writes nothing.

import type Database from 'better-sqlite3';
import { applyPatch, freeSlug, slugInUse } from '../article-edits.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type {
  Article,
  ArticleDraft,
  ArticleInput,
  ArticlePatch,
  Media,
  MediaInput,
  MediaPatch,
  Tag,
} from '../types.ts';
import { type ValidArticle, validateArticle, validateTag } from '../validate.ts';
import { outletNamed, resolveMedia, updateOutlet } from './outlet-writes.ts';

type Change = 'created' | 'updated' | 'unchanged';

interface ExistingRow {
  id: number;
  title: string;
  released_on: string;
  media_id: number;
  summary: string;
  source_url: string | null;
  read_via_media_id: number | null;
  headline_verified: number;
  date_approximate: number;
  tags: string;
}

class DryRun extends Error {}

/** Imports of at least this many articles index them for search in one statement. */
const BULK_ROWS = 100;
/**
 * Page cache for a bulk import, in KiB (SQLite's default is 2 MiB). Its rows land at random
 * places in the date, outlet, tag and search-key indexes; a larger cache keeps those pages in
 * memory between rows instead of reading them again. Restored afterwards.
 */
const BULK_CACHE_KIB = 16_384;

export class Writer {
  constructor(
    private readonly db: Database.Database,
    private readonly stmt: (sql: string) => Database.Statement,
    /** One article as the write's own transaction sees it. */
    private readonly readArticle: (id: number) => Article | null,
  ) {}

  bump(): void {
    this.stmt(
      `UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'dataset_version'`,
    ).run();
  }

  upsertTag(input: Tag): Tag {
    const tag = validateTag(input);
    this.db
      .transaction(() => {
        this.stmt(
          `INSERT INTO tags (slug, name, description) VALUES (?, ?, ?)
         ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description`,
        ).run(tag.slug, tag.name, tag.description);
        this.bump();
      })
      .immediate();
    return tag;
  }

  updateMedia(slug: string, patch: MediaPatch): Media {
    return this.db
      .transaction(() => {
        const { media, changed } = updateOutlet(this.stmt, slug, patch);
        if (changed) this.bump();
        return media;
      })
      .immediate();
  }

  upsertMedia(input: MediaInput): Media {
    return this.db
      .transaction(() => {
        const media = resolveMedia(this.stmt, input);
        this.bump();
        return media;
      })
      .immediate();
  }

  private tagIds(article: ValidArticle, index: number | undefined): number[] {
    const find = this.stmt('SELECT id FROM tags WHERE slug = ?').pluck();
    const issues = [];
    const ids: number[] = [];
    for (const [i, slug] of article.tags.entries()) {
      const id = find.get(slug) as number | undefined;
      if (id === undefined) issues.push({ field: `tags.${i}`, message: `unknown tag "${slug}"` });
      else ids.push(id);
    }
    if (issues.length > 0) throw new InvalidInputError(issues, index);
    return ids;
  }

  private upsertOne(
    input: ArticleInput,
    index: number | undefined,
  ): { id: number; change: Change } {
    const a = validateArticle(input, index);
    const tagIds = this.tagIds(a, index);
    const media = resolveMedia(this.stmt, a.media);
    const readVia = a.readVia ? resolveMedia(this.stmt, a.readVia) : null;
    const now = new Date().toISOString();
    const existing = this.stmt(
      `SELECT id, title, released_on, media_id, summary, source_url, read_via_media_id, headline_verified,
              date_approximate, (SELECT group_concat(tag_id) FROM
                (SELECT tag_id FROM article_tags WHERE article_id = articles.id ORDER BY position)) AS tags
       FROM articles WHERE slug = ?`,
    ).get(a.slug) as ExistingRow | undefined;
    const values = [
      a.title,
      a.releasedOn,
      media.id,
      a.summary,
      a.sourceUrl ?? null,
      readVia?.id ?? null,
      a.headlineVerified === false ? 0 : 1,
      a.dateApproximate === true ? 1 : 0,
    ];
    let id: number;
    let change: Change;
    if (!existing) {
      const { lastInsertRowid } = this.stmt(
        `INSERT INTO articles (slug, title, released_on, media_id, summary, source_url,
           read_via_media_id, headline_verified, date_approximate, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(a.slug, ...values, now, now);
      id = Number(lastInsertRowid);
      change = 'created';
    } else {
      id = existing.id;
      const same =
        [
          existing.title,
          existing.released_on,
          existing.media_id,
          existing.summary,
          existing.source_url,
          existing.read_via_media_id,
          existing.headline_verified,
          existing.date_approximate,
        ].every((v, i) => v === values[i]) && (existing.tags ?? '') === tagIds.join(',');
      if (same) return { id, change: 'unchanged' };
      this.stmt(
        `UPDATE articles SET title = ?, released_on = ?, media_id = ?, summary = ?, source_url = ?,
           read_via_media_id = ?, headline_verified = ?, date_approximate = ?, updated_at = ?
         WHERE id = ?`,
      ).run(...values, now, id);
      this.stmt('DELETE FROM article_tags WHERE article_id = ?').run(id);
      change = 'updated';
    }
    const link = this.stmt(
      'INSERT INTO article_tags (tag_id, released_on, article_id, position) VALUES (?, ?, ?, ?)',
    );
    for (const [position, tagId] of tagIds.entries()) link.run(tagId, a.releasedOn, id, position);
    return { id, change };
  }

  upsertArticles(
    inputs: readonly ArticleInput[],
    dryRun = false,
  ): { id: number; change: Change }[] {
    let results: { id: number; change: Change }[] = [];
    // A large import indexes its new rows for full-text search, and counts them, in one
    // statement each at the end of its transaction, rather than row by row by triggers; the flag
    // that defers both is written and removed inside the same transaction, so no other
    // connection ever sees it.
    const bulk = inputs.length >= BULK_ROWS;
    const cacheSize = bulk ? (this.db.pragma('cache_size', { simple: true }) as number) : 0;
    const tempStore = bulk ? (this.db.pragma('temp_store', { simple: true }) as number) : 0;
    if (bulk) {
      this.db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
      // Statement journals and the sort of the new rows' search keys stay in memory, not in
      // temporary files.
      this.db.pragma('temp_store = MEMORY');
    }
    try {
      this.db
        .transaction(() => {
          const batch = inputs.length > 1;
          const seen = new Set<string>();
          const lastId = bulk
            ? (this.stmt('SELECT coalesce(max(id), 0) FROM articles').pluck().get() as number)
            : 0;
          if (bulk) this.stmt("INSERT INTO meta (key, value) VALUES ('bulk_import', '1')").run();
          results = inputs.map((input, i) => {
            if (batch && seen.has(input.slug)) {
              throw new InvalidInputError(
                [{ field: 'slug', message: `"${input.slug}" appears twice in this batch` }],
                i,
              );
            }
            seen.add(input.slug);
            return this.upsertOne(input, batch ? i : undefined);
          });
          if (bulk && !dryRun) {
            // (A dry run is rolled back below, flag included: indexing it would be wasted work.)
            this.stmt("DELETE FROM meta WHERE key = 'bulk_import'").run();
            // Rows above the largest id before this transaction are exactly the ones it created.
            // They go in in key order: the index writes out what it holds whenever a key is not
            // above the last one, so any other order would write one small segment per row.
            this.stmt(
              `INSERT INTO articles_fts (rowid, title, summary)
             SELECT search_key, title, summary FROM articles WHERE id > ? ORDER BY +search_key`,
            ).run(lastId);
            // (Counted row by row, each insert would also carry the two count pages in its
            // statement journal: a 100,000-article load took a tenth longer.)
            this.stmt(
              `UPDATE meta SET value = value + (SELECT count(*) FROM articles WHERE id > ?)
             WHERE key = 'article_count'`,
            ).run(lastId);
            this.stmt(
              `INSERT INTO article_months (month, article_count)
             SELECT substr(released_on, 1, 7), count(*) FROM articles WHERE id > ? GROUP BY 1
             ON CONFLICT (month) DO UPDATE SET article_count = article_count + excluded.article_count`,
            ).run(lastId);
          }
          if (results.some((r) => r.change !== 'unchanged')) this.bump();
          if (dryRun) throw new DryRun();
        })
        .immediate();
    } catch (error) {
      if (!(error instanceof DryRun)) throw error;
    } finally {
      if (bulk) {
        this.db.pragma(`cache_size = ${cacheSize}`);
        this.db.pragma(`temp_store = ${tempStore}`);
      }
    }
    return results;
  }

  createArticle(draft: ArticleDraft): number {
    return this.db
      .transaction(() => {
        const taken = (slug: string) =>
          this.stmt('SELECT 1 FROM articles WHERE slug = ?').get(slug) !== undefined;
        if (draft.slug != null && taken(draft.slug)) {
          throw new InvalidInputError([slugInUse(draft.slug)]);
        }
        return this.writeOne({
          ...draft,
          slug: draft.slug ?? freeSlug(draft.title, taken),
          media: outletNamed(this.stmt, draft.media),
        }).id;
      })
      .immediate();
  }

  updateArticle(id: number, patch: ArticlePatch): number {
    return this.db
      .transaction(() => {
        const current = this.readArticle(id);
        if (!current) throw new NotFoundError('No article has that ID.');
        const media = patch.media === undefined ? undefined : outletNamed(this.stmt, patch.media);
        return this.writeOne(applyPatch(current, patch, media)).id;
      })
      .immediate();
  }

  /** One article inside the caller's transaction; the version moves only when it changed. */
  private writeOne(input: ArticleInput): { id: number; change: Change } {
    const result = this.upsertOne(input, undefined);
    if (result.change !== 'unchanged') this.bump();
    return result;
  }

  deleteArticle(id: number): boolean {
    return this.db
      .transaction(() => {
        const { changes } = this.stmt('DELETE FROM articles WHERE id = ?').run(id);
        if (changes > 0) this.bump();
        return changes > 0;
      })
      .immediate();
  }
}
