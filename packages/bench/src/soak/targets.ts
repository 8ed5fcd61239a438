// The soak's figures and the targets they must meet.

import { type Metric, metric } from '../shared/metrics.ts';
import type { SoakResult } from './run.ts';

/** Resident memory from just after the warm-up to the end, in percent. */
export const RSS_GROWTH_PCT = 20;

export function soakFigures(r: SoakResult): Metric[] {
  return [
    metric('soak.errors', 'Soak: errors', r.errors, 'count', { op: '=', value: 0 }),
    metric('soak.rssGrowth', 'Soak: resident memory growth', r.rssGrowthPct, '%', {
      op: '<',
      value: RSS_GROWTH_PCT,
    }),
    metric('soak.requests', 'Soak: requests', r.requests, 'count'),
  ];
}
