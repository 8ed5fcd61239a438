// HTTP throughput of our API against a plain node:http ceiling and two peer GraphQL servers,
// each server alone in its own process while autocannon (in this process) loads it.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphqlBody, JSON_HEADERS, postGraphql, request } from './http.ts';
import { type LoadResult, type LoadSpec, load } from './load.ts';
import { type Metric, metric } from './metrics.ts';
import { benchPeers, PEERS } from './peers.ts';
import {
  mainThreadProfile,
  monotonicUs,
  type ProfileSummary,
  summarizeProfile,
} from './profile.ts';
import { articleQuery, FEED_QUERY, SEARCH_WORD, searchQuery, tagPageQuery } from './queries.ts';
import type { Settings } from './settings.ts';
import { type ServerName, startServer } from './targets.ts';

export interface ApiRun extends LoadResult {
  id: string;
  label: string;
  server: ServerName;
  method: 'GET' | 'POST';
  vsCeiling?: number;
  vsPeers?: Record<string, number>;
}

export interface ApiResult {
  feedBytes: number;
  /** The peers returned exactly the data our server returned for the feed query. */
  peersAgree: boolean;
  runs: ApiRun[];
}

/** A request the benchmark sends, as autocannon options without the load shape. */
type Shot = Pick<LoadSpec, 'method' | 'headers' | 'body' | 'okStatus'> & { path: string };

const post = (query: string): Shot => ({
  method: 'POST',
  path: '/graphql',
  headers: JSON_HEADERS,
  body: graphqlBody(query),
});

const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const getPath = (query: string) => `/graphql?${new URLSearchParams({ query })}`;

export async function runLoad(
  settings: Settings,
  server: { url: string; pid: number },
  shot: Shot,
): Promise<LoadResult> {
  const { path, ...rest } = shot;
  return load({
    ...rest,
    url: server.url + path,
    pid: server.pid,
    connections: settings.connections,
    duration: settings.durationS,
    warmup: settings.warmupS,
  });
}

function fail(what: string): never {
  throw new Error(`API check failed: ${what}`);
}

