// Worst cases. Every read the schema allows, at its largest arguments, timed in the store at the
// benchmark's archive size; each hostile class of request sent to an API server in this process
// while the event loop's longest delay and the latency of /healthz are recorded; and a flood of
// distinct large answers and page addresses against a site process, with its resident memory.

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '@jin/api/config';
import { buildServer } from '@jin/api/server';
import type { ArticleFilter } from '@jin/store';
import { SqliteStore } from '@jin/store/sqlite';
import type { Datasets } from './datasets.ts';
import { type Metric, metric } from './metrics.ts';
import type { Settings } from './settings.ts';
import { memoryOf, startSite } from './targets.ts';

export interface WorstRead {
  name: string;
  medianMs: number;
  maxMs: number;
}

export interface HostileClass {
  name: string;
  requests: number;
  statuses: Record<string, number>;
  loopMaxMs: number;
  healthzMedianMs: number;
  healthzMaxMs: number;
}

export interface FloodResult {
  seconds: number;
  answers: number;
  pages: number;
  statuses: Record<string, number>;
  rssStartMb: number;
  rssPeakMb: number;
  rssEndMb: number;
}

export interface WorstResult {
  size: number;
  reads: WorstRead[];
  /** The first count after a write, when the columns counts come from are read again. */
  countAfterWriteMs: number;
  hostile: HostileClass[];
  flood: FloodResult;
}

const LIMIT_MS = 50;
const LOOP_LIMIT_MS = 250;
const RSS_LIMIT_MB = 400;

const tags = (from: number, n: number) => Array.from({ length: n }, (_, i) => `topic-${from + i}`);
const COMMON = tags(1, 5);
const RARE = tags(20, 5);
const MEDIA = Array.from({ length: 20 }, (_, i) => `outlet-${i + 1}`);
const YEAR = { releasedFrom: '2013-01-01', releasedTo: '2013-12-31' };
const WORDS = 'refugee visa policy worker immigration japan foreign minister government the';

/** The reads, each at the largest arguments the schema takes (100 a page, 5 tags, 10 words). */
function reads(store: SqliteStore, size: number): [string, () => Promise<unknown>][] {
  const deep = Math.max(1, Math.floor((size * 0.9) / 100));
  const list =
    (filter: ArticleFilter, order: 'newest' | 'relevance' = 'newest') =>
    () =>
      store.listArticles({ filter, order, first: 100 });
  const page =
    (filter: ArticleFilter, order: 'newest' | 'relevance' = 'newest') =>
    () =>
      store.pageArticles({ filter, order, page: deep, pageSize: 100 });
  const count = (filter: ArticleFilter) => () => store.countArticles(filter);
  return [
    ['feed page of 100', list({})],
    ['any of 5 common tags', list({ tags: { anyOf: COMMON } })],
    ['all of 5 common tags', list({ tags: { allOf: COMMON } })],
    ['all of 5 rare tags', list({ tags: { allOf: RARE } })],
    ['any of 5 and all of 5 tags', list({ tags: { anyOf: RARE, allOf: COMMON } })],
    ['20 outlets, 5 tags, a year', list({ tags: { anyOf: COMMON }, media: MEDIA, ...YEAR })],
    ['count: any of 5 common tags', count({ tags: { anyOf: COMMON } })],
    ['count: 20 outlets and 5 tags', count({ tags: { anyOf: COMMON }, media: MEDIA })],
    ['numbered page 90% deep', page({})],
    ['numbered page 90% deep, any of 5 tags', page({ tags: { anyOf: COMMON } })],
    ['search, common word', list({ query: 'refugee' }, 'relevance')],
    ['search, 10 words', list({ query: WORDS }, 'relevance')],
    [
      'search, common word, all of 5 tags',
      list({ query: 'refugee', tags: { allOf: COMMON } }, 'relevance'),
    ],
    [
      'search, 2 words, any of 3 tags',
      list({ query: 'refugee visa', tags: { anyOf: tags(1, 3) } }, 'relevance'),
    ],
    [
      'search, newest first, any of 2 tags',
      list({ query: 'refugee visa', tags: { anyOf: tags(2, 2) } }),
    ],
    ['search count, any of 5 tags', count({ query: 'refugee visa', tags: { anyOf: COMMON } })],
    ['search page 90% deep', page({ query: 'refugee' }, 'relevance')],
    ['search, short prefix', list({ query: 'zzq re' }, 'relevance')],
    [
      'related: 100 articles, 20 each',
      () =>
        store.relatedArticles(
          Array.from({ length: 100 }, (_, i) => 1 + ((i * 997) % size)),
          20,
        ),
    ],
    ['tags and outlets with counts', async () => [await store.listTags(), await store.listMedia()]],
  ];
}

