// Saving articles on the device and reading offline, through the real service worker.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../chromium.shared.ts';
import { type SpawnedSite, spawnSite } from '../../../packages/site-process/src/spawn-site.ts';
import { api, expectAccessible, type ListedArticle, settled } from './support.ts';

const LIST = `query { articles(first: 3) { edges { node { slug title media { slug name } tags { slug name articleCount } } } } }`;

async function firstArticles(request: Parameters<typeof api>[0]): Promise<ListedArticle[]> {
  const data = await api<{ articles: { edges: { node: ListedArticle }[] } }>(request, LIST);
  return data.articles.edges.map((e) => e.node);
}

const WIDTHS = [360, 1280];
const shot = (name: string) => `test-results/screenshots/offline/${name}.png`;

const saveButton = (page: Page, title: string) =>
  page.getByRole('button', { name: `Save article: ${title}`, exact: true });

/** The slugs of the saved articles whose pages are kept for reading offline. */
function keptPages(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const cache = await caches.open('jin-saved-pages');
    const keys = await cache.keys();
    return keys.map((r) => new URL(r.url).pathname.replace('/articles/', '')).sort();
  });
}

/** Waits until the service worker controls the page (it claims pages on its first start). */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
    timeout: 20_000,
  });
}

test('an article saved from its page and from the feed survives a reload, is listed newest first, and can be removed', async ({
  page,
  request,
}) => {
  const [first, second] = (await firstArticles(request)) as [ListedArticle, ListedArticle];

  await page.goto(`/articles/${first.slug}`);
  await settled(page);
  const onPage = saveButton(page, first.title);
  await expect(onPage).toBeVisible();
  await expect(onPage).toHaveAttribute('aria-pressed', 'false');
  await onPage.click();
  await expect(onPage).toHaveAttribute('aria-pressed', 'true');
  await expect(onPage).toHaveText('Saved');
  await expect(page.getByRole('status').filter({ hasText: `Saved: ${first.title}` })).toHaveCount(
    1,
  );

  await page.reload();
  await settled(page);
  await expect(saveButton(page, first.title)).toHaveAttribute('aria-pressed', 'true');

  // From a list: the feed's item for the second article.
  await page.goto('/');
  await settled(page);
  await expect(saveButton(page, first.title)).toHaveAttribute('aria-pressed', 'true');
  await saveButton(page, second.title).click();
  await expect(saveButton(page, second.title)).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Saved' }).click();
  await expect(page).toHaveURL('/saved');
  await expect(page.locator('main h1')).toHaveText('Saved articles');
  const titles = page.locator('.saved-list .item-title');
  await expect(titles).toHaveText([second.title, first.title]);
  await expectAccessible(page);

  await expect.poll(() => keptPages(page)).toEqual([first.slug, second.slug].sort());
  await page.getByRole('button', { name: `Remove from saved: ${second.title}` }).click();
  await expect(titles).toHaveText([first.title]);
  await expect.poll(() => keptPages(page)).toEqual([first.slug]);
  await page.reload();
  await settled(page);
  await expect(titles).toHaveText([first.title]);

  // Clear all asks first; Cancel keeps everything.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(titles).toHaveText([first.title]);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Remove all' }).click();
  await expect(page.getByText('No saved articles yet.')).toBeVisible();
  await expect.poll(() => keptPages(page)).toEqual([]);
  await expectAccessible(page);

  await page.goto(`/articles/${first.slug}`);
  await settled(page);
  await expect(saveButton(page, first.title)).toHaveAttribute('aria-pressed', 'false');
});

test('the server renders the Save control unpressed, before any script runs', async ({
  request,
}) => {
  const [first] = (await firstArticles(request)) as [ListedArticle];
  const html = await (await request.get(`/articles/${first.slug}`)).text();
  const button = html.match(/<button[^>]*class="save-button"[^>]*>/)?.[0] ?? '';
  expect(button).toContain('aria-pressed="false"');
  expect(button).toContain(`aria-label="Save article: `);
  // Not shown (it cannot work without the app), but it keeps its place.
  expect(button).not.toContain('data-ready');
});

test('offline, a saved article and a visited page open from the service worker, and the notice shows', async ({
  page,
  context,
  request,
}) => {
  const [, second, third] = (await firstArticles(request)) as ListedArticle[] as [
    ListedArticle,
    ListedArticle,
    ListedArticle,
  ];
  const tag = third.tags[0]?.slug ?? '';

  await page.goto('/');
  await settled(page);
  await controlled(page);
  // A visited page, loaded as a document once the worker is in charge.
  await page.goto(`/tags/${tag}`);
  await settled(page);
  const tagHeading = await page.locator('main h1').textContent();
  // Saved from the feed without ever opening it: its page is kept when saved.
  await page.goto('/');
  await settled(page);
  await saveButton(page, second.title).click();
  await expect(saveButton(page, second.title)).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() =>
      page.evaluate(async (slug) => {
        const cache = await caches.open('jin-saved-pages');
        return (await cache.keys()).some((r) => new URL(r.url).pathname === `/articles/${slug}`);
      }, second.slug),
    )
    .toBe(true);

  await context.setOffline(true);
  await expect(page.getByText('You are offline.')).toBeVisible();

  await page.goto(`/articles/${second.slug}`);
  await expect(page.locator('main h1')).toHaveText(second.title);
  await expect(page.locator('.article-summary')).not.toBeEmpty();
  await expect(page.getByText('You are offline.')).toBeVisible();
  await expect(saveButton(page, second.title)).toHaveAttribute('aria-pressed', 'true');

  await page.goto(`/tags/${tag}`);
  await expect(page.locator('main h1')).toHaveText(tagHeading ?? '');
  await expect(page.locator('main table.article-table tbody tr').first()).toBeVisible();

  // Never visited: the app shell renders the saved list from the device.
  await page.goto('/saved');
  await expect(page.locator('.saved-list .item-title')).toHaveText([second.title]);
  await expect(page.getByText('You are offline.')).toBeVisible();
  // Followed within the app, the saved article opens too.
  await page.getByRole('link', { name: second.title, exact: true }).click();
  await expect(page.locator('main h1')).toHaveText(second.title);

  await context.setOffline(false);
  await expect(page.getByText('You are offline.')).toHaveCount(0);
});

