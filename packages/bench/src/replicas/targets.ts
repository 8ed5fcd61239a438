// The replicas' figures: their rates, and the one target that is a matter of correctness here.

import { type Metric, metric } from '../shared/metrics.ts';
import type { ReplicasResult } from './run.ts';

export function replicasFigures(r: ReplicasResult): Metric[] {
  const figures: Metric[] = [];
  for (const [kind, runs] of [
    ['post', r.post],
    ['get', r.get],
  ] as const) {
    for (const run of runs) {
      const id = `replicas.${kind}.${run.replicas}`;
      const what = kind === 'post' ? 'uncached POST feed' : 'cached GET feed';
      const processes = run.replicas === 1 ? 'one process' : `${run.replicas} processes`;
      figures.push(
        metric(`${id}.rps`, `PostgreSQL, ${processes}: ${what}`, run.reqPerSec, 'req/s'),
        metric(`${id}.p99`, `PostgreSQL, ${processes}: ${what} p99`, run.latencyP99, 'ms'),
      );
    }
  }
  const errors = [...r.post, ...r.get].reduce((sum, run) => sum + run.errors, 0);
  figures.push(
    metric('replicas.errors', 'PostgreSQL replicas: errors', errors, 'count', {
      op: '=',
      value: 0,
    }),
  );
  return figures;
}
