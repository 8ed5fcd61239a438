// How reads grow with the archive: the same five reads at each size, in the store and over HTTP
// against the real site process, plus start time, memory and file size.

import { SqliteStore } from '@jin/store/sqlite';
import { BIG_TAG, databaseBytes } from '../shared/datasets.ts';
import { postGraphql } from '../shared/http.ts';
import { postShot, runLoad } from '../shared/load.ts';
import { memoryOf, type Running, type Stopped, startSite } from '../shared/processes.ts';
import {
  articlePageQuery,
  articleQuery,
  FEED_QUERY,
  SEARCH_WORD,
  searchQuery,
  tagPageQuery,
} from '../shared/queries.ts';
import type { Context } from '../shared/section.ts';
import { type Summary, sampleTogether } from '../shared/stats.ts';

export type ScaleRead = 'feed' | 'deepPage' | 'tagLastPage' | 'search' | 'article';

export const SCALE_READS: Record<ScaleRead, string> = {
  feed: 'feed, first page',
  deepPage: 'archive page 90% deep (articlePage)',
  tagLastPage: 'tag table, last full page',
  search: `search "${SEARCH_WORD}"`,
  article: 'article detail + related',
};

export interface ScalePoint {
  size: number;
  fileMb: number;
  loadSeconds: number;
  startSeconds: number;
  rssMb: number;
  peakRssMb: number;
  shutdown: Stopped;
  store: Record<ScaleRead, Summary>;
  http: Record<ScaleRead, Summary>;
}

export interface ScaleResult {
  points: ScalePoint[];
  /** Largest size over smallest, medians. */
  growth: { store: Record<ScaleRead, number>; http: Record<ScaleRead, number> };
}

interface Read {
  store: () => Promise<unknown>;
  query: string;
}

async function readsAt(store: SqliteStore, size: number): Promise<Record<ScaleRead, Read>> {
  const archive = await store.pageArticles({ page: 1, pageSize: 20 });
  const deep = Math.max(1, Math.ceil(archive.pageCount * 0.9));
  const tagFilter = { tags: { anyOf: [BIG_TAG] } };
  const tag = await store.pageArticles({ filter: tagFilter, page: 1, pageSize: 20 });
  // The last page with 20 rows: a shorter last page would make small archives look cheaper.
  const tagPage = tag.totalCount % 20 === 0 ? tag.pageCount : Math.max(1, tag.pageCount - 1);
  const slug = `synthetic-${Math.ceil(size / 2)}`;
  const article = await store.getArticleBySlug(slug);
  if (!article) throw new Error(`scale check failed: ${slug} is missing`);
  return {
    feed: { store: () => store.listArticles({ first: 20 }), query: FEED_QUERY },
    deepPage: {
      store: () => store.pageArticles({ page: deep, pageSize: 20 }),
      query: articlePageQuery(deep),
    },
    tagLastPage: {
      store: () => store.pageArticles({ filter: tagFilter, page: tagPage, pageSize: 20 }),
      query: tagPageQuery(BIG_TAG, tagPage),
    },
    search: {
      store: () =>
        store.listArticles({ filter: { query: SEARCH_WORD }, order: 'relevance', first: 20 }),
      query: searchQuery(SEARCH_WORD),
    },
    article: {
      store: async () => {
        const found = await store.getArticleBySlug(slug);
        return store.relatedArticles([found?.id ?? 0], 5);
      },
      query: articleQuery(slug),
    },
  };
}

const RATE_LIMIT_OFF_REACH = { JIN_RATE_LIMIT_RPS: '1000000', JIN_RATE_LIMIT_BURST: '1000000' };

/**
 * Builds every archive, opens each one in-process and in its own site process (one after the
 * other, so start time and memory are each site's own), then times every read with the sizes
 * alternating call by call: a slow moment of this shared machine then falls on all sizes alike
 * instead of on whichever size was being measured.
 */
