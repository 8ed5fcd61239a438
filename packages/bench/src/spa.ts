// The reader app: what each route downloads (from the Vite manifest) and Lighthouse on four
// pages served by the real site.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../chromium.shared.ts';
import { postGraphql } from './http.ts';
import { type Metric, metric } from './metrics.ts';
import { FEED_QUERY, SEARCH_WORD } from './queries.ts';
import type { Settings } from './settings.ts';
import { REPO_DIR, startSite } from './targets.ts';

export const WEB_DIST = join(REPO_DIR, 'apps/web/dist');
const MANIFEST = join(WEB_DIST, '.vite/manifest.json');

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface RouteBundle {
  /** `entry` for what every page loads; otherwise the lazily loaded module's source path. */
  route: string;
  jsKb: number;
  cssKb: number;
  files: string[];
}

export interface LighthousePage {
  page: string;
  url: string;
  scores: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Audits that failed, for categories below 1. */
  failing: string[];
  warnings: string[];
  /** Lighthouse's own CPU benchmark of this machine (a typical desktop scores over 1000). */
  benchmarkIndex: number;
}

export type SpaResult =
  | { status: 'not built'; note: string }
  | {
      status: 'measured';
      bundles: RouteBundle[];
      feedRoute: string;
      lighthouse: LighthousePage[] | null;
    };

const gzipKb = (dist: string, file: string) =>
  gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/** The chunk and every chunk it imports statically, transitively. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

export function routeBundles(manifest: Manifest, dist = WEB_DIST): RouteBundle[] {
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('the Vite manifest has no entry chunk');
  const base = closure(manifest, entry);
  // The entry imports the app itself once the page is painted: every page loads it.
  for (const app of manifest[entry]?.dynamicImports ?? []) closure(manifest, app, base);
  const always = new Set(manifest[entry]?.dynamicImports ?? []);
  const lazy = Object.keys(manifest).filter((k) => manifest[k]?.isDynamicEntry && !always.has(k));
  const bundle = (route: string, keys: Set<string>): RouteBundle => {
    const chunks = [...keys].map((k) => manifest[k] as ManifestChunk);
    const js = chunks.map((c) => c.file).filter((f) => f.endsWith('.js'));
    const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
    return {
      route,
      jsKb: js.reduce((sum, f) => sum + gzipKb(dist, f), 0),
      cssKb: css.reduce((sum, f) => sum + gzipKb(dist, f), 0),
      files: [...js, ...css],
    };
  };
  return [
    bundle('entry', base),
    ...lazy.map((k) => bundle(manifest[k]?.src ?? k, closure(manifest, k, new Set(base)))),
  ];
}

interface ChromeLauncher {
  launch(options: { chromePath: string; chromeFlags: string[] }): Promise<{
    port: number;
    kill(): void | Promise<void>;
  }>;
}

/** chrome-launcher as Lighthouse itself resolves it (it is Lighthouse's own dependency). */
async function chromeLauncher(): Promise<ChromeLauncher> {
  const fromLighthouse = createRequire(import.meta.resolve('lighthouse'));
  return (await import(
    pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href
  )) as ChromeLauncher;
}

