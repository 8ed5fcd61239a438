// Statistics series in PostgreSQL: replaced whole inside the caller's write transaction, one
// statement per table, and read back whole, each series one row, in one query. The same rules
// as the SQLite store's statistics.ts: nothing is written, and `changed` is false, when the
// series and the article ids they resolve to are the ones last written (so loading at every
// start keeps the dataset version).

import { createHash } from 'node:crypto';
import { inSlugOrder } from '../sqlite/rows.ts';
import {
  checkCitedArticles,
  citedArticles,
  type QuarterCount,
  quarterCounts,
  type Series,
  type SeriesInput,
  type SeriesLine,
  type SeriesNote,
  validateStatistics,
} from '../statistics.ts';
import type { Db } from './db.ts';

export async function replaceStatistics(
  db: Db,
  input: readonly SeriesInput[],
): Promise<{ series: number; changed: boolean }> {
  validateStatistics(input);
  const articleIds = new Map(
    (
      await db.query<{ slug: string; id: number }>(
        'SELECT slug, id FROM articles WHERE slug = ANY($1::text[]) ORDER BY id',
        [citedArticles(input)],
      )
    ).map((row) => [row.slug, row.id]),
  );
  checkCitedArticles(input, articleIds);
  // An article deleted and imported again resolves to a new id: that is a change too.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([input, [...articleIds]]))
    .digest('base64url');
  const [kept] = await db.query<{ statistics_hash: string | null }>(
    'SELECT statistics_hash FROM dataset',
  );
  if (kept?.statistics_hash === fingerprint) return { series: input.length, changed: false };

  // Notes, lines, points and their articles go with their series (ON DELETE CASCADE).
  await db.query('DELETE FROM series');
  const inserted = await db.query<{ id: number; slug: string }>(
    `INSERT INTO series (slug, title, description, unit, publisher)
     SELECT slug, title, description, unit, publisher
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       WITH ORDINALITY AS x (slug, title, description, unit, publisher, n)
     ORDER BY n
     RETURNING id, slug`,
    [
      input.map((s) => s.slug),
      input.map((s) => s.title.trim()),
      input.map((s) => s.description.trim()),
      input.map((s) => s.unit),
      input.map((s) => s.publisher.trim()),
    ],
  );
  const seriesId = new Map(inserted.map((row) => [row.slug, row.id]));

  const notes = input.flatMap((s) =>
    s.notes.map((note, position) => [seriesId.get(s.slug), position, note.date, note.text.trim()]),
  );
  const lines = input.flatMap((s) =>
    s.lines.map((line, position) => [seriesId.get(s.slug), position, line.key, line.label.trim()]),
  );
  const points = input.flatMap((s) =>
    s.lines.flatMap((line, position) =>
      line.points.map((p) => [
        seriesId.get(s.slug),
        position,
        p.date,
        p.period.trim(),
        p.value,
        p.approx,
        p.official,
      ]),
    ),
  );
  const reports = input.flatMap((s) =>
    s.lines.flatMap((line, position) =>
      line.points.flatMap((p) =>
        [...new Set(p.articles)].map((slug) => [
          seriesId.get(s.slug),
          position,
          p.date,
          articleIds.get(slug),
        ]),
      ),
    ),
  );
  await db.query(
    `INSERT INTO series_notes (series_id, position, date, text)
     SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::text[])`,
    columns(notes, 4),
  );
  await db.query(
    `INSERT INTO series_lines (series_id, position, key, label)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[])`,
    columns(lines, 4),
  );
  await db.query(
    `INSERT INTO series_points (series_id, line_position, date, period, value, approx, official)
     SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::text[], $5::numeric[],
       $6::boolean[], $7::text[])`,
    columns(points, 7),
  );
  await db.query(
    `INSERT INTO series_point_articles (series_id, line_position, date, article_id)
     SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::int[])`,
    columns(reports, 4),
  );
  await db.query('UPDATE dataset SET statistics_hash = $1', [fingerprint]);
  return { series: input.length, changed: true };
}

/** Rows turned into one array per column, for unnest. */
function columns(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));
}

interface SeriesRow {
  id: number;
  slug: string;
  title: string;
  description: string;
  unit: string;
  publisher: string;
  notes: SeriesNote[];
  lines: SeriesLine[];
  article_ids: number[];
}

