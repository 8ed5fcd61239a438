// The timeline in SQLite: rule changes read in effective-date order by keyset, with their tags,
// stages and the articles behind each stage; story threads; and the whole timeline replaced in
// one transaction.

import type Database from 'better-sqlite3';
import { type FieldIssue, InvalidInputError, InvalidQueryError } from '../errors.ts';
import { MAX_FILTER_TAGS, MAX_PAGE_SIZE } from '../limits.ts';
import {
  type DatePrecision,
  effectiveStage,
  type PartialDate,
  parsePartialDate,
  type RuleChange,
  type RuleChangeListQuery,
  type RuleChangeSlice,
  STAGES,
  type Stage,
  type StatusSlug,
  type Story,
  type TimelineInput,
  validateTimeline,
} from '../timeline.ts';
import { isIsoDate } from '../validate.ts';
import { json } from './read-context.ts';

type Stmt = (sql: string) => Database.Statement;

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
  const bySlug = new Map(rows.map((row) => [row.slug, toRuleChange(row)]));
  return slugs.map((slug) => bySlug.get(slug) ?? null);
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

/** Rows that each name an article, as one list per article id, in the rows' order. */
function byArticle<R extends { article_id: number }, T>(
  articleIds: readonly number[],
  rows: readonly R[],
  map: (row: R) => T,
): T[][] {
  const lists = new Map<number, T[]>();
  for (const row of rows) {
    const list = lists.get(row.article_id) ?? [];
    list.push(map(row));
    lists.set(row.article_id, list);
  }
  return articleIds.map((id) => lists.get(id) ?? []);
}

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
  const bySlug = new Map(rows.map((row) => [row.slug, toStory(row)]));
  return slugs.map((slug) => bySlug.get(slug) ?? null);
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

/**
 * Replaces the timeline; to be run inside the caller's write transaction. Every article and tag
 * named must exist; stories keep their articles in release order.
 */
export function replaceTimeline(
  stmt: Stmt,
  input: TimelineInput,
): { ruleChanges: number; stories: number } {
  validateTimeline(input);
  const articleIds = new Map(
    (
      stmt(
        `SELECT slug, id, released_on FROM articles WHERE slug IN (SELECT value FROM json_each(?))`,
      ).all(
        json([
          ...input.ruleChanges.flatMap((c) => c.stages.flatMap((s) => s.articles)),
          ...input.stories.flatMap((s) => s.articles),
        ]),
      ) as { slug: string; id: number; released_on: string }[]
    ).map((row) => [row.slug, row]),
  );
  const tagIds = new Map(
    (
      stmt('SELECT slug, id FROM tags WHERE slug IN (SELECT value FROM json_each(?))').all(
        json(input.ruleChanges.flatMap((c) => c.tags)),
      ) as { slug: string; id: number }[]
    ).map((row) => [row.slug, row.id]),
  );
  const missing = (record: string, issues: FieldIssue[]) => {
    if (issues.length > 0) {
      throw new InvalidInputError(issues.map((i) => ({ ...i, field: `${record}.${i.field}` })));
    }
  };

  stmt('DELETE FROM story_articles').run();
  stmt('DELETE FROM stories').run();
  stmt('DELETE FROM rule_change_articles').run();
  stmt('DELETE FROM rule_change_stages').run();
  stmt('DELETE FROM rule_change_tags').run();
  stmt('DELETE FROM rule_changes').run();

  for (const change of input.ruleChanges) {
    const issues: FieldIssue[] = [];
    change.tags.forEach((tag, i) => {
      if (!tagIds.has(tag)) issues.push({ field: `tags.${i}`, message: `no tag "${tag}"` });
    });
    change.stages.forEach((stage, i) => {
      stage.articles.forEach((slug, j) => {
        if (!articleIds.has(slug)) {
          issues.push({ field: `stages.${i}.articles.${j}`, message: `no article "${slug}"` });
        }
      });
    });
    missing(`ruleChanges.${change.slug}`, issues);
    const history = change.stages.map((s) => ({
      ...s,
      date: parsePartialDate(s.date) as PartialDate,
    }));
    const effective = effectiveStage(history).date;
    const latest = history.at(-1) as (typeof history)[number];
    const id = Number(
      stmt(
        `INSERT INTO rule_changes (slug, statement, statuses, stage, effective_value,
           effective_precision, effective_start, effective_end)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        change.slug,
        change.statement.trim(),
        json(change.statuses),
        latest.stage,
        effective.value,
        effective.precision,
        effective.start,
        effective.end,
      ).lastInsertRowid,
    );
    change.tags.forEach((tag, position) => {
      stmt('INSERT INTO rule_change_tags (rule_change_id, position, tag_id) VALUES (?, ?, ?)').run(
        id,
        position,
        tagIds.get(tag),
      );
    });
    history.forEach((stage, position) => {
      stmt(
        `INSERT INTO rule_change_stages (rule_change_id, position, stage, date_value,
           date_precision, date_start, date_end) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        position,
        stage.stage,
        stage.date.value,
        stage.date.precision,
        stage.date.start,
        stage.date.end,
      );
      for (const slug of new Set(stage.articles)) {
        stmt(
          'INSERT INTO rule_change_articles (rule_change_id, position, article_id) VALUES (?, ?, ?)',
        ).run(id, position, articleIds.get(slug)?.id);
      }
    });
  }

  for (const story of input.stories) {
    const issues: FieldIssue[] = [];
    story.articles.forEach((slug, i) => {
      if (!articleIds.has(slug))
        issues.push({ field: `articles.${i}`, message: `no article "${slug}"` });
    });
    missing(`stories.${story.slug}`, issues);
    const id = Number(
      stmt('INSERT INTO stories (slug, title, summary) VALUES (?, ?, ?)').run(
        story.slug,
        story.title.trim(),
        story.summary.trim(),
      ).lastInsertRowid,
    );
    const ordered = story.articles
      .map((slug, given) => ({
        row: articleIds.get(slug) as { id: number; released_on: string },
        given,
      }))
      .sort((a, b) => a.row.released_on.localeCompare(b.row.released_on) || a.given - b.given);
    ordered.forEach(({ row }, position) => {
      stmt('INSERT INTO story_articles (story_id, position, article_id) VALUES (?, ?, ?)').run(
        id,
        position,
        row.id,
      );
    });
  }
  return { ruleChanges: input.ruleChanges.length, stories: input.stories.length };
}
