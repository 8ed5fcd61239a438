// What a shared link and a search engine see: the preview meta, the canonical address and the
// JSON-LD in the HTML the server sends, read by the browser with JavaScript off, checked against
// the archive's data from the API; and the preview images, decoded by the browser.

import { type Browser, expect, type Page, test } from '@playwright/test';
import { api } from './support.ts';

interface ArticleFacts {
  slug: string;
  title: string;
  releasedOn: string;
  sourceUrl: string | null;
  description: string;
  media: { slug: string; name: string };
  tags: { slug: string; name: string; description: string }[];
}

const ARTICLES = `{ articles(first: 20) { nodes {
  slug title releasedOn sourceUrl description: excerpt(words: 30)
  media { slug name } tags { slug name description }
} } }`;

/** An article with a source link and two tags or more, from the API. */
async function sharedArticle(request: Parameters<typeof api>[0]): Promise<ArticleFacts> {
  const { articles } = await api<{ articles: { nodes: ArticleFacts[] } }>(request, ARTICLES);
  const found = articles.nodes.find((a) => a.sourceUrl && a.tags.length >= 2);
  if (!found) throw new Error('no article with a source and two tags among the newest 20');
  return found;
}

interface Head {
  canonical: string | null;
  description: string | null;
  meta: Record<string, string[]>;
  jsonLd: Record<string, unknown>[];
}

/** The page's head as the server sent it: JavaScript is off, so nothing has changed it. */
async function serverHead(browser: Browser, url: string): Promise<Head> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    const meta: Record<string, string[]> = {};
    for (const element of await page.locator('head meta[property], head meta[name]').all()) {
      const key =
        (await element.getAttribute('property')) ?? (await element.getAttribute('name')) ?? '';
      const values = meta[key] ?? [];
      values.push((await element.getAttribute('content')) ?? '');
      meta[key] = values;
    }
    const jsonLd = await Promise.all(
      (await page.locator('script[type="application/ld+json"]').all()).map(
        async (s) => JSON.parse((await s.textContent()) ?? '') as Record<string, unknown>,
      ),
    );
    return {
      canonical: await page.locator('head link[rel="canonical"]').getAttribute('href'),
      description: await page.locator('head meta[name="description"]').getAttribute('content'),
      meta,
      jsonLd,
    };
  } finally {
    await context.close();
  }
}

const one = (head: Head, key: string) => {
  expect(head.meta[key], key).toHaveLength(1);
  return head.meta[key]?.[0];
};

function expectPreview(head: Head, origin: string, path: string, image: string) {
  expect(head.canonical).toBe(`${origin}${path}`);
  expect(one(head, 'og:url')).toBe(`${origin}${path}`);
  expect(one(head, 'og:site_name')).toBe('Japan Immigration News');
  expect(one(head, 'og:description')).toBe(head.description);
  expect(head.description?.length).toBeGreaterThan(20);
  expect(one(head, 'og:title')?.length).toBeGreaterThan(2);
  expect(one(head, 'og:image')).toBe(`${origin}${image}`);
  expect(one(head, 'og:image:width')).toBe('1200');
  expect(one(head, 'og:image:height')).toBe('630');
  expect(one(head, 'twitter:card')).toBe('summary_large_image');
}

interface WebPageLd {
  '@context': string;
  url: string;
  name: string;
  isBasedOn: unknown;
  about: { name: string }[];
}
interface CollectionLd {
  name: string;
  url: string;
  description: string;
}
interface BreadcrumbsLd {
  itemListElement: { name: string; item: string }[];
}

/** The JSON-LD node of this type; the test fails when there is none. */
function byType<T>(head: Head, type: string): T {
  const node = head.jsonLd.find((n) => n['@type'] === type);
  expect(node, type).toBeDefined();
  return node as T;
}

/** The image at this address, decoded by the browser: its natural size. */
async function imageSize(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  expect(response?.headers()['content-type']).toBe('image/png');
  return page
    .locator('img')
    .evaluate((img: HTMLImageElement) =>
      img.decode().then(() => ({ width: img.naturalWidth, height: img.naturalHeight })),
    );
}

