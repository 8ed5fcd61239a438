// What the reader app's numbers say.

import { ms } from '../shared/markdown.ts';
import { formatValue } from '../shared/metrics.ts';
import type { Report } from '../shared/report.ts';
import type { SpaResult } from './run.ts';
import { FEED_JS_KB } from './targets.ts';

export function spaFindings(r: SpaResult, { metrics }: Report): string[] {
  if (r.status === 'not built')
    return [
      'The reader app was not built, so its sizes and Lighthouse scores are missing from this run.',
    ];
  const feed = r.bundles.find((b) => b.route === r.feedRoute);
  const out = feed
    ? [
        `The feed route loads ${formatValue(feed.jsKb, 'KB')} of JS and ${formatValue(feed.cssKb, 'KB')} of CSS gzipped (target <= ${FEED_JS_KB} KB JS).`,
      ]
    : [];
  for (const p of r.lighthouse ?? []) {
    const misses = metrics.filter((m) => m.id.startsWith(`spa.${p.page}.`) && m.pass === false);
    out.push(
      `Lighthouse on ${p.page}: performance ${p.scores.performance.toFixed(2)}, LCP ${formatValue(p.lcpMs / 1000, 's')}, TBT ${ms(p.tbtMs)}, CLS ${p.cls.toFixed(3)}; ${misses.length === 0 ? 'every target met' : `misses ${misses.map((m) => m.label.split(': ')[1]).join(', ')}`}${p.failing.length ? ` (failing audits: ${p.failing.join(', ')})` : ''}.`,
    );
  }
  return out;
}
