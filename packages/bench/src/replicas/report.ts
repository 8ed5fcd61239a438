// The replicas' part of the page.

import { judged, ms, rps, table, x } from '../shared/markdown.ts';
import type { Report } from '../shared/report.ts';
import type { ReplicasResult } from './run.ts';

export function replicasPage(r: ReplicasResult, { metrics }: Report): string {
  const rows = (['post', 'get'] as const).flatMap((kind) => {
    const runs = r[kind];
    const base = runs[0]?.reqPerSec ?? 0;
    return runs.map((run) => [
      kind === 'post' ? 'uncached POST feed' : 'cached GET feed',
      run.replicas,
      rps(run.reqPerSec),
      x(base > 0 ? run.reqPerSec / base : 0),
      ms(run.latencyP99),
      run.errors,
    ]);
  });
  const [target, result] = judged(metrics, 'replicas.errors');
  return [
    '## Replicas on PostgreSQL',
    '',
    `The site on a throwaway PostgreSQL server, as one API process and as two sharing the database; the load is split evenly between the processes. ${r.cores} cores hold the processes, the database and the load generator together; the processes were ${r.pinned ? 'each pinned to a core of their own' : 'not pinned (taskset unavailable)'}. Errors ${target}: ${result}.`,
    '',
    table(['Request', 'Processes', 'Rate', 'vs one', 'p99', 'Errors'], rows),
  ].join('\n');
}
