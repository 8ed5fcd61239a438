// Related articles: those sharing the most tags with an article, the most recent first.

import { InvalidQueryError } from '../errors.ts';
import { MAX_PAGE_SIZE } from '../limits.ts';
import type { Article } from '../types.ts';
import { getArticlesByIds } from './articles.ts';
import type { ReadContext } from './read-context.ts';

export function relatedArticles(
  ctx: ReadContext,
  ids: readonly number[],
  limit: number,
): Article[][] {
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new InvalidQueryError(`limit must be an integer from 0 to ${MAX_PAGE_SIZE}`);
  }
  const tagsOf = ctx.stmt('SELECT tag_id FROM article_tags WHERE article_id = ?').pluck();
  const relatedIds = ids.map((id) => {
    const tagIds = tagsOf.all(id) as number[];
    if (tagIds.length === 0 || limit === 0) return [];
    // Candidates are each tag's most recent articles, so the cost stays flat as tags grow.
    const perTag = `SELECT article_id, released_on FROM (SELECT article_id, released_on
        FROM article_tags WHERE tag_id = ? AND article_id <> ?
        ORDER BY released_on DESC, article_id DESC LIMIT 200)`;
    const sql = `SELECT article_id FROM (${tagIds.map(() => perTag).join(' UNION ALL ')})
        GROUP BY article_id ORDER BY count(*) DESC, max(released_on) DESC, article_id DESC LIMIT ?`;
    return ctx
      .stmt(sql)
      .pluck()
      .all(...tagIds.flatMap((t) => [t, id]), limit) as number[];
  });
  const articles = getArticlesByIds(ctx, [...new Set(relatedIds.flat())]);
  const byId = new Map(articles.filter((a) => a !== null).map((a) => [a.id, a]));
  return relatedIds.map((list) => list.map((id) => byId.get(id) as Article));
}
