// Story threads in SQLite: by slug, and the stories each of a set of articles belongs to.

import type { Story } from '../timeline.ts';
import { json } from './read-context.ts';
import { byArticle, inSlugOrder } from './rows.ts';
import type { Stmt } from './rule-changes.ts';

interface StoryRow {
  id: number;
  slug: string;
  title: string;
  summary: string;
  articles: string;
}

const STORY_COLUMNS = `s.id, s.slug, s.title, s.summary,
  (SELECT json_group_array(sa.article_id) FROM
     (SELECT article_id FROM story_articles sa WHERE sa.story_id = s.id ORDER BY sa.position) sa)
  AS articles`;

const toStory = (row: StoryRow): Story => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  summary: row.summary,
  articleIds: JSON.parse(row.articles) as number[],
});

export function getStoriesBySlugs(stmt: Stmt, slugs: readonly string[]): (Story | null)[] {
  if (slugs.length === 0) return [];
  const rows = stmt(
    `SELECT ${STORY_COLUMNS} FROM stories s WHERE s.slug IN (SELECT value FROM json_each(?))`,
  ).all(json(slugs)) as StoryRow[];
  return inSlugOrder(slugs, rows, toStory);
}

export function storiesForArticles(stmt: Stmt, articleIds: readonly number[]): Story[][] {
  if (articleIds.length === 0) return [];
  const rows = stmt(
    `SELECT DISTINCT sa0.article_id AS article_id, ${STORY_COLUMNS}
     FROM story_articles sa0 JOIN stories s ON s.id = sa0.story_id
     WHERE sa0.article_id IN (SELECT value FROM json_each(?))
     ORDER BY s.id`,
  ).all(json(articleIds)) as (StoryRow & { article_id: number })[];
  return byArticle(articleIds, rows, toStory);
}
