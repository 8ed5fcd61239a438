// Scale's part of the page.

import { judged, ms, n, table } from '../shared/markdown.ts';
import { formatValue } from '../shared/metrics.ts';
import type { Report } from '../shared/report.ts';
import { SCALE_READS, type ScaleRead, type ScaleResult } from './run.ts';

export function scalePage(r: ScaleResult, { metrics }: Report): string {
  const sizes = r.points.map((p) => n(p.size));
  const reads = Object.keys(SCALE_READS) as ScaleRead[];
  const grid = (kind: 'store' | 'http') =>
    table(
      ['Read', ...sizes, 'Growth', 'Target', 'Result'],
      reads.map((read) => [
        SCALE_READS[read],
        ...r.points.map((p) => ms(p[kind][read].median)),
        formatValue(r.growth[kind][read], 'x'),
        ...judged(metrics, `scale.growth.${kind}.${read}`),
      ]),
    );
  const last = r.points[r.points.length - 1];
  return [
    `## Scale (synthetic archives of ${sizes.join(', ')} articles)`,
    '',
    '### HTTP, POST to the real site process (median of sequential requests, one keep-alive connection)',
    '',
    grid('http'),
    '',
    '### Store, in-process (median)',
    '',
    grid('store'),
    '',
    '### The site process',
    '',
    table(
      [
        'Articles',
        'Start to /healthz',
        'RSS after warm-up',
        'Peak RSS',
        'Database file',
        'Shutdown on SIGTERM',
        'Target',
        'Result',
      ],
      r.points.map((p) => [
        n(p.size),
        formatValue(p.startSeconds, 's'),
        formatValue(p.rssMb, 'MB'),
        formatValue(p.peakRssMb, 'MB'),
        formatValue(p.fileMb, 'MB'),
        p.shutdown.clean
          ? formatValue(p.shutdown.ms / 1000, 's')
          : `killed after ${formatValue(p.shutdown.ms / 1000, 's')}`,
        p === last
          ? `start ${judged(metrics, `scale.${p.size}.start`)[0]}, RSS ${judged(metrics, `scale.${p.size}.rss`)[0]}`
          : '—',
        p === last
          ? `${judged(metrics, `scale.${p.size}.start`)[1]}, ${judged(metrics, `scale.${p.size}.rss`)[1]}`
          : '',
      ]),
    ),
  ].join('\n');
}
