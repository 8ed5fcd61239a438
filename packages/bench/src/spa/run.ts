// The reader app: what each route downloads (from the Vite manifest) and Lighthouse on four
// pages served by the real site.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postGraphql } from '../shared/http.ts';
import { startSite } from '../shared/processes.ts';
import { FEED_QUERY, SEARCH_WORD } from '../shared/queries.ts';
import type { Context } from '../shared/section.ts';
import { type Manifest, type RouteBundle, routeBundles, WEB_DIST } from './bundles.ts';
import {
  type LighthousePage,
  type LighthouseRun,
  medianPage,
  runLighthouse,
} from './lighthouse.ts';

const MANIFEST = join(WEB_DIST, '.vite/manifest.json');

export type SpaResult =
  | { status: 'not built'; note: string }
  | {
      status: 'measured';
      bundles: RouteBundle[];
      feedRoute: string;
      lighthouse: LighthousePage[] | null;
    };

export async function benchSpa({ settings }: Context): Promise<SpaResult> {
  if (!existsSync(MANIFEST)) {
    return {
      status: 'not built',
      note: `${MANIFEST} is missing: build the reader app (pnpm build) and run again.`,
    };
  }
  const bundles = routeBundles(JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest);
  const feed = bundles.find((b) => /feed|home/i.test(b.route)) ?? (bundles[0] as RouteBundle);
  let lighthousePages: LighthousePage[] | null = null;
  if (settings.lighthouseRounds > 0) {
    // Each round on a site process of its own, so every measured page is rendered afresh in
    // every round; each page's figures are those of its median run (medianPage).
    const rounds: LighthouseRun[][] = [];
    for (let round = 0; round < settings.lighthouseRounds; round++) {
      const site = await startSite({ JIN_DB_PATH: ':memory:' });
      try {
        const reply = await postGraphql(site.url, FEED_QUERY);
        const data = reply.data as { articles: { edges: { node: { slug: string } }[] } } | null;
        const slug = data?.articles.edges[0]?.node.slug;
        if (!slug) {
          throw new Error(`the site answered the feed query with ${reply.body.slice(0, 200)}`);
        }
        // A running site has served pages before: warm it with pages Lighthouse does not visit,
        // so the measured pages are rendered fresh but not by a process that has never rendered.
        for (const path of WARM_UP_PATHS) {
          const response = await fetch(site.url + path);
          if (!response.ok) throw new Error(`warming up: ${path} answered ${response.status}`);
          await response.arrayBuffer();
        }
        rounds.push(
          await runLighthouse(
            SPA_PAGES(slug).map(({ page, path }) => ({ page, url: site.url + path })),
          ),
        );
      } finally {
        await site.stop(3000);
      }
    }
    lighthousePages = (rounds[0] ?? []).map((_, i) =>
      medianPage(rounds.map((round) => round[i] as LighthouseRun)),
    );
  }
  return { status: 'measured', bundles, feedRoute: feed.route, lighthouse: lighthousePages };
}

/** Pages fetched before Lighthouse runs; none of them is one Lighthouse visits. */
export const WARM_UP_PATHS = ['/tags', '/media', '/tags/visa-rules', '/search?q=visa'];

/** The pages Lighthouse visits: one of each of the reader app's kinds of page. */
export const SPA_PAGES = (articleSlug: string) => [
  { page: 'feed', path: '/' },
  { page: 'article', path: `/articles/${articleSlug}` },
  { page: 'tag', path: '/tags/statistics' },
  { page: 'outlet', path: '/media/jiji-press' },
  { page: 'search', path: `/search?q=${SEARCH_WORD}` },
  { page: 'timeline', path: '/timeline' },
  { page: 'numbers', path: '/numbers' },
  { page: 'series', path: '/numbers/foreign-residents' },
  { page: 'developers', path: '/developers' },
  { page: 'saved', path: '/saved' },
];
