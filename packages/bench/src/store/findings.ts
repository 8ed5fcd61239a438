// What the store's numbers say.

import { ms, x } from '../shared/markdown.ts';
import { formatValue } from '../shared/metrics.ts';
import { SEARCH_WORD } from '../shared/queries.ts';
import { STORE_OPS, type StoreOp, type StoreResult } from './run.ts';
import { DEEP_PAGE_RATIO, LOAD, MEDIAN_MS } from './targets.ts';

export function storeFindings(r: StoreResult): string[] {
  const out: string[] = [];
  const first = r.ops.firstPage.median;
  out.push(
    `The store reads a page of 20 articles with tags and media in ${ms(first)} (median) at ${r.size.toLocaleString('en-US')} articles; the 20th page by cursor costs ${x(r.ops.deepPage.median / first)} that, so keyset depth is ${r.ops.deepPage.median / first <= DEEP_PAGE_RATIO ? 'free' : 'not free'}.`,
  );
  const slowest = (Object.keys(STORE_OPS) as StoreOp[]).sort(
    (a, b) => r.ops[b].median - r.ops[a].median,
  )[0] as StoreOp;
  const fullTextMs = MEDIAN_MS.fullText as number;
  out.push(
    `The slowest store read is ${STORE_OPS[slowest]} at ${ms(r.ops[slowest].median)} median (${x(r.ops[slowest].median / first)} a feed page).`,
    `Full-text search takes ${ms(r.ops.fullText.median)} median${r.ops.fullText.median >= fullTextMs ? `, over its ${fullTextMs} ms target` : ''} although "${SEARCH_WORD}" matches ${((r.fullTextMatches / r.size) * 100).toFixed(0)}% of the synthetic archive (a small vocabulary): relevance is ranked within tiers of the newest 1,000 matches, so one tier is scored, not every match.`,
  );
  out.push(
    `Generating and loading the archive took ${formatValue(r.loadSeconds, 's')} (${(r.size / r.loadSeconds).toFixed(0)} articles/s)${r.size >= LOAD.size && r.loadSeconds >= LOAD.seconds ? `, over the ${LOAD.seconds} s target` : ''}.`,
  );
  return out;
}
