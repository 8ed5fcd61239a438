-- The schema after migration 8 (generated from migrations.ts; see schema-snapshot.ts).

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );

CREATE TABLE article_months (
    month TEXT PRIMARY KEY, -- YYYY-MM of released_on
    article_count INTEGER NOT NULL
  ) WITHOUT ROWID;

CREATE TABLE article_tags (
    tag_id INTEGER NOT NULL REFERENCES tags (id),
    released_on TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (tag_id, released_on, article_id)
  ) WITHOUT ROWID;

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    released_on TEXT NOT NULL,
    media_id INTEGER NOT NULL REFERENCES media (id),
    summary TEXT NOT NULL,
    source_url TEXT,
    headline_verified INTEGER NOT NULL DEFAULT 1,
    date_approximate INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  , search_key INTEGER
    GENERATED ALWAYS AS (unixepoch(released_on) / 86400 * 4294967296 + id) VIRTUAL, read_via_media_id INTEGER REFERENCES media (id));

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, summary,
    content = 'articles', content_rowid = 'search_key',
    tokenize = 'porter unicode61 remove_diacritics 2'
  );

CREATE TABLE 'articles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'articles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    homepage TEXT,
    article_count INTEGER NOT NULL DEFAULT 0
  );

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE rule_change_articles (
    rule_change_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (rule_change_id, position, article_id),
    FOREIGN KEY (rule_change_id, position)
      REFERENCES rule_change_stages (rule_change_id, position) ON DELETE CASCADE
  ) WITHOUT ROWID;

CREATE TABLE rule_change_stages (
    rule_change_id INTEGER NOT NULL REFERENCES rule_changes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    stage TEXT NOT NULL,
    date_value TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    date_start TEXT NOT NULL,
    date_end TEXT NOT NULL,
    PRIMARY KEY (rule_change_id, position)
  ) WITHOUT ROWID;

CREATE TABLE rule_change_tags (
    rule_change_id INTEGER NOT NULL REFERENCES rule_changes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag_id INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (rule_change_id, position)
  ) WITHOUT ROWID;

CREATE TABLE rule_changes (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    statement TEXT NOT NULL,
    statuses TEXT NOT NULL, -- JSON array of status slugs
    stage TEXT NOT NULL, -- the latest stage
    -- When it takes effect (the in-force stage's date, or else the latest stage's): as written,
    -- its precision, and the first and last day it can mean.
    effective_value TEXT NOT NULL,
    effective_precision TEXT NOT NULL,
    effective_start TEXT NOT NULL,
    effective_end TEXT NOT NULL
  );

CREATE TABLE series (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    unit TEXT NOT NULL,
    publisher TEXT NOT NULL
  );

CREATE TABLE series_lines (
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (series_id, position),
    UNIQUE (series_id, key)
  );

CREATE TABLE series_notes (
    series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (series_id, position)
  );

CREATE TABLE series_point_articles (
    series_id INTEGER NOT NULL,
    line_position INTEGER NOT NULL,
    date TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (series_id, line_position, date, article_id),
    FOREIGN KEY (series_id, line_position, date)
      REFERENCES series_points (series_id, line_position, date) ON DELETE CASCADE
  );

CREATE TABLE series_points (
    series_id INTEGER NOT NULL,
    line_position INTEGER NOT NULL,
    date TEXT NOT NULL,
    period TEXT NOT NULL,
    value REAL NOT NULL,
    approx INTEGER NOT NULL,
    official TEXT,
    PRIMARY KEY (series_id, line_position, date),
    FOREIGN KEY (series_id, line_position)
      REFERENCES series_lines (series_id, position) ON DELETE CASCADE
  );

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL
  );

CREATE TABLE story_articles (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, position)
  ) WITHOUT ROWID;

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    article_count INTEGER NOT NULL DEFAULT 0
  );

CREATE INDEX article_tags_by_article ON article_tags (article_id, position);

