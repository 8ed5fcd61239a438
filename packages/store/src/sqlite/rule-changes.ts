// Rule changes in SQLite: read in effective-date order by keyset, with their tags, stages and the
// articles behind each stage; by slug; and for a set of articles.

import type Database from 'better-sqlite3';
import { InvalidQueryError } from '../errors.ts';
import { MAX_FILTER_TAGS, MAX_PAGE_SIZE } from '../limits.ts';
import {
  type DatePrecision,
  type RuleChange,
  type RuleChangeListQuery,
  type RuleChangeSlice,
  STAGES,
  type Stage,
  type StatusSlug,
} from '../timeline.ts';
import { isIsoDate } from '../validate.ts';
import { json } from './read-context.ts';
import { byArticle, inSlugOrder } from './rows.ts';

export type Stmt = (sql: string) => Database.Statement;

interface RuleChangeRow {
  id: number;
  slug: string;
  statement: string;
  statuses: string;
  stage: Stage;
  effective_value: string;
  effective_precision: DatePrecision;
  effective_start: string;
  effective_end: string;
  tags: string;
  stages: string;
}

type StageJson = {
  stage: Stage;
  value: string;
  precision: DatePrecision;
  start: string;
  end: string;
  articles: number[] | null;
};

const RULE_CHANGE_COLUMNS = `
  rc.id, rc.slug, rc.statement, rc.statuses, rc.stage,
  rc.effective_value, rc.effective_precision, rc.effective_start, rc.effective_end,
  (SELECT json_group_array(t.slug) FROM
     (SELECT t.slug FROM rule_change_tags rt JOIN tags t ON t.id = rt.tag_id
      WHERE rt.rule_change_id = rc.id ORDER BY rt.position) t) AS tags,
  (SELECT json_group_array(json_object(
       'stage', s.stage, 'value', s.date_value, 'precision', s.date_precision,
       'start', s.date_start, 'end', s.date_end,
       'articles', (SELECT json_group_array(ra.article_id) FROM rule_change_articles ra
                    WHERE ra.rule_change_id = s.rule_change_id AND ra.position = s.position)))
   FROM (SELECT * FROM rule_change_stages s WHERE s.rule_change_id = rc.id
         ORDER BY s.position) s) AS stages`;

const date = (value: string, precision: DatePrecision, start: string, end: string) => ({
  value,
  precision,
  start,
  end,
});

function toRuleChange(row: RuleChangeRow): RuleChange {
  const stages = JSON.parse(row.stages) as StageJson[];
  return {
    id: row.id,
    slug: row.slug,
    statement: row.statement,
    tags: JSON.parse(row.tags) as string[],
    statuses: JSON.parse(row.statuses) as StatusSlug[],
    history: stages.map((s) => ({
      stage: s.stage,
      date: date(s.value, s.precision, s.start, s.end),
      articleIds: (s.articles ?? []).filter((id): id is number => typeof id === 'number'),
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
export function listRuleChanges(stmt: Stmt, query: RuleChangeListQuery): RuleChangeSlice {
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

  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.from) {
    where.push('rc.effective_end >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('rc.effective_start <= ?');
    params.push(filter.to);
  }
  if (filter.tags?.length) {
    where.push(`EXISTS (SELECT 1 FROM rule_change_tags rt JOIN tags t ON t.id = rt.tag_id
      WHERE rt.rule_change_id = rc.id AND t.slug IN (SELECT value FROM json_each(?)))`);
    params.push(json(filter.tags));
  }
  if (filter.statuses?.length) {
    where.push(`EXISTS (SELECT 1 FROM json_each(rc.statuses) s
      WHERE s.value IN (SELECT value FROM json_each(?)))`);
    params.push(json(filter.statuses));
  }
  if (filter.stages?.length) {
    where.push('rc.stage IN (SELECT value FROM json_each(?))');
    params.push(json(filter.stages));
  }
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const totalCount = stmt(`SELECT count(*) FROM rule_changes rc ${filtered}`)
    .pluck()
    .get(...params) as number;

  const backward = last !== undefined;
  const cursor = backward ? before : after;
  const bound = cursor ? `(rc.effective_start, rc.id) ${backward ? '<' : '>'} (?, ?)` : null;
  const pageWhere = [...where, ...(bound ? [bound] : [])];
  const order = backward ? 'DESC' : 'ASC';
  const rows = stmt(
    `SELECT ${RULE_CHANGE_COLUMNS} FROM rule_changes rc
     ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
     ORDER BY rc.effective_start ${order}, rc.id ${order} LIMIT ?`,
  ).all(...params, ...(cursor ? [cursor.start, cursor.id] : []), size + 1) as RuleChangeRow[];
  const more = rows.length > size;
  const page = rows.slice(0, size).map(toRuleChange);
  if (backward) page.reverse();
  // Whether anything lies on the cursor's side of the page: the cursor's own row or earlier.
  const beyondCursor = cursor
    ? (stmt(
        `SELECT EXISTS (SELECT 1 FROM rule_changes rc WHERE ${[
          ...where,
          `(rc.effective_start, rc.id) ${backward ? '>=' : '<='} (?, ?)`,
        ].join(' AND ')})`,
      )
        .pluck()
        .get(...params, cursor.start, cursor.id) as number) === 1
    : false;
  return {
    items: page,
    totalCount,
    hasNextPage: backward ? beyondCursor : more,
    hasPreviousPage: backward ? more : beyondCursor,
  };
}

export function getRuleChangesBySlugs(stmt: Stmt, slugs: readonly string[]): (RuleChange | null)[] {
  if (slugs.length === 0) return [];
  const rows = stmt(
    `SELECT ${RULE_CHANGE_COLUMNS} FROM rule_changes rc
     WHERE rc.slug IN (SELECT value FROM json_each(?))`,
  ).all(json(slugs)) as RuleChangeRow[];
  return inSlugOrder(slugs, rows, toRuleChange);
}

export function ruleChangesForArticles(stmt: Stmt, articleIds: readonly number[]): RuleChange[][] {
  if (articleIds.length === 0) return [];
  const rows = stmt(
    `SELECT DISTINCT ra.article_id AS article_id, ${RULE_CHANGE_COLUMNS}
     FROM rule_change_articles ra JOIN rule_changes rc ON rc.id = ra.rule_change_id
     WHERE ra.article_id IN (SELECT value FROM json_each(?))
     ORDER BY rc.effective_start, rc.id`,
  ).all(json(articleIds)) as (RuleChangeRow & { article_id: number })[];
  return byArticle(articleIds, rows, toRuleChange);
}