test('an article page: its card, release date, tags and JSON-LD about the original', async ({
  browser,
  request,
  baseURL,
  page,
}) => {
  const origin = baseURL ?? '';
  const article = await sharedArticle(request);
  const path = `/articles/${article.slug}`;
  const head = await serverHead(browser, path);
  const image = `/og/articles/${article.slug}.png`;
  expectPreview(head, origin, path, image);
  expect(one(head, 'og:type')).toBe('article');
  expect(one(head, 'og:title')).toBe(article.title);
  expect(head.description).toBe(article.description);
  expect(one(head, 'article:published_time')).toBe(article.releasedOn);
  expect(head.meta['article:tag']).toEqual(article.tags.map((t) => t.name));

  const webPage = byType<WebPageLd>(head, 'WebPage');
  expect(webPage['@context']).toBe('https://schema.org');
  expect(webPage.url).toBe(`${origin}${path}`);
  expect(webPage.name).toBe(article.title);
  expect(webPage.isBasedOn).toEqual({
    '@type': 'NewsArticle',
    url: article.sourceUrl,
    headline: article.title,
    datePublished: article.releasedOn,
    publisher: { '@type': 'NewsMediaOrganization', name: article.media.name },
  });
  expect(webPage.about.map((t) => t.name)).toEqual(article.tags.map((t) => t.name));
  const crumbs = byType<BreadcrumbsLd>(head, 'BreadcrumbList');
  expect(crumbs.itemListElement).toEqual([
    { '@type': 'ListItem', position: 1, name: 'Home', item: `${origin}/` },
    {
      '@type': 'ListItem',
      position: 2,
      name: article.tags[0]?.name,
      item: `${origin}/tags/${article.tags[0]?.slug}`,
    },
    { '@type': 'ListItem', position: 3, name: article.title, item: `${origin}${path}` },
  ]);

  expect(await imageSize(page, image)).toEqual({ width: 1200, height: 630 });
});

test('tag and outlet pages: a collection with breadcrumbs and a card of their own', async ({
  browser,
  request,
  baseURL,
  page,
}) => {
  const origin = baseURL ?? '';
  const article = await sharedArticle(request);
  const tag = article.tags[0];
  if (!tag) throw new Error('the article has no tag');
  const pages = [
    {
      path: `/tags/${tag.slug}`,
      image: `/og/tags/${tag.slug}.png`,
      name: tag.name,
      description: tag.description,
      parent: { name: 'Tags', item: `${origin}/tags` },
    },
    {
      path: `/media/${article.media.slug}`,
      image: `/og/outlets/${article.media.slug}.png`,
      name: article.media.name,
      description: `Articles from ${article.media.name} recorded in the archive, newest first.`,
      parent: { name: 'Outlets', item: `${origin}/media` },
    },
  ];
  for (const expected of pages) {
    const head = await serverHead(browser, expected.path);
    expectPreview(head, origin, expected.path, expected.image);
    expect(one(head, 'og:type')).toBe('website');
    expect(head.description).toBe(expected.description);
    const collection = byType<CollectionLd>(head, 'CollectionPage');
    expect(collection.name).toBe(expected.name);
    expect(collection.url).toBe(`${origin}${expected.path}`);
    expect(collection.description).toBe(expected.description);
    const crumbs = byType<BreadcrumbsLd>(head, 'BreadcrumbList').itemListElement;
    expect(crumbs.map((c) => c.name)).toEqual(['Home', expected.parent.name, expected.name]);
    expect(crumbs[1]?.item).toBe(expected.parent.item);
    expect(await imageSize(page, expected.image)).toEqual({ width: 1200, height: 630 });
  }
});

test('every other page has its canonical address and the site’s card', async ({
  browser,
  baseURL,
  page,
}) => {
  const origin = baseURL ?? '';
  for (const path of ['/', '/tags', '/media', '/timeline', '/search?q=visa']) {
    const head = await serverHead(browser, path);
    expectPreview(head, origin, path, '/og/site.png');
    expect(one(head, 'og:type')).toBe('website');
    expect(head.jsonLd).toEqual([]);
  }
  // Filters are views of the same page: the address they share is the page's own.
  const filtered = await serverHead(browser, '/?tags=students');
  expect(filtered.canonical).toBe(`${origin}/`);
  expect(await imageSize(page, '/og/site.png')).toEqual({ width: 1200, height: 630 });
});

test('moving between pages in the app keeps the head about the page shown', async ({
  page,
  request,
  baseURL,
}) => {
  const article = await sharedArticle(request);
  const tag = article.tags[0];
  await page.goto(`/articles/${article.slug}`);
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1);
  await page
    .locator('.article-head')
    .getByRole('link', { name: tag?.name, exact: true })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/tags/${tag?.slug}$`));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${baseURL}/tags/${tag?.slug}`,
  );
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(1);
  await expect(page.locator('meta[property="article:tag"]')).toHaveCount(0);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'website');
  const types = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent ?? '')['@type']));
  expect(types).toEqual(['CollectionPage', 'BreadcrumbList']);
});
