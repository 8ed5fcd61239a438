// The figures of both engines and the targets PostgreSQL must meet.

import { type Metric, metric } from '../shared/metrics.ts';
import { ENGINE_OPS, ENGINES, type EngineOp, type EnginesResult, PAGED_OPS } from './run.ts';

/** At the largest size, on PostgreSQL: medians in ms. */
export const POSTGRES_MEDIAN_MS: Partial<Record<EngineOp, number>> = { firstPage: 2, fullText: 15 };
/** Most a paged read may grow from the smallest archive to the largest (medians). */
export const PAGED_GROWTH = 1.5;
/** Loading 100,000 articles into PostgreSQL. */
export const POSTGRES_LOAD = { size: 100_000, seconds: 60 };

export function enginesFigures(r: EnginesResult): Metric[] {
  const metrics: Metric[] = [];
  const largest = Math.max(...r.sizes);
  const smallest = Math.min(...r.sizes);
  const full = largest >= POSTGRES_LOAD.size;
  const point = (engine: string, size: number) =>
    r.points.find((p) => p.engine === engine && p.size === size);
  for (const p of r.points) {
    const at = `${p.engine}.${p.size}`;
    metrics.push(
      metric(
        `engines.${at}.load`,
        `${p.engine}: generate + load ${p.size.toLocaleString('en-US')} articles`,
        p.loadSeconds,
        's',
        p.engine === 'postgres' && p.size >= POSTGRES_LOAD.size
          ? { op: '<', value: POSTGRES_LOAD.seconds }
          : undefined,
      ),
      metric(`engines.${at}.size`, `${p.engine}: database at ${p.size}`, p.databaseMb, 'MB'),
    );
    for (const op of Object.keys(ENGINE_OPS) as EngineOp[]) {
      const target =
        p.engine === 'postgres' && p.size === largest && full ? POSTGRES_MEDIAN_MS[op] : undefined;
      metrics.push(
        metric(
          `engines.${at}.${op}.median`,
          `${p.engine} at ${p.size.toLocaleString('en-US')}: ${ENGINE_OPS[op]}, median`,
          p.ops[op].median,
          'ms',
          target ? { op: '<', value: target } : undefined,
        ),
      );
    }
  }
  for (const engine of ENGINES) {
    const small = point(engine, smallest);
    const large = point(engine, largest);
    if (!small || !large) continue;
    for (const op of PAGED_OPS) {
      metrics.push(
        metric(
          `engines.${engine}.${op}.growth`,
          `${engine}: ${ENGINE_OPS[op]}, ${largest.toLocaleString('en-US')} / ${smallest.toLocaleString('en-US')} articles (medians)`,
          large.ops[op].median / small.ops[op].median,
          'x',
          engine === 'postgres' && full ? { op: '<=', value: PAGED_GROWTH } : undefined,
        ),
      );
    }
  }
  return metrics;
}
