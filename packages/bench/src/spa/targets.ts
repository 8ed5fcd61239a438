// The reader app's figures and the targets they must meet.

import { type Metric, metric } from '../shared/metrics.ts';
import type { RouteBundle } from './bundles.ts';
import type { SpaResult } from './run.ts';

/** Gzipped JavaScript the feed route loads, entry included, in KB. */
export const FEED_JS_KB = 170;

/** Lighthouse on every measured page: scores at least, timings (s, ms) and CLS at most. */
export const LIGHTHOUSE = {
  performance: 0.98,
  accessibility: 1,
  bestPractices: 1,
  seo: 1,
  lcpS: 2,
  cls: 0.05,
  tbtMs: 150,
};

export function spaFigures(r: SpaResult): Metric[] {
  if (r.status === 'not built') return [];
  const metrics: Metric[] = [];
  const entry = r.bundles[0] as RouteBundle;
  for (const b of r.bundles) {
    const isFeed = b.route === r.feedRoute;
    const name = b.route === 'entry' ? 'entry' : b.route;
    metrics.push(
      metric(
        `spa.js.${name}`,
        `JS gzip, ${isFeed ? 'feed route' : b === entry ? 'entry (every route)' : name}`,
        b.jsKb,
        'KB',
        isFeed ? { op: '<=', value: FEED_JS_KB } : undefined,
      ),
      metric(
        `spa.css.${name}`,
        `CSS gzip, ${b === entry ? 'entry (every route)' : name}`,
        b.cssKb,
        'KB',
      ),
    );
  }
  for (const p of r.lighthouse ?? []) {
    metrics.push(
      metric(
        `spa.${p.page}.performance`,
        `${p.page}: Lighthouse performance`,
        p.scores.performance,
        'score',
        { op: '>=', value: LIGHTHOUSE.performance },
      ),
      metric(
        `spa.${p.page}.accessibility`,
        `${p.page}: Lighthouse accessibility`,
        p.scores.accessibility,
        'score',
        { op: '>=', value: LIGHTHOUSE.accessibility },
      ),
      metric(
        `spa.${p.page}.bestPractices`,
        `${p.page}: Lighthouse best practices`,
        p.scores['best-practices'],
        'score',
        { op: '>=', value: LIGHTHOUSE.bestPractices },
      ),
      metric(`spa.${p.page}.seo`, `${p.page}: Lighthouse SEO`, p.scores.seo, 'score', {
        op: '>=',
        value: LIGHTHOUSE.seo,
      }),
      metric(`spa.${p.page}.lcp`, `${p.page}: LCP`, p.lcpMs / 1000, 's', {
        op: '<=',
        value: LIGHTHOUSE.lcpS,
      }),
      metric(`spa.${p.page}.cls`, `${p.page}: CLS`, p.cls, 'score', {
        op: '<=',
        value: LIGHTHOUSE.cls,
      }),
      metric(`spa.${p.page}.tbt`, `${p.page}: TBT`, p.tbtMs, 'ms', {
        op: '<=',
        value: LIGHTHOUSE.tbtMs,
      }),
    );
  }
  return metrics;
}
