// The reader app's part of the page.

import { byId, judged, table } from '../shared/markdown.ts';
import { formatValue } from '../shared/metrics.ts';
import type { Report } from '../shared/report.ts';
import type { LighthousePage } from './lighthouse.ts';
import type { SpaResult } from './run.ts';
import { LIGHTHOUSE } from './targets.ts';

export function spaPage(r: SpaResult, { metrics }: Report): string {
  if (r.status === 'not built') return ['## Reader app', '', `Not built: ${r.note}`].join('\n');
  const parts = [
    '## Reader app',
    '',
    '### What each route loads (Vite manifest: entry and its static imports, plus the lazy route chunk and its imports; gzip -9)',
    '',
    table(
      ['Route chunk', 'JS', 'CSS', 'Target', 'Result'],
      r.bundles.map((b) => {
        const name = b.route === 'entry' ? 'entry' : b.route;
        return [
          b.route === r.feedRoute ? `${b.route} (feed)` : b.route,
          formatValue(b.jsKb, 'KB'),
          formatValue(b.cssKb, 'KB'),
          ...judged(metrics, `spa.js.${name}`),
        ];
      }),
    ),
  ];
  if (!r.lighthouse) {
    parts.push('', 'Lighthouse was not run in this mode.');
    return parts.join('\n');
  }
  const cell = (id: string) => {
    const m = byId(metrics, id);
    return m ? `${formatValue(m.value, m.unit)} ${m.pass ? '✓' : '✗'}` : 'n/a';
  };
  parts.push(
    '',
    `### Lighthouse 12 (mobile emulation, simulated throttling; the site serving the real archive, each measured page rendered on the server afresh after a warm-up on four other pages; ${runsNote(r.lighthouse)}; Lighthouse CPU benchmark index of this machine: ${r.lighthouse.map((p) => Math.round(p.benchmarkIndex)).join(', ')})`,
    '',
    table(
      [
        'Page',
        `Performance (>= ${LIGHTHOUSE.performance})`,
        `Accessibility (${LIGHTHOUSE.accessibility})`,
        `Best practices (${LIGHTHOUSE.bestPractices})`,
        `SEO (${LIGHTHOUSE.seo})`,
        `LCP (<= ${LIGHTHOUSE.lcpS} s)`,
        `CLS (<= ${LIGHTHOUSE.cls})`,
        `TBT (<= ${LIGHTHOUSE.tbtMs} ms)`,
        'Performance, all runs',
      ],
      r.lighthouse.map((p) => [
        `${p.page} \`${new URL(p.url).pathname}${new URL(p.url).search}\``,
        cell(`spa.${p.page}.performance`),
        cell(`spa.${p.page}.accessibility`),
        cell(`spa.${p.page}.bestPractices`),
        cell(`spa.${p.page}.seo`),
        cell(`spa.${p.page}.lcp`),
        formatValue(p.cls, 'score') === '0.00' && p.cls > 0
          ? `${p.cls.toFixed(3)} ${byId(metrics, `spa.${p.page}.cls`)?.pass ? '✓' : '✗'}`
          : cell(`spa.${p.page}.cls`),
        cell(`spa.${p.page}.tbt`),
        p.performanceRange
          ? `${p.performanceRange[0].toFixed(2)}–${p.performanceRange[1].toFixed(2)}`
          : 'one run',
      ]),
    ),
  );
  const failing = r.lighthouse.filter((p) => p.failing.length > 0);
  if (failing.length > 0) {
    parts.push(
      '',
      'Failing audits:',
      '',
      ...failing.map((p) => `- ${p.page}: ${p.failing.join(', ')}`),
    );
  }
  return parts.join('\n');
}

/** How the figures were chosen from the runs of each page. */
function runsNote(pages: LighthousePage[]): string {
  const runs = pages[0]?.runs ?? 1;
  return runs > 1
    ? `${runs} rounds over every page, each on a site process of its own; each page's figures are those of its median run (Lighthouse's computeMedianRun)`
    : 'one run of each page';
}
