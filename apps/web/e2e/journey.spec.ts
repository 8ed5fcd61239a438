import { expect, test } from '@playwright/test';
import { api, type ListedArticle, settled } from './support.ts';

const LIST = `query ($first: Int!) {
  articles(first: $first) {
    totalCount
    edges { node { slug title media { slug name } tags { slug name articleCount } } }
  }
}`;

test('feed → load more → article → tag table page 2 → outlet → search, then back and forward', async ({
  page,
  request,
}) => {
  const { articles } = await api<{
    articles: { totalCount: number; edges: { node: ListedArticle }[] };
  }>(request, LIST, { first: 40 });
  const listed = articles.edges.map((e) => e.node);
  // An article from the second page whose first tag has more than one page of articles.
  const chosen = listed.slice(20).find((a) => a.tags.some((t) => t.articleCount > 10));
  expect(chosen, 'the archive has an article to follow').toBeDefined();
  const target = chosen as ListedArticle;
  const bigTag = target.tags.find((t) => t.articleCount > 10) as ListedArticle['tags'][number];

  // The feed, newest first, as the API lists it.
  await page.goto('/');
  await settled(page);
  await expect(page.locator('main h1')).toHaveText('Latest news');
  const titles = page.locator('.item-list .item-title');
  await expect(titles).toHaveCount(20);
  await expect(titles.first()).toHaveText(listed[0]?.title ?? '');
  await expect(page.getByText(`Showing 20 of ${articles.totalCount} articles`)).toBeVisible();

  // Load more appends the next page by cursor, and focus moves to its first item.
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(titles).toHaveCount(40);
  await expect(titles.nth(20)).toHaveText(listed[20]?.title ?? '');
  await expect(
    page.getByRole('link', { name: listed[20]?.title ?? '', exact: true }),
  ).toBeFocused();
  expect(new Set(await titles.allTextContents()).size).toBe(40);

  // Open the chosen article from the second page.
  const link = page.locator('.item-list').getByRole('link', { name: target.title, exact: true });
  await link.scrollIntoViewIfNeeded();
  const feedScroll = await page.evaluate(() => window.scrollY);
  expect(feedScroll).toBeGreaterThan(300);
  await link.click();
  await expect(page).toHaveURL(`/articles/${target.slug}`);
  await expect(page.locator('main h1')).toHaveText(target.title);
  await expect(page).toHaveTitle(`${target.title} · Japan Immigration News`);

  // The tag's own table, page 2, matches the API's page 2 for that tag.
  const tagPage2 = await api<{
    tag: { articlePage: { pageCount: number; items: { article: { title: string } }[] } };
  }>(
    request,
    `query ($slug: String!) { tag(slug: $slug) { articlePage(page: 2, pageSize: 10) { pageCount items { article { title } } } } }`,
    { slug: bigTag.slug },
  );
  const table = page.getByRole('table', { name: `News Articles including ${bigTag.name}` });
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(10);
  const pager = page.getByRole('navigation', {
    name: `Pages of articles including ${bigTag.name}`,
  });
  await pager.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(new RegExp(`\\?${bigTag.slug}-page=2$`));
  const page2Titles = tagPage2.tag.articlePage.items.map((i) => i.article.title);
  await expect(table.locator('tbody .col-title')).toHaveText(
    page2Titles.map((t) => new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))),
  );
  await expect(pager.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');

  // The outlet's page, with its count from the API.
  const outlet = await api<{ media: { name: string; articleCount: number } }>(
    request,
    `query ($slug: String!) { media(slug: $slug) { name articleCount } }`,
    { slug: target.media?.slug },
  );
  await page.locator('.facts').getByRole('link', { name: outlet.media.name }).click();
  await expect(page).toHaveURL(`/media/${target.media?.slug}`);
  await expect(page.locator('main h1')).toHaveText(outlet.media.name);
  await expect(page.locator('.page-head .lede')).toContainText(
    `${outlet.media.articleCount} article`,
  );

  // Search from the header; matched words are marked.
  const search = await api<{
    search: { totalCount: number; edges: { node: { title: string } }[] };
  }>(request, `{ search(query: "refugee", first: 20) { totalCount edges { node { title } } } }`);
  expect(search.search.totalCount).toBeGreaterThan(0);
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.fill('refugee');
  await box.press('Enter');
  await expect(page).toHaveURL('/search?q=refugee');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText(
    `${search.search.totalCount} article`,
  );
  await expect(page.locator('.item-list .item-title').first()).toHaveText(
    search.search.edges[0]?.node.title ?? '',
  );
  const marks = page.locator('.item-list mark');
  expect(await marks.count()).toBeGreaterThan(0);
  for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toContain('refugee');

  // Back through history: outlet, the table on page 2, page 1, then the feed as it was left.
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText(outlet.media.name);
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText(target.title);
  await expect(table.locator('tbody .col-title').first()).toContainText(page2Titles[0] ?? '');
  await page.goBack();
  await expect(pager.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('Latest news');
  await expect(titles).toHaveCount(40);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(feedScroll - 80);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(feedScroll + 80);

  // And forward again to where the journey went.
  await page.goForward();
  await expect(page.locator('main h1')).toHaveText(target.title);
  await page.goForward();
  await page.goForward();
  await expect(page.locator('main h1')).toHaveText(outlet.media.name);
  await page.goForward();
  await expect(page).toHaveURL('/search?q=refugee');
  await expect(page.locator('.item-list .item-title').first()).toHaveText(
    search.search.edges[0]?.node.title ?? '',
  );
});
