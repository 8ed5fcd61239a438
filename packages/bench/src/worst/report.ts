// The worst cases' part of the page.

import { judged, ms, n, table } from '../shared/markdown.ts';
import { formatValue } from '../shared/metrics.ts';
import type { Report } from '../shared/report.ts';
import type { WorstResult } from './run.ts';
import { loopFigure, readFigure } from './targets.ts';

export function worstPage(r: WorstResult, { metrics }: Report): string {
  const statuses = (s: Record<string, number>) =>
    Object.entries(s)
      .map(([status, count]) => `${count}× ${status}`)
      .join(', ');
  return [
    `## Worst cases (${n(r.size)} synthetic articles)`,
    '',
    'Every read the schema allows at its largest arguments (100 a page, 5 tags, 20 outlets, 10 words, pages 90% deep), timed in the store: median and slowest of the runs after one warm-up.',
    '',
    table(
      ['Read', 'Median', 'Slowest', 'Target', 'Result'],
      r.reads.map((x) => [
        x.name,
        ms(x.medianMs),
        ms(x.maxMs),
        ...judged(metrics, readFigure(x.name)),
      ]),
    ),
    '',
    `The first count after a write, which reads the counts' columns again: ${ms(r.countAfterWriteMs)}.`,
    '',
    'Each hostile class sent by four clients to an API server in the benchmark process, while `monitorEventLoopDelay` records the longest delay and a fifth client asks for /healthz every 20 ms:',
    '',
    table(
      [
        'Class',
        'Requests',
        'Answers',
        'Longest loop delay',
        '/healthz median',
        '/healthz slowest',
        'Target',
        'Result',
      ],
      r.hostile.map((h) => [
        h.name,
        h.requests,
        statuses(h.statuses),
        ms(h.loopMaxMs),
        ms(h.healthzMedianMs),
        ms(h.healthzMaxMs),
        ...judged(metrics, loopFigure(h.name)),
      ]),
    ),
    '',
    `A flood of ${r.flood.seconds} s against one site process: ${n(r.flood.answers)} distinct GET answers of about 2 MB each and ${n(r.flood.pages)} distinct page addresses (${statuses(r.flood.statuses)}). Resident memory ${formatValue(r.flood.rssStartMb, 'MB')} at the start, ${formatValue(r.flood.rssPeakMb, 'MB')} at the peak (${judged(metrics, 'worst.flood.rssPeak').join(' ')}), ${formatValue(r.flood.rssEndMb, 'MB')} at the end.`,
  ].join('\n');
}
