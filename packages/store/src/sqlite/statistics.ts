// Statistics series in SQLite: replaced whole inside the caller's transaction, read back with
// one plain query per table (series, notes, lines, points, point articles) and put together here.

import { createHash } from 'node:crypto';
import {
  checkCitedArticles,
  citedArticles,
  type QuarterCount,
  quarterCounts,
  type Series,
  type SeriesInput,
  validateStatistics,
} from '../statistics.ts';
import { json } from './read-context.ts';
import { inSlugOrder } from './rows.ts';
import type { Stmt } from './rule-changes.ts';

/**
 * Replaces every series. Nothing is written, and `changed` is false, when the series and the
 * article ids they resolve to are the ones last written (so loading at every start keeps the
 * dataset version).
 */
export function replaceStatistics(
  stmt: Stmt,
  input: readonly SeriesInput[],
): { series: number; changed: boolean } {
  validateStatistics(input);
  const articleIds = new Map(
    (
      stmt('SELECT slug, id FROM articles WHERE slug IN (SELECT value FROM json_each(?))').all(
        json(citedArticles(input)),
      ) as { slug: string; id: number }[]
    ).map((row) => [row.slug, row.id]),
  );
  checkCitedArticles(input, articleIds);
  // An article deleted and imported again resolves to a new id: that is a change too.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([input, [...articleIds]]))
    .digest('base64url');
  const kept = stmt("SELECT value FROM meta WHERE key = 'statistics_hash'").pluck().get();
  if (kept === fingerprint) return { series: input.length, changed: false };

  stmt('DELETE FROM series_point_articles').run();
  stmt('DELETE FROM series_points').run();
  stmt('DELETE FROM series_lines').run();
  stmt('DELETE FROM series_notes').run();
  stmt('DELETE FROM series').run();
  for (const series of input) {
    const id = Number(
      stmt(
        'INSERT INTO series (slug, title, description, unit, publisher) VALUES (?, ?, ?, ?, ?)',
      ).run(
        series.slug,
        series.title.trim(),
        series.description.trim(),
        series.unit,
        series.publisher.trim(),
      ).lastInsertRowid,
    );
    series.notes.forEach((note, position) => {
      stmt('INSERT INTO series_notes (series_id, position, date, text) VALUES (?, ?, ?, ?)').run(
        id,
        position,
        note.date,
        note.text.trim(),
      );
    });
    series.lines.forEach((line, position) => {
      stmt('INSERT INTO series_lines (series_id, position, key, label) VALUES (?, ?, ?, ?)').run(
        id,
        position,
        line.key,
        line.label.trim(),
      );
      for (const point of line.points) {
        stmt(
          `INSERT INTO series_points (series_id, line_position, date, period, value, approx, official)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          position,
          point.date,
          point.period.trim(),
          point.value,
          point.approx ? 1 : 0,
          point.official,
        );
        for (const slug of new Set(point.articles)) {
          stmt(
            `INSERT INTO series_point_articles (series_id, line_position, date, article_id)
             VALUES (?, ?, ?, ?)`,
          ).run(id, position, point.date, articleIds.get(slug));
        }
      }
    });
  }
  stmt(
    `INSERT INTO meta (key, value) VALUES ('statistics_hash', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(fingerprint);
  return { series: input.length, changed: true };
}

interface SeriesRow {
  id: number;
  slug: string;
  title: string;
  description: string;
  unit: string;
  publisher: string;
}

/** The series with these ids, whole, in the order of `rows`. */
function assemble(stmt: Stmt, rows: SeriesRow[]): Series[] {
  if (rows.length === 0) return [];
  const ids = json(rows.map((r) => r.id));
  const notes = stmt(
    `SELECT series_id, date, text FROM series_notes
     WHERE series_id IN (SELECT value FROM json_each(?)) ORDER BY series_id, position`,
  ).all(ids) as { series_id: number; date: string; text: string }[];
  const lines = stmt(
    `SELECT series_id, position, key, label FROM series_lines
     WHERE series_id IN (SELECT value FROM json_each(?)) ORDER BY series_id, position`,
  ).all(ids) as { series_id: number; position: number; key: string; label: string }[];
  const points = stmt(
    `SELECT series_id, line_position, date, period, value, approx, official FROM series_points
     WHERE series_id IN (SELECT value FROM json_each(?)) ORDER BY series_id, line_position, date`,
  ).all(ids) as {
    series_id: number;
    line_position: number;
    date: string;
    period: string;
    value: number;
    approx: number;
    official: string | null;
  }[];
  const reports = stmt(
    `SELECT spa.series_id, spa.line_position, spa.date, spa.article_id, a.released_on
     FROM series_point_articles spa JOIN articles a ON a.id = spa.article_id
     WHERE spa.series_id IN (SELECT value FROM json_each(?))
     ORDER BY a.released_on DESC, a.id DESC`,
  ).all(ids) as { series_id: number; line_position: number; date: string; article_id: number }[];

  const articlesOf = new Map<string, number[]>();
  const seriesArticles = new Map<number, Set<number>>();
  for (const r of reports) {
    const key = `${r.series_id}/${r.line_position}/${r.date}`;
    articlesOf.set(key, [...(articlesOf.get(key) ?? []), r.article_id]);
    const all = seriesArticles.get(r.series_id) ?? new Set<number>();
    all.add(r.article_id);
    seriesArticles.set(r.series_id, all);
  }
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    unit: row.unit,
    publisher: row.publisher,
    notes: notes.filter((n) => n.series_id === row.id).map((n) => ({ date: n.date, text: n.text })),
    lines: lines
      .filter((l) => l.series_id === row.id)
      .map((l) => ({
        key: l.key,
        label: l.label,
        points: points
          .filter((p) => p.series_id === row.id && p.line_position === l.position)
          .map((p) => ({
            date: p.date,
            period: p.period,
            value: p.value,
            approx: p.approx === 1,
            official: p.official,
            articleIds: articlesOf.get(`${row.id}/${l.position}/${p.date}`) ?? [],
          })),
      })),
    articleIds: [...(seriesArticles.get(row.id) ?? [])],
  }));
}

const SERIES_COLUMNS = 's.id, s.slug, s.title, s.description, s.unit, s.publisher';

export function listSeries(stmt: Stmt): Series[] {
  return assemble(
    stmt,
    stmt(`SELECT ${SERIES_COLUMNS} FROM series s ORDER BY s.title, s.id`).all() as SeriesRow[],
  );
}

export function getSeriesBySlugs(stmt: Stmt, slugs: readonly string[]): (Series | null)[] {
  if (slugs.length === 0) return [];
  const rows = stmt(
    `SELECT ${SERIES_COLUMNS} FROM series s WHERE s.slug IN (SELECT value FROM json_each(?))`,
  ).all(json(slugs)) as SeriesRow[];
  return inSlugOrder(slugs, assemble(stmt, rows), (series) => series);
}

export function seriesForArticles(stmt: Stmt, articleIds: readonly number[]): Series[][] {
  if (articleIds.length === 0) return [];
  const pairs = stmt(
    `SELECT DISTINCT spa.article_id, spa.series_id FROM series_point_articles spa
     WHERE spa.article_id IN (SELECT value FROM json_each(?))`,
  ).all(json(articleIds)) as { article_id: number; series_id: number }[];
  const rows = stmt(
    `SELECT ${SERIES_COLUMNS} FROM series s WHERE s.id IN (SELECT value FROM json_each(?))
     ORDER BY s.title, s.id`,
  ).all(json([...new Set(pairs.map((p) => p.series_id))])) as SeriesRow[];
  const series = assemble(stmt, rows);
  return articleIds.map((articleId) => {
    const ids = new Set(pairs.filter((p) => p.article_id === articleId).map((p) => p.series_id));
    return series.filter((s) => ids.has(s.id));
  });
}

/**
 * Counts a tag's articles per quarter from the tag's own index (tag, release date): the counts
 * kept per month are for the whole archive, not per tag, so they cannot answer this.
 */
export function articlesPerQuarter(stmt: Stmt, tagSlug: string): QuarterCount[] {
  const months = stmt(
    `SELECT substr(at.released_on, 1, 7) AS month, count(*) AS count
     FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE t.slug = ? GROUP BY month ORDER BY month`,
  ).all(tagSlug) as { month: string; count: number }[];
  return quarterCounts(months);
}