async function time(run: () => Promise<unknown>, times: number): Promise<Omit<WorstRead, 'name'>> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    medianMs: samples[Math.floor(samples.length / 2)] as number,
    maxMs: samples.at(-1) as number,
  };
}

const fragments = (n: number) =>
  `query { ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`).join(' ')} fragment F${n} on Query { __typename }`;
const aliased = (n: number, field: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** Documents of each hostile class; the refused ones cost only their checks. */
function hostileDocuments(size: number): [string, string][] {
  const deep = Math.max(1, Math.floor((size * 0.9) / 100));
  const filteredPage = `articlePage(page: 1, pageSize: 1, filter: { tags: { anyOf: ${JSON.stringify(COMMON)} }, releasedFrom: "2013-01-01", releasedTo: "2013-12-31" }) { totalCount items { article { title } } }`;
  const taggedSearch = `search(query: "refugee visa", first: 20, filter: { tags: { allOf: ${JSON.stringify(tags(1, 3))} } }) { totalCount nodes { title } }`;
  return [
    ['fragment fan-out, 40 levels', fragments(40)],
    [
      'nested inline fragments, 300 deep',
      `{ ${'... on Query { '.repeat(300)}__typename${' }'.repeat(300)} }`,
    ],
    [
      'aliases times fragments',
      `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: articles(first: 1) { nodes { ...A0 } }`).join(' ')} } ${Array.from({ length: 20 }, (_, i) => `fragment A${i} on Article { slug ...A${i + 1} ... on Article { ...A${i + 1} } }`).join(' ')} fragment A20 on Article { title }`,
    ],
    ['30 filtered numbered pages', aliased(30, filteredPage)],
    ['12 filtered numbered pages (within the cost)', aliased(12, filteredPage)],
    ['2 tagged searches', aliased(2, taggedSearch)],
    ['1 tagged search (within the cost)', aliased(1, taggedSearch)],
    [
      '100 articles with 20 related each',
      '{ articles(first: 100) { nodes { relatedArticles(first: 20) { slug } } } }',
    ],
    [
      '4 numbered pages 90% deep',
      aliased(4, `articlePage(page: ${deep}, pageSize: 100) { items { article { slug } } }`),
    ],
  ];
}

