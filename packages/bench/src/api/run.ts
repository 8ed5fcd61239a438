// HTTP throughput of our API against a plain node:http ceiling and two peer GraphQL servers,
// each server alone in its own process while autocannon (in this process) loads it.

import { join } from 'node:path';
import { postGraphql, request } from '../shared/http.ts';
import { type LoadResult, load, postShot, runLoad, type Shot } from '../shared/load.ts';
import {
  mainThreadProfile,
  monotonicUs,
  type ProfileSummary,
  summarizeProfile,
} from '../shared/profile.ts';
import {
  articleQuery,
  FEED_QUERY,
  SEARCH_WORD,
  searchQuery,
  TIMELINE_QUERY,
  tagPageQuery,
} from '../shared/queries.ts';
import type { Context } from '../shared/section.ts';
import type { Settings } from '../shared/settings.ts';
import { loadCeiling, type Recorded, record } from './ceilings.ts';
import { benchPeers, PEERS } from './peers.ts';
import { type ServerName, startServer } from './servers/start.ts';

export interface ApiRun extends LoadResult {
  /** The target; runs at the settings' few connections end in FEW (`post-feed-c10`). */
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

/** The CPU profile of the slowest of our targets, with that target's label. */
export type ApiProfile = ProfileSummary & { run: string };

const PREFLIGHT = { 'apollo-require-preflight': 'true' };

/** Our targets that are also loaded at few connections, besides the ceilings and Mercurius. */
export const LIGHT_RUNS = ['post-feed', 'post-search', 'get-feed', 'get-304'];
/** The suffix of a run's id at few connections. */
export const few = (settings: Pick<Settings, 'fewConnections'>) => `-c${settings.fewConnections}`;
/** A run's ceiling: node:http with the identical response (the 304's for revalidations). */
export const ceilingOf = (id: string) => (id.startsWith('get-304') ? 'ceiling-304' : 'ceiling');
const getPath = (query: string) => `/graphql?${new URLSearchParams({ query })}`;

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

export async function benchApi({
  settings,
  workDir,
}: Context): Promise<{ api: ApiResult; profile: ApiProfile | null }> {
  const runs: ApiRun[] = [];
  const ours = await startServer('api');
  const shots: Record<string, { label: string; shot: Shot }> = {};
  let feedBody: string;
  let feedData: FeedData;
  let answers: { ok: Recorded; notModified: Recorded };
  const lightly = {
    suffix: few(settings),
    label: `, ${settings.fewConnections} connections`,
  };
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
    await checked(ours.url, TIMELINE_QUERY, (d) => {
      const timeline = d.ruleChanges as { nodes: { history: unknown[] }[] };
      return timeline.nodes.length === 20 && timeline.nodes.every((n) => n.history.length > 0);
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
      'post-feed': { label: 'POST feed (no cache)', shot: postShot(FEED_QUERY) },
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
        shot: postShot(tagPageQuery('statistics', 2)),
      },
      'post-article': {
        label: 'POST article detail + relatedArticles(5)',
        shot: postShot(articleQuery(newest)),
      },
      // Beside the feed: the timeline page's read, every change with its stages and articles.
      'post-timeline': {
        label: 'POST timeline (first 20, with stages and articles)',
        shot: postShot(TIMELINE_QUERY),
      },
      'post-search': {
        label: `POST search "${SEARCH_WORD}" (first 20)`,
        shot: postShot(searchQuery(SEARCH_WORD)),
      },
      // No resolver and no store call: what the HTTP layer and Apollo's request pipeline cost.
      'post-floor': {
        label: 'POST { __typename } (the pipeline alone)',
        shot: postShot('{ __typename }'),
      },
    } satisfies Record<string, { label: string; shot: Shot }>);
    for (const [id, { label, shot }] of Object.entries(shots)) {
      const result = await runLoad(settings, ours, shot);
      runs.push({ id, label, server: 'api', method: shot.method, ...result });
    }
    for (const id of LIGHT_RUNS) {
      const { label, shot } = shots[id] as { label: string; shot: Shot };
      const result = await runLoad(settings, ours, shot, settings.fewConnections);
      runs.push({
        id: id + lightly.suffix,
        label: label + lightly.label,
        server: 'api',
        method: shot.method,
        ...result,
      });
    }
    // The cached answers exactly as the load generator receives them, for their ceilings.
    answers = {
      ok: await record(ours.url, (shots['get-feed'] as { shot: Shot }).shot),
      notModified: await record(ours.url, (shots['get-304'] as { shot: Shot }).shot),
    };
    if (answers.ok.status !== 200 || answers.notModified.status !== 304) {
      fail(`the cached answers were ${answers.ok.status} and ${answers.notModified.status}`);
    }
  } finally {
    await ours.stop();
  }

  for (const [id, answer, label] of [
    ['ceiling', answers.ok, 'node:http, the cached 200 byte for byte'],
    ['ceiling-304', answers.notModified, 'node:http, the 304 byte for byte'],
  ] as const) {
    const { shot } = shots[id === 'ceiling' ? 'get-feed' : 'get-304'] as { shot: Shot };
    const [many, light] = await loadCeiling(workDir, id, answer, [
      { shot, load: (server, s) => runLoad(settings, server, s) },
      { shot, load: (server, s) => runLoad(settings, server, s, settings.fewConnections) },
    ]);
    for (const [suffix, result] of [
      ['', many],
      [lightly.suffix, light],
    ] as const) {
      runs.push({
        id: id + suffix,
        label: label + (suffix ? lightly.label : ''),
        server: 'ceiling',
        method: 'GET',
        ...(result as LoadResult),
      });
    }
  }

  const peers = await benchPeers(
    JSON.stringify(feedData),
    (server) => runLoad(settings, server, postShot(FEED_QUERY)),
    (server) => runLoad(settings, server, postShot(FEED_QUERY), settings.fewConnections),
    { ...lightly, peers: ['mercurius', 'bare'] },
  );
  runs.push(...peers.runs);

  // Each run against its own ceiling and the peers, at the same number of connections.
  for (const run of runs) {
    if (run.server === 'ceiling') continue;
    const suffix = run.connections === settings.connections ? '' : lightly.suffix;
    const base = run.id.endsWith(suffix) ? run.id.slice(0, run.id.length - suffix.length) : run.id;
    const ceiling = runs.find((r) => r.id === ceilingOf(base) + suffix)?.reqPerSec;
    if (ceiling) run.vsCeiling = run.reqPerSec / ceiling;
    run.vsPeers = {};
    for (const peer of PEERS) {
      const rate = runs.find(
        (r) => r.server === peer.server && r.connections === run.connections,
      )?.reqPerSec;
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
  return { api: result, profile };
}

/** Loads the slowest of our targets again with `--cpu-prof` and sums the profile. */
async function profileSlowest(
  settings: Settings,
  workDir: string,
  runs: ApiRun[],
  shots: Record<string, { label: string; shot: Shot }>,
): Promise<ApiProfile> {
  const slowest = runs
    .filter((r) => r.server === 'api' && r.connections === settings.connections)
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
