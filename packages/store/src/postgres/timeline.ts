// The timeline in PostgreSQL: rule changes read in effective-date order by keyset, with their
// tags, stages and the articles behind each stage; by slug; for a set of articles; and stories.

import { InvalidQueryError } from '../errors.ts';
import { MAX_FILTER_TAGS, MAX_PAGE_SIZE } from '../limits.ts';
import { byArticle, inSlugOrder } from '../sqlite/rows.ts';
import {
  type DatePrecision,
  type RuleChange,
  type RuleChangeListQuery,
  type RuleChangeSlice,
  STAGES,
  type Stage,
  type StatusSlug,
  type Story,
} from '../timeline.ts';
import { isIsoDate } from '../validate.ts';
import { type Db, int, Params } from './db.ts';
import { whereClause } from './filter.ts';

interface RuleChangeRow {
  id: number;
  slug: string;
  statement: string;
  statuses: StatusSlug[];
  stage: Stage;
  effective_value: string;
  effective_precision: DatePrecision;
  effective_start: string;
  effective_end: string;
  tags: string[];
  stages: {
    stage: Stage;
    value: string;
    precision: DatePrecision;
    start: string;
    end: string;
    articles: number[];
  }[];
}

const RULE_CHANGE_COLUMNS = `
  rc.id, rc.slug, rc.statement, rc.statuses, rc.stage,
  rc.effective_value, rc.effective_precision, rc.effective_start, rc.effective_end,
  array(SELECT t.slug FROM rule_change_tags rt JOIN tags t ON t.id = rt.tag_id
        WHERE rt.rule_change_id = rc.id ORDER BY rt.position) AS tags,
  (SELECT coalesce(json_agg(json_build_object(
       'stage', s.stage, 'value', s.date_value, 'precision', s.date_precision,
       'start', s.date_start, 'end', s.date_end,
       'articles', array(SELECT ra.article_id FROM rule_change_articles ra
                         WHERE ra.rule_change_id = s.rule_change_id AND ra.position = s.position
                         ORDER BY ra.article_id))
     ORDER BY s.position), '[]')
   FROM rule_change_stages s WHERE s.rule_change_id = rc.id) AS stages`;

const date = (value: string, precision: DatePrecision, start: string, end: string) => ({
  value,
  precision,
  start,
  end,
});

function toRuleChange(row: RuleChangeRow): RuleChange {
  return {
    id: row.id,
    slug: row.slug,
    statement: row.statement,
    tags: row.tags,
    statuses: row.statuses,
    history: row.stages.map((s) => ({
      stage: s.stage,
      date: date(s.value, s.precision, s.start, s.end),
      articleIds: s.articles,
    })),
    stage: row.stage,
    effective: date(
      row.effective_value,
      row.effective_precision,
      row.effective_start,
      row.effective_end,
    ),
  };
}

function checkList(name: string, list: readonly string[] | undefined, max: number): void {
  if (list && list.length > max) {
    throw new InvalidQueryError(`${name} takes at most ${max} values; got ${list.length}`);
  }
}

