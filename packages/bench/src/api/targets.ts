// The API's figures and the targets they must meet.

import { type Metric, metric } from '../shared/metrics.ts';
import type { ApiResult, ApiRun } from './run.ts';

/** p99 of the uncached POST feed, in ms. */
export const FEED_P99_MS = 25;
/** Uncached POST feed throughput against Yoga on the same schema and store. */
export const FEED_VS_YOGA = 1;
/** Share of the node:http ceiling the cached GET answers (200 and 304) reach. */
export const CACHED_VS_CEILING = 0.35;

/** The first part of a run's figure ids: our runs by their id, the others by their server. */
export const figureId = (run: Pick<ApiRun, 'id' | 'server'>) =>
  `api.${run.server === 'api' ? run.id : run.server}`;

export function apiFigures(r: ApiResult): Metric[] {
  const metrics: Metric[] = [];
  for (const run of r.runs) {
    const id = figureId(run);
    metrics.push(
      metric(`${id}.rps`, `${run.label}: throughput`, run.reqPerSec, 'req/s'),
      metric(`${id}.p50`, `${run.label}: p50 latency`, run.latencyP50, 'ms'),
      metric(
        `${id}.p99`,
        `${run.label}: p99 latency`,
        run.latencyP99,
        'ms',
        run.id === 'post-feed' ? { op: '<', value: FEED_P99_MS } : undefined,
      ),
      metric(
        `${id}.errors`,
        `${run.label}: errors and unexpected statuses`,
        run.errors + run.non2xx,
        'count',
        { op: '=', value: 0 },
      ),
    );
    const vsYoga = run.vsPeers?.yoga;
    if (run.id === 'post-feed' && vsYoga !== undefined) {
      metrics.push(
        metric(`${id}.vsYoga`, `${run.label}: throughput against Yoga`, vsYoga, 'x', {
          op: '>',
          value: FEED_VS_YOGA,
        }),
      );
    }
    if ((run.id === 'get-feed' || run.id === 'get-304') && run.vsCeiling !== undefined) {
      metrics.push(
        metric(`${id}.vsCeiling`, `${run.label}: share of the ceiling`, run.vsCeiling, 'x', {
          op: '>=',
          value: CACHED_VS_CEILING,
        }),
      );
    }
  }
  return metrics;
}

/** Connection errors, timeouts and unexpected statuses over every run. */
export const apiErrors = (r: ApiResult) =>
  r.runs.reduce((sum, run) => sum + run.errors + run.non2xx, 0);
