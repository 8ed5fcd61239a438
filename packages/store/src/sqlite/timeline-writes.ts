// The timeline replaced in SQLite: every rule change with its tags, stages and articles, and every
// story thread, written anew inside the caller's transaction.

import { createHash } from 'node:crypto';
import { type FieldIssue, InvalidInputError } from '../errors.ts';
import {
  effectiveStage,
  type PartialDate,
  parsePartialDate,
  type TimelineInput,
  validateTimeline,
} from '../timeline.ts';
import { json } from './read-context.ts';
import type { Stmt } from './rule-changes.ts';

/**
 * Replaces the timeline; to be run inside the caller's write transaction. Every article and tag
 * named must exist; stories keep their articles in release order. Nothing is written, and
 * `changed` is false, when the records and the articles and tags they resolve to are the ones
 * the timeline was last written from (so seeding at every start keeps the dataset version).
 */
export function replaceTimeline(
  stmt: Stmt,
  input: TimelineInput,
): { ruleChanges: number; stories: number; changed: boolean } {
  const counts = { ruleChanges: input.ruleChanges.length, stories: input.stories.length };
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
  // An article deleted and imported again resolves to a new id: that is a change too.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([input, [...articleIds.values()], [...tagIds]]))
    .digest('base64url');
  const kept = stmt("SELECT value FROM meta WHERE key = 'timeline_hash'").pluck().get();
  if (kept === fingerprint) return { ...counts, changed: false };
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
  stmt(
    `INSERT INTO meta (key, value) VALUES ('timeline_hash', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(fingerprint);
  return { ...counts, changed: true };
}
