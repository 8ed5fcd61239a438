// The API's figures and the targets they must meet.

import { type Metric, metric } from '../shared/metrics.ts';
import type { ApiResult, ApiRun } from './run.ts';

/** Uncached POST feed throughput against Mercurius + graphql-jit on the same schema and store. */
export const FEED_VS_MERCURIUS = 1.2;
/** Uncached POST feed throughput against Yoga on the same schema and store. */
export const FEED_VS_YOGA = 1;
/** Uncached search throughput against our own uncached feed's. */
export const SEARCH_VS_FEED = 0.7;
/** Share of its own ceiling (node:http, the identical response) each cached GET answer reaches. */
export const CACHED_VS_CEILING = 0.5;

/** The first part of a run's figure ids (a peer's main run is named after the peer). */
export const figureId = (run: Pick<ApiRun, 'id'>) => `api.${run.id}`;

export function apiFigures(r: ApiResult): Metric[] {
  const metrics: Metric[] = [];
  const byId = (id: string) => r.runs.find((run) => run.id === id);
  for (const run of r.runs) {
    const id = figureId(run);
    // The targets are set for the main load; the lighter load's figures are for reading.
    const main = !/-c\d+$/.test(run.id);
    metrics.push(
      metric(`${id}.rps`, `${run.label}: throughput`, run.reqPerSec, 'req/s'),
      metric(`${id}.p50`, `${run.label}: p50 latency`, run.latencyP50, 'ms'),
      metric(`${id}.p99`, `${run.label}: p99 latency`, run.latencyP99, 'ms'),
      metric(
        `${id}.errors`,
        `${run.label}: errors and unexpected statuses`,
        run.errors + run.non2xx,
        'count',
        { op: '=', value: 0 },
      ),
    );
    // Ours against Mercurius is a target; the reference's rate against it is the bound.
    const vsMercurius = run.vsPeers?.mercurius;
    if ((run.id === 'post-feed' || run.id === 'bare') && vsMercurius !== undefined) {
      metrics.push(
        metric(
          `${id}.vsMercurius`,
          `${run.label}: throughput against Mercurius + JIT`,
          vsMercurius,
          'x',
          run.id === 'post-feed' ? { op: '>=', value: FEED_VS_MERCURIUS } : undefined,
        ),
      );
    }
    if (run.id === 'post-feed') {
      const mercurius = byId('mercurius');
      if (mercurius) {
        metrics.push(
          metric(
            `${id}.p99VsMercurius`,
            `${run.label}: p99 against Mercurius + JIT's`,
            run.latencyP99 / mercurius.latencyP99,
            'x',
            { op: '<', value: 1 },
          ),
        );
      }
      const vsBare = run.vsPeers?.bare;
      if (vsBare !== undefined) {
        metrics.push(
          metric(`${id}.vsBare`, `${run.label}: throughput against the reference`, vsBare, 'x'),
        );
      }
      const vsYoga = run.vsPeers?.yoga;
      if (vsYoga !== undefined) {
        metrics.push(
          metric(`${id}.vsYoga`, `${run.label}: throughput against Yoga`, vsYoga, 'x', {
            op: '>',
            value: FEED_VS_YOGA,
          }),
        );
      }
    }
    if (run.id === 'post-search') {
      const feed = byId('post-feed');
      if (feed) {
        metrics.push(
          metric(
            `${id}.vsFeed`,
            `${run.label}: throughput against our feed's`,
            run.reqPerSec / feed.reqPerSec,
            'x',
            { op: '>=', value: SEARCH_VS_FEED },
          ),
        );
      }
    }
    if (run.method === 'GET' && run.server === 'api' && run.vsCeiling !== undefined) {
      metrics.push(
        metric(
          `${id}.vsCeiling`,
          `${run.label}: share of its ceiling`,
          run.vsCeiling,
          'x',
          main ? { op: '>=', value: CACHED_VS_CEILING } : undefined,
        ),
      );
    }
  }
  return metrics;
}

/** Connection errors, timeouts and unexpected statuses over every run. */
export const apiErrors = (r: ApiResult) =>
  r.runs.reduce((sum, run) => sum + run.errors + run.non2xx, 0);
