// How the report's page writes tables and numbers, and finds a figure's target and verdict.

import { formatTarget, formatValue, type Metric, mark } from './metrics.ts';

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

export const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

export const ms = (v: number) => formatValue(v, 'ms');
export const x = (v: number) => formatValue(v, 'x');
export const rps = (v: number) => formatValue(v, 'req/s');
export const n = (v: number) => v.toLocaleString('en-US');

export function byId(metrics: readonly Metric[], id: string): Metric | undefined {
  return metrics.find((m) => m.id === id);
}

/** The target and pass mark of a figure, as two cells. */
export function judged(metrics: readonly Metric[], id: string): [string, string] {
  const m = byId(metrics, id);
  return m?.target ? [formatTarget(m.target, m.unit), mark(m)] : ['—', ''];
}
