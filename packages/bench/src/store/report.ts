// The store's part of the page.

import { byId, judged, ms, n, table } from '../shared/markdown.ts';
import { formatValue } from '../shared/metrics.ts';
import type { Report } from '../shared/report.ts';
import { STORE_OPS, type StoreOp, type StoreResult } from './run.ts';

export function storePage(r: StoreResult, { metrics }: Report): string {
  return [
    `## Store (in-process, ${n(r.size)} synthetic articles, SQLite file)`,
    '',
    `Generated and loaded in ${formatValue(r.loadSeconds, 's')} (${judged(metrics, 'store.load').join(' ')}); file ${formatValue(r.fileMb, 'MB')}. The full-text query matches ${r.fullTextMatches.toLocaleString('en-US')} articles.`,
    '',
    table(
      ['Read', 'Median', 'p99', 'Runs', 'Target', 'Result'],
      (Object.keys(STORE_OPS) as StoreOp[]).map((op) => [
        STORE_OPS[op],
        ms(r.ops[op].median),
        ms(r.ops[op].p99),
        r.ops[op].n,
        ...judged(metrics, `store.${op}.median`),
      ]),
    ),
    '',
    `Page 20 deep costs ${formatValue(byId(metrics, 'store.deepPage.ratio')?.value ?? Number.NaN, 'x')} the first page (${judged(metrics, 'store.deepPage.ratio').join(' ')}).`,
  ].join('\n');
}
