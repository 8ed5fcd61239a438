import { expect, test } from '@playwright/test';
import { api, settled } from './support.ts';

test('a filtered view lives in the URL: /?tags=statistics lists only Statistics articles', async ({
  page,
  request,
}) => {
  const { tag } = await api<{ tag: { articleCount: number } }>(
    request,
    `{ tag(slug: "statistics") { articleCount } }`,
  );
  await page.goto('/?tags=statistics');
  await settled(page);
  const items = page.locator('.item-list .list-item');
  await expect(items).toHaveCount(Math.min(20, tag.articleCount));
  for (const item of await items.all()) {
    await expect(item.locator('.tag-chips')).toContainText('Statistics');
  }
  await expect(
    page.getByText(`Showing ${Math.min(20, tag.articleCount)} of ${tag.articleCount} articles`),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Remove filter Statistics' })).toBeVisible();

  // Adding an outlet through the form narrows further and is written to the URL.
  await page.getByRole('combobox', { name: 'Outlet' }).selectOption({ label: 'The Japan Times' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL('/?tags=statistics&media=the-japan-times');
  const both = await api<{ articles: { totalCount: number } }>(
    request,
    `{ articles(filter: { tags: { anyOf: ["statistics"] }, media: ["the-japan-times"] }) { totalCount } }`,
  );
  await expect(page.locator('.load-more p')).toHaveText(
    `Showing ${Math.min(20, both.articles.totalCount)} of ${both.articles.totalCount} articles`,
  );
});

test('the tag page reads ?page=N and links its Atom feed', async ({ page, request }) => {
  const { tag } = await api<{
    tag: {
      name: string;
      articleCount: number;
      articlePage: { items: { article: { title: string } }[] };
    };
  }>(
    request,
    `{ tag(slug: "statistics") { name articleCount articlePage(page: 2, pageSize: 20) { items { article { title } } } } }`,
  );
  await page.goto('/tags/statistics?page=2');
  await settled(page);
  await expect(page.locator('main h1')).toHaveText(tag.name);
  await expect(page.locator('.section-head p')).toContainText(
    `${tag.articleCount} articles · page 2 of`,
  );
  await expect(page.locator('tbody .col-title a').first()).toHaveText(
    tag.articlePage.items[0]?.article.title ?? '',
  );
  const feed = page.getByRole('link', { name: `Atom feed for ${tag.name}` });
  const response = await request.get((await feed.getAttribute('href')) ?? '');
  expect(response.ok()).toBe(true);
  expect(await response.text()).toContain('<feed');
});

test('unknown addresses and slugs get the 404 page', async ({ page }) => {
  for (const path of [
    '/no/such/page',
    '/articles/no-such-article',
    '/tags/no-such-tag',
    '/media/nobody',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page).toHaveTitle('Page not found · Japan Immigration News');
  }
});

test.describe('without the service worker', () => {
  // The worker answers the API itself once it controls the page, and the page's routes do not
  // see its requests; offline.spec.ts covers being offline with the worker in charge.
  test.use({ serviceWorkers: 'block' });

  test('an unreachable API shows an error with Retry, which recovers', async ({ page }) => {
    // The first page arrives rendered by the server; the next one needs the API.
    await page.goto('/');
    await settled(page);
    await page.route('**/graphql?**', (route) => route.abort('connectionrefused'));
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Tags' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'The news service cannot be reached',
    );
    await page.unroute('**/graphql?**');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tags');
    await expect(page.locator('.card')).toHaveCount(17);
  });
});

test('the keyboard reaches everything, starting with the skip link', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  // The next stop after skipping is inside main, not the header.
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});

test('an article prints without navigation and with its source address', async ({
  page,
  request,
}) => {
  const { articles } = await api<{ articles: { nodes: { slug: string; sourceUrl: string }[] } }>(
    request,
    `{ articles(first: 10) { nodes { slug sourceUrl } } }`,
  );
  const withSource = articles.nodes.find((a) => a.sourceUrl?.startsWith('http'));
  expect(withSource).toBeDefined();
  await page.goto(`/articles/${withSource?.slug}`);
  await settled(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.locator('.site-search')).toBeHidden();
  await expect(page.locator('.source-url')).toBeVisible();
  await expect(page.locator('.source-url')).toHaveText(new URL(withSource?.sourceUrl ?? '').href);
});

test('robots.txt is plain text that lets crawlers read the pages', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const body = await response.text();
  expect(body).toMatch(/^User-agent: \*$/m);
  expect(body).toMatch(/^Allow: \/$/m);
  expect(body).not.toContain('<html');
});
