// A page's rows as hits: each article with its cursor and, under a text query, its snippet.

import { parseSnippet } from '../sqlite/snippets.ts';
import type { Article, ArticleHit, ArticleOrder } from '../types.ts';
import { type Db, SEARCH_CONFIG } from './db.ts';
import type { PgFilter } from './filter.ts';
import { type ArticleRow, keyOf, toArticles } from './rows.ts';

/**
 * ts_headline marks matches with the same control characters as the SQLite store's snippets,
 * so one parser splits both. The summary is quoted when it matches, else the title (SQLite
 * quotes the column with the best match; a summary holds more context around a word).
 */
const HEADLINE = 'StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=12, ShortWord=0';

export async function hits(
  db: Db,
  rows: ArticleRow[],
  order: ArticleOrder,
  filter: PgFilter,
): Promise<ArticleHit[]> {
  const articles = await toArticles(db, rows);
  let snippets: Map<number, string> | undefined;
  if (filter.tsquery !== null && rows.length > 0) {
    // A headline marks words only inside a span holding the whole query within MaxWords; when
    // the words lie further apart ("technical" at the end, "international" at the start) it
    // marks none, so the quoted column is headlined again for any one of the words.
    const found = await db.query<{ id: number; snippet: string }>({
      name: 'snippets',
      text: `SELECT a.id, CASE WHEN strpos(h.snippet, chr(2)) > 0 THEN h.snippet
                 ELSE ts_headline('${SEARCH_CONFIG}', d.quoted, any_word, $3) END AS snippet
             FROM articles a, to_tsquery('${SEARCH_CONFIG}', $2) q,
               to_tsquery('${SEARCH_CONFIG}', $4) any_word,
               LATERAL (SELECT CASE WHEN to_tsvector('${SEARCH_CONFIG}', a.summary) @@ q
                 THEN a.summary ELSE a.title END AS quoted) d,
               LATERAL (SELECT ts_headline('${SEARCH_CONFIG}', d.quoted, q, $3) AS snippet) h
             WHERE a.id = ANY($1::int[])`,
      values: [rows.map((r) => r.id), filter.tsquery, HEADLINE, filter.anyWord],
    });
    snippets = new Map(found.map((s) => [s.id, s.snippet]));
  }
  return rows.map((row, i) => {
    const raw = snippets?.get(row.id);
    return {
      article: articles[i] as Article,
      key: keyOf(row, order),
      snippet: raw === undefined ? null : parseSnippet(raw),
    };
  });
}
