// Load generation with autocannon's programmatic API, in this (the parent) process.

import autocannon from 'autocannon';
import { type CpuShare, watchCpu } from './cpu.ts';
import { graphqlBody, JSON_HEADERS } from './http.ts';
import type { Settings } from './settings.ts';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** Seconds of unrecorded load first. */
  warmup: number;
  /** Status codes other than 2xx that count as success (304 for conditional requests). */
  okStatus?: number[];
  /** The server's process, to account for CPU time during the measured run. */
  pid?: number;
}

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  reqPerSec: number;
  latencyP50: number;
  latencyP99: number;
  latencyMean: number;
  latencyMax: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses outside 2xx that were not expected. */
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Average cores busy during the measured run; `others` is noise from outside the benchmark. */
  cpu: CpuShare | null;
}

function fire(spec: LoadSpec, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections,
    duration,
    timeout: 10,
  });
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  if (spec.warmup > 0) await fire(spec, spec.warmup);
  const stopWatch = spec.pid ? watchCpu(spec.pid) : null;
  const r = await fire(spec, spec.duration);
  const cpu = stopWatch ? stopWatch() : null;
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) {
    statusCodes[code] = stat.count ?? 0;
  }
  const expected = Object.entries(statusCodes)
    .filter(([code]) => spec.okStatus?.includes(Number(code)))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    connections: spec.connections,
    durationS: r.duration,
    requests: r.requests.total,
    reqPerSec: r.requests.total / r.duration,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    latencyMean: r.latency.mean,
    latencyMax: r.latency.max,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx - expected,
    statusCodes,
    cpu,
  };
}

/** A request the benchmark sends, as autocannon options without the load shape. */
export type Shot = Pick<LoadSpec, 'method' | 'headers' | 'body' | 'okStatus'> & { path: string };

/** A GraphQL document sent by POST. */
export const postShot = (query: string): Shot => ({
  method: 'POST',
  path: '/graphql',
  headers: JSON_HEADERS,
  body: graphqlBody(query),
});

/**
 * Loads a server with one request at the settings' duration and warm-up, and their connections
 * unless `connections` says otherwise.
 */
export async function runLoad(
  settings: Settings,
  server: { url: string; pid: number },
  shot: Shot,
  connections = settings.connections,
): Promise<LoadResult> {
  const { path, ...rest } = shot;
  return load({
    ...rest,
    url: server.url + path,
    pid: server.pid,
    connections,
    duration: settings.durationS,
    warmup: settings.warmupS,
  });
}
