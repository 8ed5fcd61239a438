// Two stores holding the same archive, compared read by read: every list page by page, numbered
// pages, counts per month, tags and outlets with their counts, related articles, statistics
// series (whole, by slug and per article) and each tag's articles per quarter, and search.
// The stores should have been loaded with the same records in the same order (so ids agree)
// and with the same rank window.
//
// Search: both stores stem English words (SQLite with porter, PostgreSQL with snowball english,
// see its migration 4), so each query must match the same articles in both. The two stemmers
// reduce a few words differently; a query may match differently only when it holds one of the
// words the caller names as such (`stemmersDiffer`), and every highlighted word must be a form
// of a word searched. Where the matches agree, the
// lists must agree in date order page by page, and in relevance order tier by tier: the same
// articles in each tier (tiers are the newest matches), each tier ordered by the store's own
// score. Scores themselves differ (BM25 against ts_rank), so the order within a tier may too.

import { expect } from 'vitest';
import { queryWords } from '../src/fts-query.ts';
import type { Series } from '../src/statistics.ts';
import type { Article, ArticleFilter, ArticleOrder, ArticleSlice, Store } from '../src/types.ts';

export interface Comparison {
  /** Queries both stores matched the same articles for. */
  sameMatches: string[];
  /**
   * Queries the stores matched differently, each holding a word named in `stemmersDiffer`, with
   * the articles only one store found.
   */
  differentMatches: { query: string; onlyFirst: string[]; onlySecond: string[] }[];
  pagesCompared: number;
  /** Series the stores hold alike. */
  seriesCompared: number;
  /** Articles that report a figure of some series, alike in both stores. */
  articlesReportingSeries: number;
}

/** Each page of a list read forward, as slugs, cursors and flags. */
async function pages(store: Store, filter: ArticleFilter, order: ArticleOrder, size: number) {
  const seen: Pick<ArticleSlice, 'hasNextPage' | 'hasPreviousPage'>[] = [];
  const hits: ArticleSlice['hits'] = [];
  let after: ArticleSlice['hits'][number]['key'] | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const slice = await store.listArticles({ filter, order, first: size, after });
    seen.push({ hasNextPage: slice.hasNextPage, hasPreviousPage: slice.hasPreviousPage });
    hits.push(...slice.hits);
    if (!slice.hasNextPage) return { flags: seen, hits };
    after = slice.hits.at(-1)?.key;
  }
  throw new Error('pagination did not end');
}

const slugs = (hits: { article: Article }[]) => hits.map((h) => h.article.slug);

/**
 * Whether a highlighted word can be a form of a searched one: stemmers only cut and change a
 * word's ending, so the two share their beginning ("refugees" and "refuge", "immigration" and
 * "immigrants"), or one begins the other (a completed prefix).
 */
function sameStem(word: string, searched: string): boolean {
  if (word.startsWith(searched) || searched.startsWith(word)) return true;
  let common = 0;
  while (common < word.length && word[common] === searched[common]) common++;
  return common >= 4 && common >= Math.min(word.length, searched.length) - 4;
}