async function runLighthouse(pages: { page: string; url: string }[]): Promise<LighthousePage[]> {
  const { default: lighthouse } = await import('lighthouse');
  const launcher = await chromeLauncher();
  process.env.CHROME_PATH = CHROMIUM_PATH;
  const chrome = await launcher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  const results: LighthousePage[] = [];
  try {
    for (const { page, url } of pages) {
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = run;
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
      const score = (id: string) => lhr.categories[id]?.score ?? Number.NaN;
      const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const failing = Object.values(lhr.categories)
        .filter((c) => c.id !== 'performance' && (c.score ?? 0) < 1)
        .flatMap((c) => c.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id))
        .filter((id) => (lhr.audits[id]?.score ?? 1) < 1);
      results.push({
        page,
        url,
        scores: {
          performance: score('performance'),
          accessibility: score('accessibility'),
          'best-practices': score('best-practices'),
          seo: score('seo'),
        },
        lcpMs: value('largest-contentful-paint'),
        cls: value('cumulative-layout-shift'),
        tbtMs: value('total-blocking-time'),
        failing: [...new Set(failing)],
        warnings: lhr.runWarnings,
        benchmarkIndex: lhr.environment.benchmarkIndex,
      });
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

export async function benchSpa(
  settings: Settings,
): Promise<{ result: SpaResult; metrics: Metric[] }> {
  if (!existsSync(MANIFEST)) {
    return {
      result: {
        status: 'not built',
        note: `${MANIFEST} is missing: build the reader app (pnpm build) and run again.`,
      },
      metrics: [],
    };
  }
  const bundles = routeBundles(JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest);
  const feed = bundles.find((b) => /feed|home/i.test(b.route)) ?? (bundles[0] as RouteBundle);
  let lighthousePages: LighthousePage[] | null = null;
  if (settings.lighthouse) {
    const site = await startSite({ JIN_DB_PATH: ':memory:' });
    try {
      const reply = await postGraphql(site.url, FEED_QUERY);
      const data = reply.data as { articles: { edges: { node: { slug: string } }[] } } | null;
      const slug = data?.articles.edges[0]?.node.slug;
      if (!slug)
        throw new Error(`the site answered the feed query with ${reply.body.slice(0, 200)}`);
      // A running site has served pages before: warm it with pages Lighthouse does not visit, so
      // the measured pages are rendered fresh but not by a process that has never rendered one.
      for (const path of WARM_UP_PATHS) {
        const response = await fetch(site.url + path);
        if (!response.ok) throw new Error(`warming up: ${path} answered ${response.status}`);
        await response.arrayBuffer();
      }
      lighthousePages = await runLighthouse(
        SPA_PAGES(slug).map(({ page, path }) => ({ page, url: site.url + path })),
      );
    } finally {
      await site.stop(3000);
    }
  }
  const result: SpaResult = {
    status: 'measured',
    bundles,
    feedRoute: feed.route,
    lighthouse: lighthousePages,
  };
  return { result, metrics: spaMetrics(result) };
}

/** Pages fetched before Lighthouse runs; none of them is one Lighthouse visits. */
export const WARM_UP_PATHS = ['/tags', '/media', '/tags/visa-rules', '/search?q=visa'];

/** The four pages Lighthouse visits, by the reader app's routes. */
export const SPA_PAGES = (articleSlug: string) => [
  { page: 'feed', path: '/' },
  { page: 'article', path: `/articles/${articleSlug}` },
  { page: 'tag', path: '/tags/statistics' },
  { page: 'search', path: `/search?q=${SEARCH_WORD}` },
];

function spaMetrics(r: Extract<SpaResult, { status: 'measured' }>): Metric[] {
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
        isFeed ? { op: '<=', value: 130 } : undefined,
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
        { op: '>=', value: 0.95 },
      ),
      metric(
        `spa.${p.page}.accessibility`,
        `${p.page}: Lighthouse accessibility`,
        p.scores.accessibility,
        'score',
        { op: '>=', value: 1 },
      ),
      metric(
        `spa.${p.page}.bestPractices`,
        `${p.page}: Lighthouse best practices`,
        p.scores['best-practices'],
        'score',
        { op: '>=', value: 1 },
      ),
      metric(`spa.${p.page}.seo`, `${p.page}: Lighthouse SEO`, p.scores.seo, 'score', {
        op: '>=',
        value: 1,
      }),
      metric(`spa.${p.page}.lcp`, `${p.page}: LCP`, p.lcpMs / 1000, 's', { op: '<=', value: 2 }),
      metric(`spa.${p.page}.cls`, `${p.page}: CLS`, p.cls, 'score', { op: '<=', value: 0.05 }),
      metric(`spa.${p.page}.tbt`, `${p.page}: TBT`, p.tbtMs, 'ms', { op: '<=', value: 150 }),
    );
  }
  return metrics;
}
