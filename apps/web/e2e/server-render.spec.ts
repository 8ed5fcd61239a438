// Pages arrive rendered: the HTML answer already holds the page, its title and its data, the
// browser hydrates it without asking the API again, and a reader without JavaScript can browse.

import { readFileSync } from 'node:fs';
import { API_EXAMPLES } from '@jin/site/api-guide';
import { curlCommand } from '@jin/site/api-guide/curl';
import { expect, test } from '@playwright/test';
import { api, settled } from './support.ts';

interface Latest {
  articles: {
    edges: { node: { slug: string; title: string; excerpt: string } }[];
  };
}

const LATEST = `{ articles(first: 2) { edges { node { slug title excerpt(words: 30) } } } }`;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Text as React writes it into HTML (it also escapes the apostrophe). */
const reactText = (text: string) => escapeHtml(text).replace(/'/g, '&#x27;');

test('the HTML of the feed and of an article already holds the page, its title and its data', async ({
  request,
}) => {
  const latest = await api<Latest>(request, LATEST);
  const [first, second] = latest.articles.edges.map((e) => e.node);
  if (!first || !second) throw new Error('the archive has fewer than two articles');

  const feed = await request.get('/');
  expect(feed.status()).toBe(200);
  const feedHtml = await feed.text();
  expect(feedHtml).toContain('<title>Latest news · Japan Immigration News</title>');
  expect(feedHtml).toMatch(/<h1>Latest news<\/h1>/);
  expect(feedHtml).toContain(`href="/articles/${first.slug}"`);
  expect(feedHtml).toContain(`href="/articles/${second.slug}"`);
  expect(feedHtml).toContain('<script type="application/json" id="jin-state">');
  // The page names the feed's own module, for the browser to fetch with the app's code.
  const manifest = JSON.parse(
    readFileSync(new URL('../dist/.vite/manifest.json', import.meta.url), 'utf8'),
  ) as Record<string, { file: string }>;
  const feedChunk = manifest['src/features/feed/feed-route.tsx']?.file;
  expect(feedChunk).toBeTruthy();
  const listed = /<script type="application\/json" id="jin-modules">([^<]*)<\/script>/.exec(
    feedHtml,
  )?.[1];
  expect(JSON.parse(listed ?? '[]')).toContain(`/${feedChunk}`);

  const article = await request.get(`/articles/${first.slug}`);
  expect(article.status()).toBe(200);
  const articleHtml = await article.text();
  expect(articleHtml).toContain(
    `<title>${escapeHtml(first.title)} · Japan Immigration News</title>`,
  );
  expect(articleHtml).toContain(
    `<meta name="description" content="${escapeHtml(first.excerpt)}" />`,
  );
  expect(articleHtml).toContain(`>${reactText(first.title)}</h1>`);
});

test('the API guide arrives rendered, with every example', async ({ request }) => {
  const response = await request.get('/developers');
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain('<title>Use the API · Japan Immigration News</title>');
  for (const example of API_EXAMPLES) {
    expect(html, example.id).toContain(`id="${example.id}"`);
    expect(html, example.id).toContain(reactText(curlCommand(example)));
  }
});

test('an unknown slug is a 404 in the HTML answer itself', async ({ request }) => {
  for (const path of ['/articles/no-such-article', '/tags/no-such-tag', '/no/such/page']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).toContain(
      '<title>Page not found · Japan Immigration News</title>',
    );
  }
});

test('a rendered page answers 304 to a matching If-None-Match', async ({ request }) => {
  const first = await request.get('/tags');
  expect(first.status()).toBe(200);
  const etag = first.headers().etag;
  expect(etag).toMatch(/^".+"$/);
  const again = await request.get('/tags', { headers: { 'if-none-match': etag as string } });
  expect(again.status()).toBe(304);
  // Another address has another tag.
  const other = await request.get('/media');
  expect(other.headers().etag).not.toBe(etag);
});

test('hydration takes over the rendered page without fetching it again or any error', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const queries: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/graphql') queries.push(r.url());
  });

  for (const path of [
    '/',
    '/tags',
    '/media',
    '/search?q=refugee',
    '/tags/statistics?page=2',
    '/timeline',
    '/timeline?status=specified-skilled-worker-i',
  ]) {
    await page.goto(path);
    await settled(page);
    await page.waitForLoadState('networkidle');
  }
  expect(queries).toEqual([]);

  // The feed is live after hydration: Load more fetches the next page into the same list.
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const items = page.locator('.item-list > li');
  const before = await items.count();
  await page.getByRole('button', { name: /Load more/ }).click();
  await expect.poll(() => items.count()).toBeGreaterThan(before);
  expect(queries.length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test("the app's code is asked for only once the rendered page has been painted", async ({
  page,
  request,
}) => {
  const manifest = JSON.parse(
    readFileSync(new URL('../dist/.vite/manifest.json', import.meta.url), 'utf8'),
  ) as Record<string, { file: string }>;
  const app = manifest['src/main.tsx']?.file;
  const feedChunk = manifest['src/features/feed/feed-route.tsx']?.file;
  expect(app && feedChunk).toBeTruthy();
  // What the HTML itself asks for: the small entry that carries the styles, nothing more.
  const html = await (await request.get('/')).text();
  const early = [
    ...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/assets\/[^"]+\.js)"/g),
  ].map((m) => m[1]);
  expect(early.length).toBeGreaterThan(0);
  expect(early).not.toContain(`/${app}`);
  expect(early).not.toContain(`/${feedChunk}`);
  // Nor anything the entry imports statically: the libraries (LIBRARY_CHUNKS in vite.config.ts)
  // and the app's shared modules would be evaluated, all in one task, before the entry runs.
  expect(
    early.filter((path) => /\/assets\/(react-dom|react|router|apollo|shared)-/.test(path ?? '')),
  ).toEqual([]);

  // Each chunk asks V8 to compile it whole while it streams in, not function by function later.
  for (const path of [`/${app}`, `/${feedChunk}`, ...early]) {
    const source = await (await request.get(path as string)).text();
    expect(source.startsWith('//# allFunctionsCalledOnLoad\n'), path).toBe(true);
  }

  await page.goto('/');
  await settled(page);
  await page.getByRole('button', { name: /Load more/ }).waitFor();
  const timing = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    scripts: performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime })),
  }));
  expect(timing.paint).not.toBeNull();
  const late = timing.scripts.filter((s) => !early.includes(s.path));
  expect(late.map((s) => s.path)).toEqual(expect.arrayContaining([`/${app}`, `/${feedChunk}`]));
  for (const script of late) {
    expect(script.start, script.path).toBeGreaterThanOrEqual(timing.paint as number);
  }
});

test('without JavaScript a reader can still go from the feed to an article and its tag', async ({
  browser,
  request,
}) => {
  const latest = await api<Latest>(request, LATEST);
  const first = latest.articles.edges[0]?.node;
  if (!first) throw new Error('the archive is empty');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news');
  await page.getByRole('link', { name: first.title, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/articles/${first.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
  const tag = page.locator('main .tag-chip').first();
  const tagName = (await tag.textContent()) ?? '';
  await tag.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tagName);
  await context.close();
});
