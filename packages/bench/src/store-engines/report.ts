// The engines' part of the page: one table of reads per engine and size.

import { judged, ms, n, table } from '../shared/markdown.ts';
import { formatValue } from '../shared/metrics.ts';
import type { Report } from '../shared/report.ts';
import { ENGINE_OPS, type EngineOp, type EnginesResult } from './run.ts';

export function enginesPage(r: EnginesResult, { metrics }: Report): string {
  const ops = Object.keys(ENGINE_OPS) as EngineOp[];
  const largest = Math.max(...r.sizes);
  return [
    `## Store engines (in-process: SQLite file and PostgreSQL 15 on loopback, ${r.sizes.map(n).join(' and ')} synthetic articles)`,
    '',
    table(
      ['Engine', 'Articles', 'Load', 'Database', ...ops.map((op) => ENGINE_OPS[op])],
      r.points.map((p) => [
        p.engine,
        n(p.size),
        formatValue(p.loadSeconds, 's'),
        formatValue(p.databaseMb, 'MB'),
        ...ops.map((op) => ms(p.ops[op].median)),
      ]),
    ),
    '',
    `Medians, measured at a load average of ${r.loadAverage.map((l) => l.toFixed(2)).join(' / ')} (start / end of this section; the machine is shared). PostgreSQL at ${n(largest)}: keyset page ${judged(metrics, `engines.postgres.${largest}.firstPage.median`).join(' ')}, search ${judged(metrics, `engines.postgres.${largest}.fullText.median`).join(' ')}, load ${judged(metrics, `engines.postgres.${largest}.load`).join(' ')}.`,
  ].join('\n');
}
