// Articles read by id or slug.

import type { Article } from '../types.ts';
import type { Db } from './db.ts';
import { ARTICLE_COLUMNS, type ArticleRow, MEDIA_JOINS, toArticles } from './rows.ts';

export async function getArticleBySlug(db: Db, slug: string): Promise<Article | null> {
  const rows = await db.query<ArticleRow>({
    name: 'article-by-slug',
    text: `SELECT ${ARTICLE_COLUMNS} FROM articles a ${MEDIA_JOINS} WHERE a.slug = $1`,
    values: [slug],
  });
  return (await toArticles(db, rows))[0] ?? null;
}

/** The articles with these ids, in the same order; null where there is none. */
export async function getArticlesByIds(
  db: Db,
  ids: readonly number[],
): Promise<(Article | null)[]> {
  // Ids outside PostgreSQL's integer range name no article (and would fail the cast).
  const valid = ids.filter((id) => Number.isSafeInteger(id) && id > 0 && id < 2 ** 31);
  const rows =
    valid.length === 0
      ? []
      : await db.query<ArticleRow>({
          name: 'articles-by-ids',
          text: `SELECT ${ARTICLE_COLUMNS} FROM articles a ${MEDIA_JOINS} WHERE a.id = ANY($1::int[])`,
          values: [valid],
        });
  const byId = new Map((await toArticles(db, rows)).map((a) => [a.id, a]));
  return ids.map((id) => byId.get(id) ?? null);
}
