// The store's figures and the targets they must meet.

import { type Metric, metric } from '../shared/metrics.ts';
import { STORE_OPS, type StoreOp, type StoreResult } from './run.ts';

/** Generating and loading the full archive (100,000 articles, the size the target is for). */
export const LOAD = { size: 100_000, seconds: 30 };
/** Medians of the reads that have a target, in ms. */
export const MEDIAN_MS: Partial<Record<StoreOp, number>> = { firstPage: 1, fullText: 10 };
/** The 20th page by cursor against the first: keyset depth should cost nothing. */
export const DEEP_PAGE_RATIO = 1.5;

export function storeFigures(r: StoreResult): Metric[] {
  const m = (op: StoreOp) => r.ops[op];
  const metrics = [
    metric(
      'store.load',
      `generate + load ${r.size.toLocaleString('en-US')} articles`,
      r.loadSeconds,
      's',
      r.size >= LOAD.size ? { op: '<', value: LOAD.seconds } : undefined,
    ),
  ];
  for (const op of Object.keys(STORE_OPS) as StoreOp[]) {
    const target = MEDIAN_MS[op];
    metrics.push(
      metric(
        `store.${op}.median`,
        `${STORE_OPS[op]}, median`,
        m(op).median,
        'ms',
        target ? { op: '<', value: target } : undefined,
      ),
      metric(`store.${op}.p99`, `${STORE_OPS[op]}, p99`, m(op).p99, 'ms'),
    );
  }
  metrics.push(
    metric(
      'store.deepPage.ratio',
      'page 20 deep / first page (medians)',
      m('deepPage').median / m('firstPage').median,
      'x',
      { op: '<=', value: DEEP_PAGE_RATIO },
    ),
  );
  return metrics;
}
