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
    // Whether the summary holds the query is read from the stored tsvector (the summary's words
    // are weight B), not by parsing the summary again. A headline marks words only inside a span
    // holding the whole query within MaxWords; when the words lie further apart ("technical"
    // at the end, "international" at the start) it marks none, so the quoted column is
    // headlined again for any one of the words.
    // (Materialized, so that each headline is made once, not once per mention.)
    const found = await db.query<{ id: number; snippet: string }>({
      name: 'snippets',
      text: `WITH h AS MATERIALIZED (
               SELECT a.id, d.quoted, ts_headline('${SEARCH_CONFIG}', d.quoted, q, $3) AS snippet
               FROM articles a, to_tsquery('${SEARCH_CONFIG}', $2) q,
                 LATERAL (SELECT CASE WHEN a.search @@ to_tsquery('${SEARCH_CONFIG}', $5)
                   THEN a.summary ELSE a.title END AS quoted) d
               WHERE a.id = ANY($1::int[]))
             SELECT h.id, CASE WHEN strpos(h.snippet, chr(2)) > 0 THEN h.snippet
                 ELSE ts_headline('${SEARCH_CONFIG}', h.quoted, to_tsquery('${SEARCH_CONFIG}', $4), $3)
               END AS snippet
             FROM h`,
      values: [rows.map((r) => r.id), filter.tsquery, HEADLINE, filter.anyWord, filter.inSummary],
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
