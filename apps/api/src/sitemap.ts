// The sitemap: every article, tag, outlet and statistics series page and the site's fixed pages, each with the date
// its page last changed. An article's page changes when the article is written (`updatedAt`),
// never before its release; a tag's or an outlet's page when one of its articles does.
// One file holds 50,000 pages at most: a larger archive gets a sitemap index at the same address,
// naming its parts (`?part=1`, `?part=2`, …).

import { Readable } from 'node:stream';
import { NUMBERS_PATH } from '@jin/site';
import type { ArticleKey, Store } from '@jin/store';
import {
  type IndexItem,
  SitemapIndexStream,
  type SitemapItemLoose,
  SitemapStream,
  streamToPromise,
} from 'sitemap';

/** Pages that are neither an article, a tag nor an outlet. */
const FIXED_PAGES = ['/', '/timeline', '/tags', '/media', NUMBERS_PATH, '/developers'];

/** How many articles are read from the store at a time. */
const BATCH = 100;

/** The sitemap protocol's limit on the pages one file lists. */
export const MAX_SITEMAP_URLS = 50_000;

const later = (a: string, b: string) => (a > b ? a : b);

/** The date a page last changed: its release or its last edit, whichever is later. */
const lastChange = (releasedOn: string, updatedAt: string) =>
  later(`${releasedOn}T00:00:00.000Z`, new Date(updatedAt).toISOString());

const listed = (path: string, lastmod: string | undefined): SitemapItemLoose =>
  lastmod ? { url: path, lastmod } : { url: path };

/** Every page of the site, with its last change where it has one. */
export async function sitemapPages(store: Store): Promise<SitemapItemLoose[]> {
  const articles: SitemapItemLoose[] = [];
  const tagChanged = new Map<string, string>();
  const outletChanged = new Map<string, string>();
  let newest = '';
  let after: ArticleKey | undefined;
  for (;;) {
    const slice = await store.listArticles({ first: BATCH, ...(after ? { after } : {}) });
    for (const { article } of slice.hits) {
      const lastmod = lastChange(article.releasedOn, article.updatedAt);
      articles.push({ url: `/articles/${encodeURIComponent(article.slug)}`, lastmod });
      newest = later(newest, lastmod);
      for (const tag of article.tags) {
        tagChanged.set(tag.slug, later(tagChanged.get(tag.slug) ?? '', lastmod));
      }
      const outlet = article.media.slug;
      outletChanged.set(outlet, later(outletChanged.get(outlet) ?? '', lastmod));
    }
    after = slice.hits.at(-1)?.key;
    if (!slice.hasNextPage || !after) break;
  }
  const [tags, outlets, series] = await Promise.all([
    store.listTags(),
    store.listMedia(),
    store.listSeries(),
  ]);
  return [
    ...FIXED_PAGES.map((path) => listed(path, newest || undefined)),
    ...articles,
    ...tags.map(({ item }) =>
      listed(`/tags/${encodeURIComponent(item.slug)}`, tagChanged.get(item.slug)),
    ),
    ...outlets.map(({ item }) =>
      listed(`/media/${encodeURIComponent(item.slug)}`, outletChanged.get(item.slug)),
    ),
    // A series' page changes with its files, which say no date: listed without one.
    ...series.map((s) => listed(`${NUMBERS_PATH}/${encodeURIComponent(s.slug)}`, undefined)),
  ];
}

export interface SitemapFiles {
  /** What `/sitemap.xml` answers: every page, or an index of the parts. */
  main: string;
  /** The parts, `?part=1` first; empty when the main file lists every page. */
  parts: string[];
}

async function urlset(items: SitemapItemLoose[], publicUrl: string): Promise<string> {
  const stream = new SitemapStream({ hostname: publicUrl });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

export async function renderSitemaps(
  store: Store,
  publicUrl: string,
  sitemapPath: string,
  maxUrls = MAX_SITEMAP_URLS,
): Promise<SitemapFiles> {
  const pages = await sitemapPages(store);
  if (pages.length <= maxUrls) return { main: await urlset(pages, publicUrl), parts: [] };
  const parts: string[] = [];
  const index: IndexItem[] = [];
  for (let start = 0; start < pages.length; start += maxUrls) {
    const chunk = pages.slice(start, start + maxUrls);
    parts.push(await urlset(chunk, publicUrl));
    const lastmod = chunk.reduce((max, page) => later(max, page.lastmod ?? ''), '');
    const url = `${publicUrl}${sitemapPath}?part=${parts.length}`;
    index.push(lastmod ? { url, lastmod } : { url });
  }
  const stream = new SitemapIndexStream();
  const main = (await streamToPromise(Readable.from(index).pipe(stream))).toString('utf8');
  return { main, parts };
}

/** robots.txt: everything may be crawled except the API itself; where the sitemap is. */
export function renderRobots(publicUrl: string, sitemapPath: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /graphql',
    '',
    `Sitemap: ${publicUrl}${sitemapPath}`,
    '',
  ].join('\n');
}
