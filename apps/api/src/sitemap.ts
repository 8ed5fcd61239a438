// The sitemap: every article, tag and outlet page and the site's fixed pages, each with the date
// its page last changed. An article's page changes when the article is written (`updatedAt`),
// never before its release; a tag's or an outlet's page when one of its articles does.

import { Readable } from 'node:stream';
import type { ArticleKey, Store } from '@jin/store';
import { type SitemapItemLoose, SitemapStream, streamToPromise } from 'sitemap';

/** Pages that are neither an article, a tag nor an outlet. */
const FIXED_PAGES = ['/', '/timeline', '/tags', '/media'];

/** How many articles are read from the store at a time. */
const BATCH = 100;

/** The sitemap protocol's limit on one file; a larger archive would need a sitemap index. */
export const MAX_SITEMAP_URLS = 50_000;

const later = (a: string, b: string) => (a > b ? a : b);

/** The date a page last changed: `YYYY-MM-DD` or an ISO instant, whichever is later. */
const lastChange = (releasedOn: string, updatedAt: string) =>
  later(`${releasedOn}T00:00:00.000Z`, new Date(updatedAt).toISOString());

export async function renderSitemap(store: Store, publicUrl: string): Promise<string> {
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
  const [tags, outlets] = await Promise.all([store.listTags(), store.listMedia()]);
  const listed = (path: string, lastmod: string | undefined): SitemapItemLoose =>
    lastmod ? { url: path, lastmod } : { url: path };
  const items: SitemapItemLoose[] = [
    ...FIXED_PAGES.map((path) => listed(path, newest || undefined)),
    ...articles,
    ...tags.map(({ item }) =>
      listed(`/tags/${encodeURIComponent(item.slug)}`, tagChanged.get(item.slug)),
    ),
    ...outlets.map(({ item }) =>
      listed(`/media/${encodeURIComponent(item.slug)}`, outletChanged.get(item.slug)),
    ),
  ];
  if (items.length > MAX_SITEMAP_URLS) {
    throw new Error(`the sitemap would list ${items.length} pages; one file holds 50,000`);
  }
  const stream = new SitemapStream({ hostname: publicUrl });
  const xml = await streamToPromise(Readable.from(items).pipe(stream));
  return xml.toString('utf8');
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