CREATE INDEX articles_by_date ON articles (released_on, id);

CREATE INDEX articles_by_media_date ON articles (media_id, released_on, id);

CREATE UNIQUE INDEX articles_by_search_key ON articles (search_key);

CREATE INDEX rule_change_articles_by_article ON rule_change_articles (article_id);

CREATE INDEX rule_change_tags_by_tag ON rule_change_tags (tag_id, rule_change_id);

CREATE INDEX rule_changes_by_start ON rule_changes (effective_start, id);

CREATE INDEX series_point_articles_by_article ON series_point_articles (article_id);

CREATE INDEX story_articles_by_article ON story_articles (article_id);

CREATE TRIGGER article_tags_count_delete AFTER DELETE ON article_tags BEGIN
    UPDATE tags SET article_count = article_count - 1 WHERE id = OLD.tag_id;
  END;

CREATE TRIGGER article_tags_count_insert AFTER INSERT ON article_tags BEGIN
    UPDATE tags SET article_count = article_count + 1 WHERE id = NEW.tag_id;
  END;

CREATE TRIGGER articles_counts_delete AFTER DELETE ON articles BEGIN
    UPDATE meta SET value = value - 1 WHERE key = 'article_count';
    UPDATE article_months SET article_count = article_count - 1
    WHERE month = substr(OLD.released_on, 1, 7);
    DELETE FROM article_months WHERE month = substr(OLD.released_on, 1, 7) AND article_count = 0;
  END;

CREATE TRIGGER articles_counts_insert AFTER INSERT ON articles
  WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'bulk_import') BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'article_count';
    INSERT INTO article_months (month, article_count) VALUES (substr(NEW.released_on, 1, 7), 1)
    ON CONFLICT (month) DO UPDATE SET article_count = article_count + 1;
  END;

CREATE TRIGGER articles_counts_month_update AFTER UPDATE OF released_on ON articles
  WHEN substr(OLD.released_on, 1, 7) <> substr(NEW.released_on, 1, 7) BEGIN
    UPDATE article_months SET article_count = article_count - 1
    WHERE month = substr(OLD.released_on, 1, 7);
    DELETE FROM article_months WHERE month = substr(OLD.released_on, 1, 7) AND article_count = 0;
    INSERT INTO article_months (month, article_count) VALUES (substr(NEW.released_on, 1, 7), 1)
    ON CONFLICT (month) DO UPDATE SET article_count = article_count + 1;
  END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary)
    VALUES ('delete', OLD.search_key, OLD.title, OLD.summary);
  END;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
  WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'bulk_import') BEGIN
    INSERT INTO articles_fts (rowid, title, summary)
    VALUES (NEW.search_key, NEW.title, NEW.summary);
  END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, released_on ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary)
    VALUES ('delete', OLD.search_key, OLD.title, OLD.summary);
    INSERT INTO articles_fts (rowid, title, summary)
    VALUES (NEW.search_key, NEW.title, NEW.summary);
  END;

CREATE TRIGGER articles_media_count_delete AFTER DELETE ON articles BEGIN
    UPDATE media SET article_count = article_count - 1 WHERE id = OLD.media_id;
  END;

CREATE TRIGGER articles_media_count_insert AFTER INSERT ON articles BEGIN
    UPDATE media SET article_count = article_count + 1 WHERE id = NEW.media_id;
  END;

CREATE TRIGGER articles_media_count_update AFTER UPDATE OF media_id ON articles
  WHEN OLD.media_id <> NEW.media_id BEGIN
    UPDATE media SET article_count = article_count - 1 WHERE id = OLD.media_id;
    UPDATE media SET article_count = article_count + 1 WHERE id = NEW.media_id;
  END;

CREATE TRIGGER articles_tag_dates AFTER UPDATE OF released_on ON articles
  WHEN OLD.released_on <> NEW.released_on BEGIN
    UPDATE article_tags SET released_on = NEW.released_on WHERE article_id = NEW.id;
  END;
