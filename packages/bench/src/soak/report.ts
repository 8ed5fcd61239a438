// The soak's part of the page.

import { judged, n, table } from '../shared/markdown.ts';
import { formatValue } from '../shared/metrics.ts';
import type { Report } from '../shared/report.ts';
import type { SoakResult } from './run.ts';

export function soakPage(r: SoakResult, { metrics }: Report): string {
  return [
    `## Soak (${r.durationS} s of mixed reads and writes, ${r.connections} clients, one site process)`,
    '',
    `${r.connections} clients loop over the feed, a tag table page, search, an article with related articles and the tag and outlet lists (over POST and cached GET), and, one request in five, create, update and delete articles with a bearer token. Memory is read from /proc after the warm-up and at the end.`,
    '',
    table(
      [
        'Requests',
        'Reads',
        'Writes',
        'Errors',
        'RSS after warm-up',
        'RSS at end',
        'Growth',
        'Target',
        'Result',
      ],
      [
        [
          n(r.requests),
          n(r.reads),
          n(r.writes),
          r.errors,
          formatValue(r.rssAfterWarmupMb, 'MB'),
          formatValue(r.rssEndMb, 'MB'),
          formatValue(r.rssGrowthPct, '%'),
          `errors ${judged(metrics, 'soak.errors')[0]}, growth ${judged(metrics, 'soak.rssGrowth')[0]}`,
          `${judged(metrics, 'soak.errors')[1]}, ${judged(metrics, 'soak.rssGrowth')[1]}`,
        ],
      ],
    ),
    ...(r.errorSamples.length > 0
      ? ['', 'First errors:', '', ...r.errorSamples.map((e) => `- \`${e}\``)]
      : []),
  ].join('\n');
}
