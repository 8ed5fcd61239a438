// Articles read by id or slug.

import type { Article } from '../types.ts';
import { ARTICLE_COLUMNS, MEDIA_JOINS } from './list-query.ts';
import { json, type ReadContext } from './read-context.ts';
import { type ArticleRow, toArticles } from './rows.ts';

export function getArticleBySlug(ctx: ReadContext, slug: string): Article | null {
  const row = ctx
    .stmt(`SELECT ${ARTICLE_COLUMNS} FROM articles a ${MEDIA_JOINS} WHERE a.slug = ?`)
    .get(slug) as ArticleRow | undefined;
  return row ? (toArticles(ctx, [row])[0] ?? null) : null;
}

/** The articles with these ids, in the same order; null where there is none. */
export function getArticlesByIds(ctx: ReadContext, ids: readonly number[]): (Article | null)[] {
  const rows = ctx
    .stmt(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a ${MEDIA_JOINS}
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(json(ids.filter((id) => Number.isSafeInteger(id)))) as ArticleRow[];
  const byId = new Map(toArticles(ctx, rows).map((a) => [a.id, a]));
  return ids.map((id) => byId.get(id) ?? null);
}
