// Related articles: those sharing the most tags with an article, the most recent first.

import { InvalidQueryError } from '../errors.ts';
import { MAX_PAGE_SIZE } from '../limits.ts';
import type { Article } from '../types.ts';
import { getArticlesByIds } from './articles.ts';
import type { Db } from './db.ts';

export async function relatedArticles(
  db: Db,
  ids: readonly number[],
  limit: number,
): Promise<Article[][]> {
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new InvalidQueryError(`limit must be an integer from 0 to ${MAX_PAGE_SIZE}`);
  }
  const relatedIds = await Promise.all(
    ids.map(async (id) => {
      if (limit === 0 || !Number.isSafeInteger(id) || id < 1 || id >= 2 ** 31) return [];
      // Candidates are each tag's most recent articles, so the cost stays flat as tags grow.
      const rows = await db.query<{ article_id: number }>({
        name: 'related',
        text: `SELECT c.article_id FROM article_tags own
           CROSS JOIN LATERAL (
             SELECT article_id, released_on FROM article_tags
             WHERE tag_id = own.tag_id AND article_id <> $1
             ORDER BY released_on DESC, article_id DESC LIMIT 200) c
           WHERE own.article_id = $1
           GROUP BY c.article_id
           ORDER BY count(*) DESC, max(c.released_on) DESC, c.article_id DESC LIMIT $2`,
        values: [id, limit],
      });
      return rows.map((r) => r.article_id);
    }),
  );
  const articles = await getArticlesByIds(db, [...new Set(relatedIds.flat())]);
  const byId = new Map(articles.filter((a) => a !== null).map((a) => [a.id, a]));
  return relatedIds.map((list) => list.map((id) => byId.get(id) as Article));
}