export async function compareStores(
  first: Store,
  second: Store,
  options: {
    queries: string[];
    pageSize?: number;
    /** Query words the two stores' stemmers are known to reduce differently. */
    stemmersDiffer?: string[];
  },
): Promise<Comparison> {
  const size = options.pageSize ?? 7;
  const result: Comparison = {
    sameMatches: [],
    differentMatches: [],
    pagesCompared: 0,
    seriesCompared: 0,
    articlesReportingSeries: 0,
  };

  const tags = await first.listTags();
  expect(await second.listTags(), 'tags with counts').toEqual(tags);
  const media = await first.listMedia();
  expect(await second.listMedia(), 'outlets with counts').toEqual(media);
  const tagSlugs = tags.map((t) => t.item.slug);
  const mediaSlugs = [...media]
    .sort((a, b) => b.articleCount - a.articleCount)
    .map((m) => m.item.slug);

  const everything = await pages(first, {}, 'oldest', 100);
  expect(slugs((await pages(second, {}, 'oldest', 100)).hits)).toEqual(slugs(everything.hits));
  const articles = everything.hits.map((h) => h.article);
  // (Apart from when each store wrote it.)
  const content = ({ createdAt: _c, updatedAt: _u, ...rest }: Article) => rest;
  expect(
    (await second.getArticlesByIds(articles.map((a) => a.id))).map((a) => a && content(a)),
    'every article by id',
  ).toEqual(articles.map(content));

  const months = [...new Set(articles.map((a) => a.releasedOn.slice(0, 7)))];
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  const middle = articles[Math.floor(articles.length / 2)]?.releasedOn;
  const filters: ArticleFilter[] = [
    {},
    ...tagSlugs.map((t) => ({ tags: { anyOf: [t] } })),
    ...tagSlugs
      .slice(0, 4)
      .flatMap((t, i) => [
        { tags: { anyOf: [t, tagSlugs[(i + 1) % tagSlugs.length] as string] } },
        { tags: { allOf: [t, tagSlugs[(i + 2) % tagSlugs.length] as string] } },
      ]),
    ...mediaSlugs.slice(0, 8).map((m) => ({ media: [m] })),
    { media: mediaSlugs.slice(0, 3) },
    ...years.map((y) => ({ releasedFrom: `${y}-01-01`, releasedTo: `${y}-12-31` })),
    {
      tags: { anyOf: tagSlugs.slice(0, 3) },
      media: mediaSlugs.slice(0, 2),
      releasedTo: middle,
    },
  ];

  const sameList = async (filter: ArticleFilter, order: ArticleOrder, label: string) => {
    const a = await pages(first, filter, order, size);
    const b = await pages(second, filter, order, size);
    expect(slugs(b.hits), `${label}: articles`).toEqual(slugs(a.hits));
    expect(
      b.hits.map((h) => content(h.article)),
      `${label}: articles whole`,
    ).toEqual(a.hits.map((h) => content(h.article)));
    expect(b.flags, `${label}: previous and next pages`).toEqual(a.flags);
    if (order !== 'relevance') {
      expect(
        b.hits.map((h) => h.key),
        `${label}: cursors`,
      ).toEqual(a.hits.map((h) => h.key));
    }
    result.pagesCompared += a.flags.length;
    return a;
  };
  const sameNumbered = async (filter: ArticleFilter, order: ArticleOrder, label: string) => {
    const count = await first.countArticles(filter);
    expect(await second.countArticles(filter), `${label}: count`).toBe(count);
    const pageCount = Math.max(1, Math.ceil(count / 10));
    for (let page = 1; page <= pageCount + 1; page++) {
      const a = await first.pageArticles({ filter, order, page, pageSize: 10 });
      const b = await second.pageArticles({ filter, order, page, pageSize: 10 });
      expect(slugs(b.hits), `${label}: page ${page}`).toEqual(slugs(a.hits));
      expect([b.totalCount, b.pageCount], `${label}: page ${page} counts`).toEqual([
        a.totalCount,
        a.pageCount,
      ]);
      result.pagesCompared++;
    }
  };

  for (const filter of filters) {
    const label = JSON.stringify(filter);
    for (const order of ['newest', 'oldest'] as const) {
      await sameList(filter, order, `${label} ${order}`);
      await sameNumbered(filter, order, `${label} ${order}`);
    }
  }

  for (const month of months) {
    const [year, m] = month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    const filter = { releasedFrom: `${month}-01`, releasedTo: last };
    expect(await second.countArticles(filter), `count of ${month}`).toBe(
      await first.countArticles(filter),
    );
  }

  const ids = articles.map((a) => a.id);
  const related = (lists: Article[][]) => lists.map((list) => list.map((a) => a.slug));
  expect(related(await second.relatedArticles(ids, 5)), 'related articles').toEqual(
    related(await first.relatedArticles(ids, 5)),
  );

  Object.assign(result, await compareStatistics(first, second, ids, tagSlugs));

  const known = new Set((options.stemmersDiffer ?? []).map((w) => w.toLowerCase()));
  for (const query of options.queries) {
    const words = queryWords(query)
      .slice(0, 10)
      .map((w) => w.toLowerCase());
    const a = await pages(first, { query }, 'newest', 50);
    const b = await pages(second, { query }, 'newest', 50);
    for (const hit of b.hits) {
      const marked = hit.snippet?.filter((p) => p.highlighted).map((p) => p.text.toLowerCase());
      expect(
        marked?.length,
        `"${query}": ${hit.article.slug} has a highlighted word`,
      ).toBeGreaterThan(0);
      for (const word of marked ?? []) {
        expect(
          words.some((w) => sameStem(word, w)),
          `"${query}": highlighted "${word}" is a form of a word searched`,
        ).toBe(true);
      }
    }
    const inFirst = new Set(slugs(a.hits));
    const inSecond = new Set(slugs(b.hits));
    const onlyFirst = slugs(a.hits).filter((s) => !inSecond.has(s));
    const onlySecond = slugs(b.hits).filter((s) => !inFirst.has(s));
    if (onlyFirst.length > 0 || onlySecond.length > 0) {
      // Only a word named as one the two stemmers treat differently may match differently.
      expect(
        words.filter((w) => known.has(w)),
        `"${query}" matches differently (only the first store: ${onlyFirst.join(', ') || 'none'}; only the second: ${onlySecond.join(', ') || 'none'}) but names no word the stemmers differ on`,
      ).not.toEqual([]);
      result.differentMatches.push({ query, onlyFirst, onlySecond });
      continue;
    }
    result.sameMatches.push(query);
    for (const order of ['newest', 'oldest'] as const) {
      await sameList({ query }, order, `"${query}" ${order}`);
      await sameNumbered({ query }, order, `"${query}" ${order}`);
    }
    await sameList({ query, tags: { anyOf: tagSlugs.slice(0, 2) } }, 'newest', `"${query}" tagged`);
    // Relevance: the same articles in each tier, each tier in the store's own score order.
    const ranked = async (store: Store) => {
      const { hits } = await pages(store, { query }, 'relevance', size);
      const tiers = new Map<number, string[]>();
      let previous: { tier: number; rank: number } | null = null;
      for (const hit of hits) {
        if (hit.key.kind !== 'rank') throw new Error('a relevance list has rank cursors');
        const { tier, rank } = hit.key;
        if (previous) {
          expect(
            tier > previous.tier || (tier === previous.tier && rank >= previous.rank),
            `"${query}": relevance order is by tier, then score`,
          ).toBe(true);
        }
        previous = { tier, rank };
        tiers.set(tier, [...(tiers.get(tier) ?? []), hit.article.slug]);
      }
      return [...tiers.entries()].map(([tier, list]) => [tier, list.sort()]);
    };
    expect(await ranked(second), `"${query}": relevance tiers`).toEqual(await ranked(first));
    result.pagesCompared++;
  }
  return result;
}