/** Rule changes in effective-date order, a page after or before a keyset position. */
export async function listRuleChanges(
  db: Db,
  query: RuleChangeListQuery,
): Promise<RuleChangeSlice> {
  const { filter = {}, first, last, after, before } = query;
  if (first !== undefined && last !== undefined) {
    throw new InvalidQueryError('give first or last, not both');
  }
  const size = last ?? first ?? 20;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new InvalidQueryError(`${last !== undefined ? 'last' : 'first'} must be 0 to 100`);
  }
  for (const [name, value] of [
    ['from', filter.from],
    ['to', filter.to],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) {
      throw new InvalidQueryError(`${name} must be a date written YYYY-MM-DD`);
    }
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new InvalidQueryError('from must not be after to');
  }
  checkList('tags', filter.tags, MAX_FILTER_TAGS);
  checkList('statuses', filter.statuses, 20);
  checkList('stages', filter.stages, STAGES.length);

  const params = new Params();
  const where: string[] = [];
  if (filter.from) where.push(`rc.effective_end >= ${params.add(filter.from)}`);
  if (filter.to) where.push(`rc.effective_start <= ${params.add(filter.to)}`);
  if (filter.tags?.length) {
    where.push(`EXISTS (SELECT 1 FROM rule_change_tags rt JOIN tags t ON t.id = rt.tag_id
      WHERE rt.rule_change_id = rc.id AND t.slug = ANY(${params.add(filter.tags)}::text[]))`);
  }
  if (filter.statuses?.length) {
    where.push(`rc.statuses ?| ${params.add(filter.statuses)}::text[]`);
  }
  if (filter.stages?.length) where.push(`rc.stage = ANY(${params.add(filter.stages)}::text[])`);
  const [total] = await db.query<{ n: string }>({
    text: `SELECT count(*) AS n FROM rule_changes rc ${whereClause(where)}`,
    values: params.values,
  });

  const backward = last !== undefined;
  const cursor = backward ? before : after;
  const page = new Params();
  page.values.push(...params.values);
  const pageWhere = [...where];
  if (cursor) {
    pageWhere.push(
      `(rc.effective_start, rc.id) ${backward ? '<' : '>'} (${page.add(cursor.start)}, ${page.add(cursor.id)})`,
    );
  }
  const order = backward ? 'DESC' : 'ASC';
  const rows = await db.query<RuleChangeRow>({
    text: `SELECT ${RULE_CHANGE_COLUMNS} FROM rule_changes rc ${whereClause(pageWhere)}
     ORDER BY rc.effective_start ${order}, rc.id ${order} LIMIT ${page.add(size + 1)}`,
    values: page.values,
  });
  const more = rows.length > size;
  const items = rows.slice(0, size).map(toRuleChange);
  if (backward) items.reverse();
  // Whether anything lies on the cursor's side of the page: the cursor's own row or earlier.
  let beyondCursor = false;
  if (cursor) {
    const beyond = new Params();
    beyond.values.push(...params.values);
    const found = await db.query({
      text: `SELECT 1 FROM rule_changes rc ${whereClause([
        ...where,
        `(rc.effective_start, rc.id) ${backward ? '>=' : '<='} (${beyond.add(cursor.start)}, ${beyond.add(cursor.id)})`,
      ])} LIMIT 1`,
      values: beyond.values,
    });
    beyondCursor = found.length > 0;
  }
  return {
    items,
    totalCount: int(total?.n),
    hasNextPage: backward ? beyondCursor : more,
    hasPreviousPage: backward ? more : beyondCursor,
  };
}

export async function getRuleChangesBySlugs(
  db: Db,
  slugs: readonly string[],
): Promise<(RuleChange | null)[]> {
  if (slugs.length === 0) return [];
  const rows = await db.query<RuleChangeRow>({
    text: `SELECT ${RULE_CHANGE_COLUMNS} FROM rule_changes rc WHERE rc.slug = ANY($1::text[])`,
    values: [slugs],
  });
  return inSlugOrder(slugs, rows, toRuleChange);
}

export async function ruleChangesForArticles(
  db: Db,
  articleIds: readonly number[],
): Promise<RuleChange[][]> {
  if (articleIds.length === 0) return [];
  const rows = await db.query<RuleChangeRow & { article_id: number }>({
    text: `SELECT ra.article_id, ${RULE_CHANGE_COLUMNS}
     FROM (SELECT DISTINCT rule_change_id, article_id FROM rule_change_articles
           WHERE article_id = ANY($1::int[])) ra
     JOIN rule_changes rc ON rc.id = ra.rule_change_id
     ORDER BY rc.effective_start, rc.id`,
    values: [articleIds.filter((id) => Number.isSafeInteger(id) && Math.abs(id) < 2 ** 31)],
  });
  return byArticle(articleIds, rows, toRuleChange);
}

interface StoryRow {
  id: number;
  slug: string;
  title: string;
  summary: string;
  articles: number[];
}

const STORY_COLUMNS = `s.id, s.slug, s.title, s.summary,
  array(SELECT sa.article_id FROM story_articles sa WHERE sa.story_id = s.id ORDER BY sa.position)
  AS articles`;

const toStory = (row: StoryRow): Story => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  summary: row.summary,
  articleIds: row.articles,
});

export async function getStoriesBySlugs(
  db: Db,
  slugs: readonly string[],
): Promise<(Story | null)[]> {
  if (slugs.length === 0) return [];
  const rows = await db.query<StoryRow>({
    text: `SELECT ${STORY_COLUMNS} FROM stories s WHERE s.slug = ANY($1::text[])`,
    values: [slugs],
  });
  return inSlugOrder(slugs, rows, toStory);
}

export async function storiesForArticles(
  db: Db,
  articleIds: readonly number[],
): Promise<Story[][]> {
  if (articleIds.length === 0) return [];
  const rows = await db.query<StoryRow & { article_id: number }>({
    text: `SELECT sa0.article_id, ${STORY_COLUMNS}
     FROM (SELECT DISTINCT story_id, article_id FROM story_articles
           WHERE article_id = ANY($1::int[])) sa0
     JOIN stories s ON s.id = sa0.story_id
     ORDER BY s.id`,
    values: [articleIds.filter((id) => Number.isSafeInteger(id) && Math.abs(id) < 2 ** 31)],
  });
  return byArticle(articleIds, rows, toStory);
}