async function hostile(path: string, size: number, perClass: number): Promise<HostileClass[]> {
  const store = new SqliteStore({ path });
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    JIN_DB_PATH: path,
    JIN_RATE_LIMIT_RPS: '0',
    JIN_WEB_DIST: '/nonexistent',
  });
  const app = await buildServer(config, store, { logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const results: HostileClass[] = [];
  try {
    for (const [name, query] of hostileDocuments(size)) {
      const statuses: Record<string, number> = {};
      const health: number[] = [];
      const loop = monitorEventLoopDelay({ resolution: 5 });
      let running = true;
      const poll = (async () => {
        while (running) {
          const start = performance.now();
          await (await fetch(`${address}/healthz`)).arrayBuffer();
          health.push(performance.now() - start);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      loop.enable();
      let sent = 0;
      const worker = async () => {
        while (sent < perClass) {
          sent++;
          const response = await fetch(`${address}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          });
          await response.arrayBuffer();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      loop.disable();
      running = false;
      await poll;
      health.sort((a, b) => a - b);
      results.push({
        name,
        requests: perClass,
        statuses,
        loopMaxMs: loop.max / 1e6,
        healthzMedianMs: health[Math.floor(health.length / 2)] ?? Number.NaN,
        healthzMaxMs: health.at(-1) ?? Number.NaN,
      });
    }
  } finally {
    await app.close();
    await store.close();
  }
  return results;
}

/** Distinct GET answers of about 2 MB and distinct page addresses, as fast as one client can. */
async function flood(path: string, seconds: number): Promise<FloodResult> {
  const site = await startSite({ JIN_DB_PATH: path, JIN_RATE_LIMIT_RPS: '0' });
  const statuses: Record<string, number> = {};
  const rssStartMb = memoryOf(site.pid).rssMb;
  let rssPeakMb = rssStartMb;
  let answers = 0;
  let pages = 0;
  const until = performance.now() + seconds * 1000;
  const sample = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, memoryOf(site.pid).rssMb);
  }, 250);
  try {
    const big = (i: number) => {
      const day = `20${String(13 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const query = aliased(
        15,
        `articles(first: 100, filter: { releasedTo: "${day}" }) { nodes { title summary } }`,
      ).replace(/a(\d+): /g, (_m, n: string) => `a${n}_${i}: `);
      return `${site.url}/graphql?query=${encodeURIComponent(query)}`;
    };
    const record = (status: number) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
    };
    const answersWorker = async () => {
      for (let i = answers; performance.now() < until; i = ++answers) {
        const response = await fetch(big(i), { headers: { 'apollo-require-preflight': 'true' } });
        await response.arrayBuffer();
        record(response.status);
      }
    };
    const pagesWorker = async () => {
      for (let i = pages; performance.now() < until; i = ++pages) {
        const response = await fetch(`${site.url}/?v=${i}`);
        await response.arrayBuffer();
        record(response.status);
      }
    };
    // Pages only where the reader app is built (otherwise every page is a 503 with a hint).
    const built = (await fetch(`${site.url}/`)).status !== 503;
    await Promise.all([
      answersWorker(),
      answersWorker(),
      ...(built ? [pagesWorker(), pagesWorker()] : []),
    ]);
    rssPeakMb = Math.max(rssPeakMb, memoryOf(site.pid).rssMb);
    return {
      seconds,
      answers,
      pages,
      statuses,
      rssStartMb,
      rssPeakMb,
      rssEndMb: memoryOf(site.pid).rssMb,
    };
  } finally {
    clearInterval(sample);
    await site.stop();
  }
}

export async function benchWorst(
  settings: Settings,
  datasets: Datasets,
): Promise<{ result: WorstResult; metrics: Metric[] }> {
  const dataset = await datasets.get(settings.storeSize);
  const size = dataset.size;
  const times = settings.smoke ? 3 : 7;
  const store = new SqliteStore({ path: dataset.path });
  const timed: WorstRead[] = [];
  let countAfterWriteMs: number;
  try {
    for (const [name, run] of reads(store, size)) timed.push({ name, ...(await time(run, times)) });
    // A write makes the next count read its columns again.
    await store.upsertTag({
      slug: 'topic-1',
      name: 'Topic 1',
      description: 'Synthetic topic number 1.',
    });
    const start = performance.now();
    await store.countArticles({ tags: { anyOf: COMMON } });
    countAfterWriteMs = performance.now() - start;
  } finally {
    await store.close();
  }
  const hostileResults = await hostile(dataset.path, size, settings.smoke ? 2 : 24);
  const floodResult = await flood(dataset.path, settings.smoke ? 2 : 45);
  const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const metrics: Metric[] = [
    ...timed.map((r) =>
      metric(`worst.read.${slug(r.name)}`, `${r.name} (${size} articles)`, r.medianMs, 'ms', {
        op: '<',
        value: LIMIT_MS,
      }),
    ),
    metric('worst.countAfterWrite', 'first count after a write', countAfterWriteMs, 'ms'),
    ...hostileResults.map((h) =>
      metric(
        `worst.loop.${slug(h.name)}`,
        `longest event-loop delay: ${h.name}`,
        h.loopMaxMs,
        'ms',
        {
          op: '<',
          value: LOOP_LIMIT_MS,
        },
      ),
    ),
    metric(
      'worst.flood.rssPeak',
      `peak RSS under a flood (${size} articles)`,
      floodResult.rssPeakMb,
      'MB',
      {
        op: '<',
        value: RSS_LIMIT_MB,
      },
    ),
    metric(
      'worst.flood.errors',
      'flood answers with a 5xx',
      Object.entries(floodResult.statuses)
        .filter(([status]) => Number(status) >= 500)
        .reduce((sum, [, count]) => sum + count, 0),
      'count',
      { op: '=', value: 0 },
    ),
  ];
  return {
    result: { size, reads: timed, countAfterWriteMs, hostile: hostileResults, flood: floodResult },
    metrics,
  };
}
