// Two stores holding the same archive, compared read by read: every list page by page, numbered
// pages, counts per month, tags and outlets with their counts, related articles, statistics
// series (whole, by slug and per article) and each tag's articles per quarter, and search.
// The stores should have been loaded with the same records in the same order (so ids agree)
// and with the same rank window.
//
// Search is where engines may differ: SQLite stems English words (porter: "refugees" finds
// "refugee"), PostgreSQL's `simple` configuration matches words whole. So for each query the
// comparison checks that the second store's matches all hold every word whole (or its last word
// as a prefix), that the first store finds at least those, and that any match only the first
// finds lacks one of the words whole (a match through a stem). Where the matches agree, the
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
  /** Queries the stores matched differently, with the articles only the first store found. */
  stemMatches: { query: string; onlyFirst: string[] }[];
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

/** The words of an article, as a search without stemming sees them. */
const wordsOf = (a: Article) =>
  new Set(queryWords(`${a.title} ${a.summary}`).map((w) => w.toLowerCase()));

function holdsWhole(article: Article, words: string[], prefixLast: boolean): boolean {
  const own = wordsOf(article);
  return words.every((w, i) =>
    prefixLast && i === words.length - 1 ? [...own].some((o) => o.startsWith(w)) : own.has(w),
  );
}

export async function compareStores(
  first: Store,
  second: Store,
  options: { queries: string[]; pageSize?: number },
): Promise<Comparison> {
  const size = options.pageSize ?? 7;
  const result: Comparison = {
    sameMatches: [],
    stemMatches: [],
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

  for (const query of options.queries) {
    const words = queryWords(query)
      .slice(0, 10)
      .map((w) => w.toLowerCase());
    const a = await pages(first, { query }, 'newest', 50);
    const b = await pages(second, { query }, 'newest', 50);
    const inFirst = new Set(slugs(a.hits));
    // Whole words first; the last word as a prefix only when the whole words find nothing.
    const prefix = !articles.some((x) => holdsWhole(x, words, false));
    for (const hit of b.hits) {
      expect(
        holdsWhole(hit.article, words, prefix),
        `"${query}": ${hit.article.slug} holds every word whole`,
      ).toBe(true);
      expect(
        inFirst.has(hit.article.slug),
        `"${query}": the first store finds ${hit.article.slug}`,
      ).toBe(true);
      const marked = hit.snippet?.filter((p) => p.highlighted).map((p) => p.text.toLowerCase());
      expect(
        marked?.length,
        `"${query}": ${hit.article.slug} has a highlighted word`,
      ).toBeGreaterThan(0);
      for (const word of marked ?? []) {
        expect(
          words.some((w) => word === w || (prefix && word.startsWith(w))),
          `"${query}": highlighted "${word}" is a word searched`,
        ).toBe(true);
      }
    }
    if (a.hits.length !== b.hits.length) {
      const inSecond = new Set(slugs(b.hits));
      const onlyFirst = a.hits.filter((h) => !inSecond.has(h.article.slug));
      for (const hit of onlyFirst) {
        expect(
          holdsWhole(hit.article, words, prefix),
          `"${query}": ${hit.article.slug}, found by the first store only, is a match through a stem`,
        ).toBe(false);
      }
      result.stemMatches.push({ query, onlyFirst: slugs(onlyFirst) });
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
