// Versioned migrations of the PostgreSQL schema, applied when a store starts. Several replicas
// may start at once on one database: a session-level advisory lock lets one of them migrate
// while the others wait, and then find nothing left to do.

import type pg from 'pg';
import { MIGRATION_LOCK, SEARCH_CONFIG } from './db.ts';

/**
 * Search: a generated tsvector, the title weight A and the summary weight B, so a title match
 * ranks above a summary match. Migration 1 made it with `simple` (lowercased words, no stemming);
 * migration 4 moves it to the `jin` configuration (see SEARCH_CONFIG), which stems English
 * words as SQLite's porter tokenizer does, so "refugees" finds "refugee" on both engines.
 */
const MIGRATIONS: string[] = [
  // 1: the archive, the dataset version and the editors' tokens.
  `CREATE TABLE dataset (
     only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
     dataset_id text NOT NULL,
     version bigint NOT NULL DEFAULT 1,
     timeline_hash text
   );
   INSERT INTO dataset (dataset_id)
     VALUES (substr(md5(random()::text || clock_timestamp()::text), 1, 12));

   CREATE TABLE tags (
     id serial PRIMARY KEY,
     slug text NOT NULL UNIQUE,
     name text NOT NULL,
     description text NOT NULL
   );

   CREATE TABLE media (
     id serial PRIMARY KEY,
     slug text NOT NULL UNIQUE,
     name text NOT NULL,
     name_key text NOT NULL UNIQUE,
     homepage text
   );

   CREATE TABLE articles (
     id serial PRIMARY KEY,
     slug text NOT NULL UNIQUE,
     title text NOT NULL,
     released_on text NOT NULL CHECK (released_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
     media_id integer NOT NULL REFERENCES media (id),
     summary text NOT NULL,
     source_url text,
     read_via_media_id integer REFERENCES media (id),
     headline_verified boolean NOT NULL DEFAULT true,
     date_approximate boolean NOT NULL DEFAULT false,
     created_at text NOT NULL,
     updated_at text NOT NULL,
     search tsvector GENERATED ALWAYS AS (
       setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', summary), 'B')
     ) STORED
   );
   CREATE INDEX articles_by_date ON articles (released_on, id);
   CREATE INDEX articles_by_media_date ON articles (media_id, released_on, id);
   CREATE INDEX articles_by_read_via ON articles (read_via_media_id) WHERE read_via_media_id IS NOT NULL;
   CREATE INDEX articles_search ON articles USING gin (search);

   -- The article's date is kept beside each tag link, so one tag's articles read in date order
   -- from this table's index alone.
   CREATE TABLE article_tags (
     article_id integer NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     position integer NOT NULL,
     tag_id integer NOT NULL REFERENCES tags (id),
     released_on text NOT NULL,
     PRIMARY KEY (article_id, position)
   );
   CREATE UNIQUE INDEX article_tags_by_tag ON article_tags (tag_id, released_on, article_id);

   CREATE TABLE api_tokens (
     id serial PRIMARY KEY,
     name text NOT NULL UNIQUE,
     token_hash text NOT NULL UNIQUE,
     scopes text NOT NULL,
     created_at text NOT NULL,
     last_used_at text,
     revoked_at text
   );`,

  // 2: the timeline: rule changes with their stages, and story threads.
  `CREATE TABLE rule_changes (
     id serial PRIMARY KEY,
     slug text NOT NULL UNIQUE,
     statement text NOT NULL,
     statuses jsonb NOT NULL,
     stage text NOT NULL,
     effective_value text NOT NULL,
     effective_precision text NOT NULL,
     effective_start text NOT NULL,
     effective_end text NOT NULL
   );
   CREATE INDEX rule_changes_by_start ON rule_changes (effective_start, id);

   CREATE TABLE rule_change_tags (
     rule_change_id integer NOT NULL REFERENCES rule_changes (id) ON DELETE CASCADE,
     position integer NOT NULL,
     tag_id integer NOT NULL REFERENCES tags (id),
     PRIMARY KEY (rule_change_id, position)
   );
   CREATE INDEX rule_change_tags_by_tag ON rule_change_tags (tag_id, rule_change_id);

   CREATE TABLE rule_change_stages (
     rule_change_id integer NOT NULL REFERENCES rule_changes (id) ON DELETE CASCADE,
     position integer NOT NULL,
     stage text NOT NULL,
     date_value text NOT NULL,
     date_precision text NOT NULL,
     date_start text NOT NULL,
     date_end text NOT NULL,
     PRIMARY KEY (rule_change_id, position)
   );

   CREATE TABLE rule_change_articles (
     rule_change_id integer NOT NULL,
     position integer NOT NULL,
     article_id integer NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     PRIMARY KEY (rule_change_id, position, article_id),
     FOREIGN KEY (rule_change_id, position)
       REFERENCES rule_change_stages (rule_change_id, position) ON DELETE CASCADE
   );
   CREATE INDEX rule_change_articles_by_article ON rule_change_articles (article_id);

   CREATE TABLE stories (
     id serial PRIMARY KEY,
     slug text NOT NULL UNIQUE,
     title text NOT NULL,
     summary text NOT NULL
   );

   CREATE TABLE story_articles (
     story_id integer NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
     position integer NOT NULL,
     article_id integer NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     PRIMARY KEY (story_id, position)
   );
   CREATE INDEX story_articles_by_article ON story_articles (article_id);`,

  // 3: official statistics series: lines of dated points, each with the articles that report
  // it. Values are numeric, so a figure reads back exactly as it was written (the archive's are
  // whole counts, but a source may give a fraction).
  `ALTER TABLE dataset ADD COLUMN statistics_hash text;

   CREATE TABLE series (
     id serial PRIMARY KEY,
     slug text NOT NULL UNIQUE,
     title text NOT NULL,
     description text NOT NULL,
     unit text NOT NULL,
     publisher text NOT NULL
   );

   CREATE TABLE series_notes (
     series_id integer NOT NULL REFERENCES series (id) ON DELETE CASCADE,
     position integer NOT NULL,
     date date NOT NULL,
     text text NOT NULL,
     PRIMARY KEY (series_id, position)
   );

   CREATE TABLE series_lines (
     series_id integer NOT NULL REFERENCES series (id) ON DELETE CASCADE,
     position integer NOT NULL,
     key text NOT NULL,
     label text NOT NULL,
     PRIMARY KEY (series_id, position),
     UNIQUE (series_id, key)
   );

   CREATE TABLE series_points (
     series_id integer NOT NULL,
     line_position integer NOT NULL,
     date date NOT NULL,
     period text NOT NULL,
     value numeric NOT NULL,
     approx boolean NOT NULL,
     official text,
     PRIMARY KEY (series_id, line_position, date),
     FOREIGN KEY (series_id, line_position)
       REFERENCES series_lines (series_id, position) ON DELETE CASCADE
   );

   -- The articles that report each point; deleting an article drops it from the points it backed.
   CREATE TABLE series_point_articles (
     series_id integer NOT NULL,
     line_position integer NOT NULL,
     date date NOT NULL,
     article_id integer NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
     PRIMARY KEY (series_id, line_position, date, article_id),
     FOREIGN KEY (series_id, line_position, date)
       REFERENCES series_points (series_id, line_position, date) ON DELETE CASCADE
   );
   CREATE INDEX series_point_articles_by_article ON series_point_articles (article_id);`,

  // 4: stemmed search. `jin` is `simple` but for ASCII words (and the ASCII parts of hyphenated
  // ones), which go through the English snowball stemmer with no stop word list: a stop list
  // would drop words such as "not" or "who" that SQLite finds. Japanese runs, numbers and words
  // mixing letters and digits stay whole, as unicode61 keeps them. (`english` as shipped has
  // a stop list, hence a dictionary of our own.) The column and its index are made anew.
  `CREATE TEXT SEARCH DICTIONARY jin_english_stem (TEMPLATE = snowball, Language = english);
   CREATE TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG} (COPY = simple);
   ALTER TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG}
     ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH jin_english_stem;
   DROP INDEX articles_search;
   ALTER TABLE articles DROP COLUMN search;
   ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
     setweight(to_tsvector('${SEARCH_CONFIG}', title), 'A')
       || setweight(to_tsvector('${SEARCH_CONFIG}', summary), 'B')
   ) STORED;
   CREATE INDEX articles_search ON articles USING gin (search);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database to SCHEMA_VERSION (or an earlier `target`, to build an older schema in
 * tests), each migration in its own transaction, holding the migration lock throughout.
 * Returns how many migrations this call applied.
 */
export async function migrate(client: pg.ClientBase, target = SCHEMA_VERSION): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    const current = rows[0]?.v ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `The database is at schema version ${current}, newer than this code (${SCHEMA_VERSION}): update the code.`,
      );
    }
    let applied = 0;
    for (let version = current + 1; version <= target; version++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version - 1] as string);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
        applied++;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
  }
}