/**
 * The statistics read alike: every series whole (but for its id, which is each database's own),
 * by slug (with one unknown), the series of each article, and each tag's articles per quarter.
 */
async function compareStatistics(
  first: Store,
  second: Store,
  articleIds: number[],
  tagSlugs: string[],
): Promise<Pick<Comparison, 'seriesCompared' | 'articlesReportingSeries'>> {
  const whole = (series: (Series | null)[]) => series.map((s) => s && { ...s, id: undefined });
  const series = await first.listSeries();
  expect(whole(await second.listSeries()), 'every series').toEqual(whole(series));
  const slugs = ['no-such-series', ...series.map((s) => s.slug).reverse()];
  expect(whole(await second.getSeriesBySlugs(slugs)), 'series by slug').toEqual(
    whole(await first.getSeriesBySlugs(slugs)),
  );
  const reported = await first.seriesForArticles(articleIds);
  expect(
    (await second.seriesForArticles(articleIds)).map(whole),
    'the series of each article',
  ).toEqual(reported.map(whole));
  for (const tag of tagSlugs) {
    expect(await second.articlesPerQuarter(tag), `${tag}: articles per quarter`).toEqual(
      await first.articlesPerQuarter(tag),
    );
  }
  return {
    seriesCompared: series.length,
    articlesReportingSeries: reported.filter((list) => list.length > 0).length,
  };
}
