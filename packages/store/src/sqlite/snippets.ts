// A page's rows as hits: each article with its cursor and, under a text query, its snippet.

import type { Article, ArticleHit, ArticleOrder, SnippetPart } from '../types.ts';
import { FTS_ID, type ResolvedFilter } from './list-query.ts';
import { json, type ReadContext } from './read-context.ts';
import { type ArticleRow, keyOf, toArticles } from './rows.ts';

/** Splits an FTS5 snippet marked with \u0002 … \u0003 into plain and highlighted parts. */
export function parseSnippet(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the markers are control characters by design
  for (const [i, chunk] of raw.split(/[\u0002\u0003]/).entries()) {
    if (chunk) parts.push({ text: chunk.replace(/\s+/g, ' '), highlighted: i % 2 === 1 });
  }
  return parts;
}

export function hits(
  ctx: ReadContext,
  rows: ArticleRow[],
  order: ArticleOrder,
  filter: ResolvedFilter,
): ArticleHit[] {
  const articles = toArticles(ctx, rows);
  // Snippets are made for the rows of this page only, whichever order found them, in one
  // pass over the matches between the page's lowest and highest search key. (Looking each
  // row up by itself would rebuild the doclist of the query's prefix term once per row.)
  let snippets: Map<number, string> | undefined;
  if (filter.ftsQuery !== null && rows.length > 0) {
    const ftsQuery = filter.ftsQuery;
    // Kept per text query and article for the dataset version: made once, read many times.
    const kept = ctx.snippets.current();
    const keyFor = (id: number) => `${id}\0${ftsQuery}`;
    snippets = new Map();
    const missing: ArticleRow[] = [];
    for (const row of rows) {
      const snippet = kept.get(keyFor(row.id));
      if (snippet === undefined) missing.push(row);
      else snippets.set(row.id, snippet);
    }
    if (missing.length > 0) {
      const found = ctx
        .stmt(
          `WITH page AS (SELECT search_key FROM articles
             WHERE id IN (SELECT value FROM json_each(?)))
           SELECT ${FTS_ID} AS id,
             snippet(articles_fts, -1, char(2), char(3), '…', 24) AS snippet
           FROM articles_fts WHERE articles_fts MATCH ?
           AND rowid BETWEEN (SELECT min(search_key) FROM page) AND (SELECT max(search_key) FROM page)
           AND +rowid IN (SELECT search_key FROM page)`,
        )
        .all(json(missing.map((r) => r.id)), ftsQuery) as { id: number; snippet: string }[];
      for (const { id, snippet } of found) {
        snippets.set(id, snippet);
        kept.set(keyFor(id), snippet);
      }
    }
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