/** Checks a GraphQL answer: 200, no errors, and the data the benchmark expects. */
async function checked(
  base: string,
  query: string,
  has: (data: Record<string, unknown>) => boolean,
) {
  const reply = await postGraphql(base, query);
  if (reply.status !== 200 || reply.errors.length > 0 || !reply.data || !has(reply.data)) {
    fail(`${query.split('\n')[0]} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  }
  return reply;
}

interface FeedData {
  articles: { edges: { node: { slug: string } }[] };
}

export async function benchApi(
  settings: Settings,
  workDir: string,
): Promise<{
  result: ApiResult;
  metrics: Metric[];
  profile: (ProfileSummary & { run: string }) | null;
}> {
  const runs: ApiRun[] = [];
  const ours = await startServer('api');
  const shots: Record<string, { label: string; shot: Shot }> = {};
  let feedBody: string;
  let feedData: FeedData;
  try {
    const feed = await checked(
      ours.url,
      FEED_QUERY,
      (d) => (d as unknown as FeedData).articles.edges.length === 20,
    );
    feedBody = feed.body;
    feedData = feed.data as unknown as FeedData;
    const newest = feedData.articles.edges[0]?.node.slug as string;
    await checked(ours.url, tagPageQuery('statistics', 2), (d) => {
      const tag = d.tag as { articlePage: { items: unknown[] } } | null;
      return (tag?.articlePage.items.length ?? 0) > 0;
    });
    await checked(ours.url, articleQuery(newest), (d) => {
      const article = d.article as { relatedArticles: unknown[] } | null;
      return (article?.relatedArticles.length ?? 0) > 0;
    });
    await checked(ours.url, searchQuery(SEARCH_WORD), (d) => {
      const search = d.search as { edges: { snippet: unknown[] | null }[] };
      return search.edges.length > 0 && search.edges.every((e) => e.snippet !== null);
    });
    const got = await request(ours.url + getPath(FEED_QUERY), { headers: PREFLIGHT });
    const again = await request(ours.url + getPath(FEED_QUERY), { headers: PREFLIGHT });
    const etag = again.headers.etag;
    if (got.status !== 200 || typeof etag !== 'string')
      fail(`GET answered ${got.status} without an ETag`);
    const revalidated = await request(ours.url + getPath(FEED_QUERY), {
      headers: { ...PREFLIGHT, 'if-none-match': etag },
    });
    if (revalidated.status !== 304) fail(`GET with If-None-Match answered ${revalidated.status}`);

    Object.assign(shots, {
      'post-feed': { label: 'POST feed (no cache)', shot: post(FEED_QUERY) },
      'get-feed': {
        label: 'GET feed, warm response cache (200)',
        shot: { method: 'GET', path: getPath(FEED_QUERY), headers: PREFLIGHT },
      },
      'get-304': {
        label: 'GET feed with If-None-Match (304)',
        shot: {
          method: 'GET',
          path: getPath(FEED_QUERY),
          headers: { ...PREFLIGHT, 'if-none-match': etag },
          okStatus: [304],
        },
      },
      'post-tag-page': {
        label: 'POST tag table, page 2 (statistics)',
        shot: post(tagPageQuery('statistics', 2)),
      },
      'post-article': {
        label: 'POST article detail + relatedArticles(5)',
        shot: post(articleQuery(newest)),
      },
      'post-search': {
        label: `POST search "${SEARCH_WORD}" (first 20)`,
        shot: post(searchQuery(SEARCH_WORD)),
      },
      // No resolver and no store call: what the HTTP layer and Apollo's request pipeline cost.
      'post-floor': {
        label: 'POST { __typename } (the pipeline alone)',
        shot: post('{ __typename }'),
      },
    } satisfies Record<string, { label: string; shot: Shot }>);
    for (const [id, { label, shot }] of Object.entries(shots)) {
      const result = await runLoad(settings, ours, shot);
      runs.push({ id, label, server: 'api', method: shot.method, ...result });
    }
  } finally {
    await ours.stop();
  }

  const bodyFile = join(workDir, 'feed-body.json');
  writeFileSync(bodyFile, feedBody);
  const ceiling = await startServer('ceiling', { env: { BENCH_BODY_FILE: bodyFile } });
  try {
    const result = await runLoad(settings, ceiling, post(FEED_QUERY));
    runs.push({
      id: 'ceiling',
      label: 'node:http, precomputed feed body',
      server: 'ceiling',
      method: 'POST',
      ...result,
    });
  } finally {
    await ceiling.stop();
  }

  const peers = await benchPeers(JSON.stringify(feedData), (server) =>
    runLoad(settings, server, post(FEED_QUERY)),
  );
  runs.push(...peers.runs);

  const ceilingRate = runs.find((r) => r.id === 'ceiling')?.reqPerSec ?? Number.NaN;
  for (const run of runs) {
    if (run.server === 'ceiling') continue;
    run.vsCeiling = run.reqPerSec / ceilingRate;
    run.vsPeers = {};
    for (const peer of PEERS) {
      const rate = runs.find((r) => r.server === peer.server)?.reqPerSec;
      if (rate && run.server !== peer.server) run.vsPeers[peer.server] = run.reqPerSec / rate;
    }
  }

  const result: ApiResult = {
    feedBytes: Buffer.byteLength(feedBody),
    peersAgree: peers.agree,
    runs,
  };
  const profile =
    settings.profileS > 0 ? await profileSlowest(settings, workDir, runs, shots) : null;
  return { result, metrics: apiMetrics(result), profile };
}

/** Loads the slowest of our targets again with `--cpu-prof` and sums the profile. */
async function profileSlowest(
  settings: Settings,
  workDir: string,
  runs: ApiRun[],
  shots: Record<string, { label: string; shot: Shot }>,
): Promise<ProfileSummary & { run: string }> {
  const slowest = runs
    .filter((r) => r.server === 'api')
    .sort((a, b) => a.reqPerSec - b.reqPerSec)[0] as ApiRun;
  const dir = join(workDir, 'cpu-profile');
  const server = await startServer('api', { cpuProfileDir: dir });
  const window = { fromUs: 0, toUs: 0 };
  try {
    const { path, ...rest } = (shots[slowest.id] as { shot: Shot }).shot;
    const spec = { ...rest, url: server.url + path, connections: settings.connections };
    await load({ ...spec, duration: settings.warmupS, warmup: 0 });
    window.fromUs = monotonicUs();
    await load({ ...spec, duration: settings.profileS, warmup: 0 });
    window.toUs = monotonicUs();
  } finally {
    await server.stop();
  }
  return { run: slowest.label, ...summarizeProfile(mainThreadProfile(dir), window) };
}

function apiMetrics(r: ApiResult): Metric[] {
  const metrics: Metric[] = [];
  for (const run of r.runs) {
    const id = `api.${run.server === 'api' ? run.id : run.server}`;
    metrics.push(
      metric(`${id}.rps`, `${run.label}: throughput`, run.reqPerSec, 'req/s'),
      metric(`${id}.p50`, `${run.label}: p50 latency`, run.latencyP50, 'ms'),
      metric(
        `${id}.p99`,
        `${run.label}: p99 latency`,
        run.latencyP99,
        'ms',
        run.id === 'post-feed' ? { op: '<', value: 25 } : undefined,
      ),
      metric(
        `${id}.errors`,
        `${run.label}: errors and unexpected statuses`,
        run.errors + run.non2xx,
        'count',
        {
          op: '=',
          value: 0,
        },
      ),
    );
    const vsYoga = run.vsPeers?.yoga;
    if (run.id === 'post-feed' && vsYoga !== undefined) {
      metrics.push(
        metric(`${id}.vsYoga`, `${run.label}: throughput against Yoga`, vsYoga, 'x', {
          op: '>',
          value: 1,
        }),
      );
    }
    if ((run.id === 'get-feed' || run.id === 'get-304') && run.vsCeiling !== undefined) {
      metrics.push(
        metric(`${id}.vsCeiling`, `${run.label}: share of the ceiling`, run.vsCeiling, 'x', {
          op: '>=',
          value: 0.35,
        }),
      );
    }
  }
  return metrics;
}
