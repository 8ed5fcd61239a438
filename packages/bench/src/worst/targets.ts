// The worst cases' figures and the targets they must meet.

import { type Metric, metric } from '../shared/metrics.ts';
import type { WorstResult } from './run.ts';

/** Median of every read at its largest arguments, in the store, in ms. */
export const READ_MS = 50;
/** The event loop's longest delay while a hostile class is sent, in ms. */
export const LOOP_MS = 250;
/** The site's peak resident memory under the flood, in MB. */
export const FLOOD_RSS_MB = 400;

const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
export const readFigure = (name: string) => `worst.read.${slug(name)}`;
export const loopFigure = (name: string) => `worst.loop.${slug(name)}`;

/** Answers with a 5xx, from a count of answers by status. */
export const serverErrors = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, count]) => sum + count, 0);

/** Answers with a 5xx over every hostile class and the flood. */
export const worstErrors = (r: WorstResult) =>
  [...r.hostile.map((h) => h.statuses), r.flood.statuses].reduce(
    (sum, statuses) => sum + serverErrors(statuses),
    0,
  );

export function worstFigures(r: WorstResult): Metric[] {
  return [
    ...r.reads.map((read) =>
      metric(readFigure(read.name), `${read.name} (${r.size} articles)`, read.medianMs, 'ms', {
        op: '<',
        value: READ_MS,
      }),
    ),
    metric('worst.countAfterWrite', 'first count after a write', r.countAfterWriteMs, 'ms'),
    ...r.hostile.map((h) =>
      metric(loopFigure(h.name), `longest event-loop delay: ${h.name}`, h.loopMaxMs, 'ms', {
        op: '<',
        value: LOOP_MS,
      }),
    ),
    metric(
      'worst.flood.rssPeak',
      `peak RSS under a flood (${r.size} articles)`,
      r.flood.rssPeakMb,
      'MB',
      { op: '<', value: FLOOD_RSS_MB },
    ),
    metric(
      'worst.flood.errors',
      'flood answers with a 5xx',
      serverErrors(r.flood.statuses),
      'count',
      { op: '=', value: 0 },
    ),
  ];
}
