// How reads grow with the archive: the same five reads at each size, in the store and over HTTP
// against the real site process, plus start time, memory and file size.

import { SqliteStore } from '@jin/store/sqlite';
import { runLoad } from './api.ts';
import { type Datasets, databaseBytes } from './datasets.ts';
import { graphqlBody, JSON_HEADERS, postGraphql } from './http.ts';
import { type Metric, metric } from './metrics.ts';
import {
  articlePageQuery,
  articleQuery,
  FEED_QUERY,
  SEARCH_WORD,
  searchQuery,
  tagPageQuery,
} from './queries.ts';
import type { Settings } from './settings.ts';
import { type Summary, sample } from './stats.ts';
import { BIG_TAG } from './store.ts';
import { memoryOf, type Stopped, startSite } from './targets.ts';

export type ScaleRead = 'feed' | 'deepPage' | 'tagLastPage' | 'search' | 'article';

export const SCALE_READS: Record<ScaleRead, string> = {
  feed: 'feed, first page',
  deepPage: 'archive page 90% deep (articlePage)',
  tagLastPage: 'tag table, last page',
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
      store: () => store.pageArticles({ filter: tagFilter, page: tag.pageCount, pageSize: 20 }),
      query: tagPageQuery(BIG_TAG, tag.pageCount),
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

export async function benchScale(
  settings: Settings,
  datasets: Datasets,
): Promise<{ result: ScaleResult; metrics: Metric[] }> {
  const points: ScalePoint[] = [];
  for (const [index, size] of settings.scaleSizes.entries()) {
    const dataset = await datasets.get(size);
    const store = new SqliteStore({ path: dataset.path });
    const storeTimes = {} as Record<ScaleRead, Summary>;
    let reads: Record<ScaleRead, Read>;
    try {
      reads = await readsAt(store, size);
      for (const [name, read] of Object.entries(reads) as [ScaleRead, Read][]) {
        storeTimes[name] = await sample(read.store, settings.storeSampling);
      }
    } finally {
      await store.close();
    }

    const site = await startSite({ JIN_DB_PATH: dataset.path, ...RATE_LIMIT_OFF_REACH });
    const httpTimes = {} as Record<ScaleRead, Summary>;
    let memory = { rssMb: Number.NaN, peakMb: Number.NaN };
    let shutdown: Stopped = { ms: 0, clean: true };
    try {
      for (const [name, read] of Object.entries(reads) as [ScaleRead, Read][]) {
        const reply = await postGraphql(site.url, read.query);
        if (reply.status !== 200 || reply.errors.length > 0) {
          throw new Error(`scale check failed: ${name} answered ${reply.body.slice(0, 300)}`);
        }
      }
      // Warm-up load: the feed under concurrency, so memory is read from a server that has worked.
      await runLoad({ ...settings, durationS: settings.warmupS, warmupS: 0 }, site, {
        method: 'POST',
        path: '/graphql',
        headers: JSON_HEADERS,
        body: graphqlBody(FEED_QUERY),
      });
      for (const [name, read] of Object.entries(reads) as [ScaleRead, Read][]) {
        httpTimes[name] = await sample(
          () => postGraphql(site.url, read.query),
          settings.httpSampling,
        );
      }
      memory = memoryOf(site.pid);
    } finally {
      // The first stop waits for a clean shutdown, to measure it; later ones need not.
      shutdown = await site.stop(index === 0 && !settings.smoke ? 15_000 : 3_000);
    }
    points.push({
      size,
      fileMb: databaseBytes(dataset.path) / 2 ** 20,
      loadSeconds: dataset.loadSeconds,
      startSeconds: site.startMs / 1000,
      rssMb: memory.rssMb,
      peakRssMb: memory.peakMb,
      shutdown,
      store: storeTimes,
      http: httpTimes,
    });
  }
  const small = points[0] as ScalePoint;
  const large = points[points.length - 1] as ScalePoint;
  const growth = { store: {}, http: {} } as ScaleResult['growth'];
  for (const read of Object.keys(SCALE_READS) as ScaleRead[]) {
    growth.store[read] = large.store[read].median / small.store[read].median;
    growth.http[read] = large.http[read].median / small.http[read].median;
  }
  const result = { points, growth };
  return { result, metrics: scaleMetrics(result) };
}

function scaleMetrics(r: ScaleResult): Metric[] {
  const small = r.points[0] as ScalePoint;
  const large = r.points[r.points.length - 1] as ScalePoint;
  const span = `${small.size.toLocaleString('en-US')} -> ${large.size.toLocaleString('en-US')}`;
  const metrics: Metric[] = [];
  for (const read of Object.keys(SCALE_READS) as ScaleRead[]) {
    for (const point of r.points) {
      metrics.push(
        metric(
          `scale.${point.size}.store.${read}`,
          `${SCALE_READS[read]}, store, ${point.size}`,
          point.store[read].median,
          'ms',
        ),
        metric(
          `scale.${point.size}.http.${read}`,
          `${SCALE_READS[read]}, HTTP, ${point.size}`,
          point.http[read].median,
          'ms',
        ),
      );
    }
    metrics.push(
      metric(
        `scale.growth.http.${read}`,
        `${SCALE_READS[read]}: HTTP growth ${span}`,
        r.growth.http[read],
        'x',
        {
          op: '<=',
          value: 1.5,
        },
      ),
      metric(
        `scale.growth.store.${read}`,
        `${SCALE_READS[read]}: store growth ${span}`,
        r.growth.store[read],
        'x',
        {
          op: '<=',
          value: 1.5,
        },
      ),
    );
  }
  for (const point of r.points) {
    const last = point === large;
    metrics.push(
      metric(
        `scale.${point.size}.start`,
        `server start to /healthz, ${point.size} articles`,
        point.startSeconds,
        's',
        last ? { op: '<', value: 3 } : undefined,
      ),
      metric(
        `scale.${point.size}.rss`,
        `resident memory after warm-up, ${point.size} articles`,
        point.rssMb,
        'MB',
        last ? { op: '<', value: 250 } : undefined,
      ),
      metric(
        `scale.${point.size}.fileMb`,
        `database file, ${point.size} articles`,
        point.fileMb,
        'MB',
      ),
    );
  }
  return metrics;
}