test('the site can be installed as an app (Chromium finds nothing missing)', async ({
  playwright,
  baseURL,
}) => {
  // A profile on disk: Chromium never offers to install from an incognito-like context.
  const profile = mkdtempSync(join(tmpdir(), 'jin-offline-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as {
      icons: { sizes: string; purpose?: string }[];
    };
    expect(parsed.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test.describe('a new version', () => {
  let site: SpawnedSite | undefined;
  let dist = '';
  const built = new URL('../dist/', import.meta.url).pathname;

  test.beforeAll(async () => {
    // A site of its own, serving a copy of the build that the test can change.
    dist = mkdtempSync(join(tmpdir(), 'jin-offline-dist-'));
    cpSync(built, dist, { recursive: true });
    site = await spawnSite({
      JIN_DB_PATH: ':memory:',
      JIN_WEB_DIST: dist,
      JIN_WEB_SSR_ENTRY: new URL('../dist-ssr/entry-server.cjs', import.meta.url).pathname,
    });
  });

  test.afterAll(() => {
    site?.child.kill();
    rmSync(dist, { recursive: true, force: true });
  });

  async function workerVersion(page: Page): Promise<string> {
    return page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) => resolve(String(event.data));
          navigator.serviceWorker.controller?.postMessage('VERSION?', [channel.port2]);
          setTimeout(() => resolve('first'), 1000);
        }),
    );
  }

  async function openSite(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${site?.url}/`);
    await settled(page);
    await controlled(page);
    return page;
  }

  test('is announced with a prompt, and Reload puts it in charge', async ({ context }) => {
    const page = await openSite(context);
    expect(await workerVersion(page)).toBe('first');
    await expect(page.getByText('A new version of this site is available.')).toHaveCount(0);

    // The next build: a worker that differs, and can say which it is.
    const worker = join(dist, 'sw.js');
    writeFileSync(
      worker,
      `${readFileSync(worker, 'utf8')}
self.addEventListener('message', (event) => {
  if (event.data === 'VERSION?') event.ports[0].postMessage('second');
});
`,
    );
    await page.reload();
    await settled(page);
    const prompt = page
      .getByRole('status')
      .filter({ hasText: 'A new version of this site is available.' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: shot(`update-prompt-${width}`) });
    }
    // The new version waits: the old one still answers until the reader chooses.
    expect(await workerVersion(page)).toBe('first');

    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await settled(page);
    expect(await workerVersion(page)).toBe('second');
    await expect(page.getByText('A new version of this site is available.')).toHaveCount(0);
  });
});

for (const width of WIDTHS) {
  test(`screenshots at ${width} px: a saved article, the saved list full and empty, offline`, async ({
    page,
    context,
    request,
  }) => {
    const [first, second] = (await firstArticles(request)) as [ListedArticle, ListedArticle];
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await settled(page);
    await controlled(page);
    await saveButton(page, second.title).click();
    await page.goto(`/articles/${first.slug}`);
    await settled(page);
    await saveButton(page, first.title).click();
    await expect(saveButton(page, first.title)).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: shot(`article-saved-${width}`) });
    await page.goto('/');
    await settled(page);
    await expect(saveButton(page, first.title)).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: shot(`feed-saved-${width}`) });

    await page.goto('/saved');
    await settled(page);
    await expect(page.locator('.saved-list .item-title')).toHaveCount(2);
    await page.screenshot({ path: shot(`saved-list-${width}`), fullPage: true });
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page.getByRole('button', { name: 'Remove all' })).toBeFocused();
    await page.screenshot({ path: shot(`saved-clear-confirm-${width}`) });

    await context.setOffline(true);
    await page.goto(`/articles/${first.slug}`);
    await expect(page.getByText('You are offline.')).toBeVisible();
    await page.screenshot({ path: shot(`offline-article-${width}`) });
    await context.setOffline(false);

    await page.goto('/saved');
    await settled(page);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await page.getByRole('button', { name: 'Remove all' }).click();
    await expect(page.getByText('No saved articles yet.')).toBeVisible();
    await page.screenshot({ path: shot(`saved-empty-${width}`) });
  });
}
