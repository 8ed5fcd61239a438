// The timeline replaced in PostgreSQL: every rule change with its tags, stages and articles, and
// every story thread, written anew inside the caller's write transaction. The same rules as the
// SQLite store's timeline-writes.ts: nothing is written, and `changed` is false, when the records
// and the articles and tags they resolve to are the ones the timeline was last written from.

import { createHash } from 'node:crypto';
import { type FieldIssue, InvalidInputError } from '../errors.ts';
import {
  effectiveStage,
  type PartialDate,
  parsePartialDate,
  type TimelineInput,
  validateTimeline,
} from '../timeline.ts';
import type { Db } from './db.ts';

export async function replaceTimeline(
  db: Db,
  input: TimelineInput,
): Promise<{ ruleChanges: number; stories: number; changed: boolean }> {
  const counts = { ruleChanges: input.ruleChanges.length, stories: input.stories.length };
  validateTimeline(input);
  const articleIds = new Map(
    (
      await db.query<{ slug: string; id: number; released_on: string }>(
        'SELECT slug, id, released_on FROM articles WHERE slug = ANY($1::text[]) ORDER BY id',
        [
          [
            ...new Set([
              ...input.ruleChanges.flatMap((c) => c.stages.flatMap((s) => s.articles)),
              ...input.stories.flatMap((s) => s.articles),
            ]),
          ],
        ],
      )
    ).map((row) => [row.slug, row]),
  );
  const tagIds = new Map(
    (
      await db.query<{ slug: string; id: number }>(
        'SELECT slug, id FROM tags WHERE slug = ANY($1::text[]) ORDER BY id',
        [[...new Set(input.ruleChanges.flatMap((c) => c.tags))]],
      )
    ).map((row) => [row.slug, row.id]),
  );
  // An article deleted and imported again resolves to a new id: that is a change too.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([input, [...articleIds.values()], [...tagIds]]))
    .digest('base64url');
  const [kept] = await db.query<{ timeline_hash: string | null }>(
    'SELECT timeline_hash FROM dataset',
  );
  if (kept?.timeline_hash === fingerprint) return { ...counts, changed: false };
  const missing = (record: string, issues: FieldIssue[]) => {
    if (issues.length > 0) {
      throw new InvalidInputError(issues.map((i) => ({ ...i, field: `${record}.${i.field}` })));
    }
  };

  await db.query('DELETE FROM story_articles');
  await db.query('DELETE FROM stories');
  await db.query('DELETE FROM rule_change_articles');
  await db.query('DELETE FROM rule_change_stages');
  await db.query('DELETE FROM rule_change_tags');
  await db.query('DELETE FROM rule_changes');

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
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO rule_changes (slug, statement, statuses, stage, effective_value,
         effective_precision, effective_start, effective_end)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        change.slug,
        change.statement.trim(),
        JSON.stringify(change.statuses),
        latest.stage,
        effective.value,
        effective.precision,
        effective.start,
        effective.end,
      ],
    );
    const id = row?.id as number;
    await db.query(
      `INSERT INTO rule_change_tags (rule_change_id, position, tag_id)
       SELECT $1, p - 1, t FROM unnest($2::int[]) WITH ORDINALITY AS x (t, p)`,
      [id, change.tags.map((tag) => tagIds.get(tag))],
    );
    for (const [position, stage] of history.entries()) {
      await db.query(
        `INSERT INTO rule_change_stages (rule_change_id, position, stage, date_value,
           date_precision, date_start, date_end) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          position,
          stage.stage,
          stage.date.value,
          stage.date.precision,
          stage.date.start,
          stage.date.end,
        ],
      );
      await db.query(
        `INSERT INTO rule_change_articles (rule_change_id, position, article_id)
         SELECT DISTINCT $1::int, $2::int, a FROM unnest($3::int[]) AS a`,
        [id, position, stage.articles.map((slug) => articleIds.get(slug)?.id)],
      );
    }
  }

  for (const story of input.stories) {
    const issues: FieldIssue[] = [];
    story.articles.forEach((slug, i) => {
      if (!articleIds.has(slug)) {
        issues.push({ field: `articles.${i}`, message: `no article "${slug}"` });
      }
    });
    missing(`stories.${story.slug}`, issues);
    const [row] = await db.query<{ id: number }>(
      'INSERT INTO stories (slug, title, summary) VALUES ($1, $2, $3) RETURNING id',
      [story.slug, story.title.trim(), story.summary.trim()],
    );
    const ordered = story.articles
      .map((slug, given) => ({
        row: articleIds.get(slug) as { id: number; released_on: string },
        given,
      }))
      .sort((a, b) => a.row.released_on.localeCompare(b.row.released_on) || a.given - b.given);
    await db.query(
      `INSERT INTO story_articles (story_id, position, article_id)
       SELECT $1, p - 1, a FROM unnest($2::int[]) WITH ORDINALITY AS x (a, p)`,
      [row?.id, ordered.map(({ row }) => row.id)],
    );
  }
  await db.query('UPDATE dataset SET timeline_hash = $1', [fingerprint]);
  return { ...counts, changed: true };
}