export async function benchScale({ settings, datasets }: Context): Promise<ScaleResult> {
  const sizes = settings.scaleSizes;
  const stores = new Map<number, SqliteStore>();
  const reads = new Map<number, Record<ScaleRead, Read>>();
  const sites = new Map<number, Running>();
  const shutdowns = new Map<number, Stopped>();
  const names = Object.keys(SCALE_READS) as ScaleRead[];
  const storeTimes = new Map<number, Record<ScaleRead, Summary>>(
    sizes.map((n) => [n, {} as never]),
  );
  const httpTimes = new Map<number, Record<ScaleRead, Summary>>(sizes.map((n) => [n, {} as never]));
  const memory = new Map<number, { rssMb: number; peakMb: number }>();
  const across = <T>(fn: (size: number) => () => Promise<T>) =>
    Object.fromEntries(sizes.map((size) => [String(size), fn(size)]));
  try {
    for (const size of sizes) {
      const dataset = await datasets.get(size);
      const store = new SqliteStore({ path: dataset.path });
      stores.set(size, store);
      reads.set(size, await readsAt(store, size));
    }
    for (const name of names) {
      const times = await sampleTogether(
        across((size) => (reads.get(size) as Record<ScaleRead, Read>)[name].store),
        settings.storeSampling,
      );
      for (const size of sizes)
        (storeTimes.get(size) as Record<ScaleRead, Summary>)[name] = times[size] as Summary;
    }

    for (const size of sizes) {
      const dataset = await datasets.get(size);
      const site = await startSite({ JIN_DB_PATH: dataset.path, ...RATE_LIMIT_OFF_REACH });
      sites.set(size, site);
      for (const [name, read] of Object.entries(reads.get(size) ?? {}) as [ScaleRead, Read][]) {
        const reply = await postGraphql(site.url, read.query);
        if (reply.status !== 200 || reply.errors.length > 0) {
          throw new Error(`scale check failed: ${name} answered ${reply.body.slice(0, 300)}`);
        }
      }
      // Warm-up load: the feed under concurrency, so memory is read from a server that has worked.
      await runLoad(
        { ...settings, durationS: settings.warmupS, warmupS: 0 },
        site,
        postShot(FEED_QUERY),
      );
    }
    for (const name of names) {
      const times = await sampleTogether(
        across((size) => {
          const url = (sites.get(size) as Running).url;
          const query = (reads.get(size) as Record<ScaleRead, Read>)[name].query;
          return () => postGraphql(url, query);
        }),
        settings.httpSampling,
      );
      for (const size of sizes)
        (httpTimes.get(size) as Record<ScaleRead, Summary>)[name] = times[size] as Summary;
    }
    for (const [size, site] of sites) memory.set(size, memoryOf(site.pid));
  } finally {
    for (const [index, size] of sizes.entries()) {
      const site = sites.get(size);
      // The first stop waits for a clean shutdown, to measure it; later ones need not.
      if (site)
        shutdowns.set(size, await site.stop(index === 0 && !settings.smoke ? 15_000 : 3_000));
      await stores.get(size)?.close();
    }
  }
  const points: ScalePoint[] = [];
  for (const size of sizes) {
    const dataset = await datasets.get(size);
    points.push({
      size,
      fileMb: databaseBytes(dataset.path) / 2 ** 20,
      loadSeconds: dataset.loadSeconds,
      startSeconds: (sites.get(size) as Running).startMs / 1000,
      rssMb: memory.get(size)?.rssMb ?? Number.NaN,
      peakRssMb: memory.get(size)?.peakMb ?? Number.NaN,
      shutdown: shutdowns.get(size) ?? { ms: 0, clean: true },
      store: storeTimes.get(size) as Record<ScaleRead, Summary>,
      http: httpTimes.get(size) as Record<ScaleRead, Summary>,
    });
  }
  const small = points[0] as ScalePoint;
  const large = points[points.length - 1] as ScalePoint;
  const growth = { store: {}, http: {} } as ScaleResult['growth'];
  for (const read of Object.keys(SCALE_READS) as ScaleRead[]) {
    growth.store[read] = large.store[read].median / small.store[read].median;
    growth.http[read] = large.http[read].median / small.http[read].median;
  }
  return { points, growth };
}