/**
 * A series whole in one row: notes and lines (with their points, and the articles behind each
 * point) as JSON, which writes dates as YYYY-MM-DD and numeric values as plain numbers. Articles
 * are newest first, as in SQLite.
 */
const SERIES_COLUMNS = `s.id, s.slug, s.title, s.description, s.unit, s.publisher,
  (SELECT coalesce(json_agg(json_build_object('date', n.date, 'text', n.text) ORDER BY n.position), '[]')
   FROM series_notes n WHERE n.series_id = s.id) AS notes,
  (SELECT coalesce(json_agg(json_build_object(
       'key', l.key, 'label', l.label,
       'points', (SELECT coalesce(json_agg(json_build_object(
           'date', p.date, 'period', p.period, 'value', p.value, 'approx', p.approx,
           'official', p.official,
           'articleIds', array(
             SELECT pa.article_id FROM series_point_articles pa
             JOIN articles a ON a.id = pa.article_id
             WHERE pa.series_id = p.series_id AND pa.line_position = p.line_position
               AND pa.date = p.date
             ORDER BY a.released_on DESC, a.id DESC))
         ORDER BY p.date), '[]')
         FROM series_points p WHERE p.series_id = l.series_id AND p.line_position = l.position))
     ORDER BY l.position), '[]')
   FROM series_lines l WHERE l.series_id = s.id) AS lines,
  array(SELECT a.id FROM articles a
        WHERE a.id IN (SELECT pa.article_id FROM series_point_articles pa WHERE pa.series_id = s.id)
        ORDER BY a.released_on DESC, a.id DESC) AS article_ids`;

/** Code point order, as SQLite's default collation sorts. */
const BY_TITLE = 'ORDER BY s.title COLLATE "C", s.id';

const toSeries = ({ article_ids, ...row }: SeriesRow): Series => ({
  ...row,
  articleIds: article_ids,
});

export async function listSeries(db: Db): Promise<Series[]> {
  const rows = await db.query<SeriesRow>({
    name: 'list-series',
    text: `SELECT ${SERIES_COLUMNS} FROM series s ${BY_TITLE}`,
  });
  return rows.map(toSeries);
}

export async function getSeriesBySlugs(
  db: Db,
  slugs: readonly string[],
): Promise<(Series | null)[]> {
  if (slugs.length === 0) return [];
  const rows = await db.query<SeriesRow>({
    name: 'series-by-slugs',
    text: `SELECT ${SERIES_COLUMNS} FROM series s WHERE s.slug = ANY($1::text[])`,
    values: [slugs],
  });
  return inSlugOrder(slugs, rows, toSeries);
}

/** Each series is read once, however many of the articles report it. */
export async function seriesForArticles(
  db: Db,
  articleIds: readonly number[],
): Promise<Series[][]> {
  if (articleIds.length === 0) return [];
  const rows = await db.query<SeriesRow>({
    name: 'series-for-articles',
    text: `SELECT ${SERIES_COLUMNS} FROM series s
     WHERE s.id IN (SELECT pa.series_id FROM series_point_articles pa
                    WHERE pa.article_id = ANY($1::int[]))
     ${BY_TITLE}`,
    values: [articleIds.filter((id) => Number.isSafeInteger(id) && Math.abs(id) < 2 ** 31)],
  });
  const series = rows.map(toSeries);
  const reported = series.map((s) => new Set(s.articleIds));
  return articleIds.map((id) => series.filter((_, i) => reported[i]?.has(id)));
}

/**
 * Counts a tag's articles per month from the tag's own index (tag, release date), summed into
 * quarters as SQLite does: the counts kept per month are for the whole archive, not per tag.
 */
export async function articlesPerQuarter(db: Db, tagSlug: string): Promise<QuarterCount[]> {
  const months = await db.query<{ month: string; count: number }>({
    name: 'articles-per-quarter',
    text: `SELECT substr(at.released_on, 1, 7) COLLATE "C" AS month, count(*)::int AS count
     FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE t.slug = $1 GROUP BY 1 ORDER BY 1`,
    values: [tagSlug],
  });
  return quarterCounts(months);
}
