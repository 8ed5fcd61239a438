// Replicas: the site on PostgreSQL, as one API process and as two sharing one database, under
// uncached POST feeds and cached GET feeds. Two processes on two cores share those cores with the
// database and the load generator, so the figure to read is how throughput holds up, not a
// doubling; each process is pinned to a core of its own where `taskset` can do so.

import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { startThrowawayPostgres } from '@jin/site-process/postgres';
import { JSON_HEADERS, request } from '../shared/http.ts';
import { type LoadResult, load } from '../shared/load.ts';
import { type Running, startSite } from '../shared/processes.ts';
import { FEED_QUERY } from '../shared/queries.ts';
import type { Context } from '../shared/section.ts';

export interface ReplicaRun {
  replicas: number;
  /** Requests a second, all processes together. */
  reqPerSec: number;
  /** The worst p99 among the processes, in ms. */
  latencyP99: number;
  errors: number;
  perProcess: LoadResult[];
}

export interface ReplicasResult {
  /** Whether each process could be pinned to a core of its own. */
  pinned: boolean;
  cores: number;
  post: ReplicaRun[];
  get: ReplicaRun[];
}

/** Pins every thread of a process to one core; false where that cannot be done. */
function pin(pid: number, core: number): boolean {
  const result = spawnSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], {
    encoding: 'utf8',
  });
  return result.status === 0;
}

const feedGetPath = `/graphql?query=${encodeURIComponent(FEED_QUERY)}`;
const GET_HEADERS = { 'apollo-require-preflight': 'true' };

async function loadAll(
  context: Context,
  sites: Running[],
  shot: { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string },
): Promise<ReplicaRun> {
  const { settings } = context;
  const per = Math.max(1, Math.floor(settings.connections / sites.length));
  const perProcess = await Promise.all(
    sites.map((site) =>
      load({
        url: site.url + shot.path,
        method: shot.method,
        headers: shot.headers,
        body: shot.body,
        connections: per,
        duration: settings.durationS,
        warmup: settings.warmupS,
        pid: site.pid,
      }),
    ),
  );
  return {
    replicas: sites.length,
    reqPerSec: perProcess.reduce((sum, r) => sum + r.reqPerSec, 0),
    latencyP99: Math.max(...perProcess.map((r) => r.latencyP99)),
    errors: perProcess.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
    perProcess,
  };
}

export async function benchReplicas(context: Context): Promise<ReplicasResult> {
  const database = await startThrowawayPostgres();
  const env = { JIN_DATABASE_URL: database.url, JIN_RATE_LIMIT_RPS: '0' };
  const sites: Running[] = [];
  try {
    // The first process creates the schema and seeds the archive; the second finds them.
    sites.push(await startSite(env));
    sites.push(await startSite(env));
    const cores = cpus().length;
    const pinned = cores >= 2 && sites.every((site, i) => pin(site.pid, i % cores));
    const body = JSON.stringify({ query: FEED_QUERY });
    const check = await request(`${sites[1]?.url}/graphql`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body,
    });
    if (check.status !== 200 || check.body.includes('"errors"')) {
      throw new Error(`the second process does not answer the feed: ${check.status} ${check.body}`);
    }
    const post = { method: 'POST' as const, path: '/graphql', headers: JSON_HEADERS, body };
    const get = { method: 'GET' as const, path: feedGetPath, headers: GET_HEADERS };
    const one = sites.slice(0, 1);
    return {
      pinned,
      cores,
      post: [await loadAll(context, one, post), await loadAll(context, sites, post)],
      get: [await loadAll(context, one, get), await loadAll(context, sites, get)],
    };
  } finally {
    await Promise.all(sites.map((site) => site.stop()));
    await database.destroy();
  }
}
