import { expect, type Request, test } from '@playwright/test';
import { settled } from './support.ts';

/** Every request the page makes to the API, with what its answer said. */
function recordApiRequests(page: import('@playwright/test').Page) {
  const seen: { request: Request; status: number; errors: unknown }[] = [];
  page.on('requestfinished', async (request) => {
    if (new URL(request.url()).pathname !== '/graphql') return;
    const response = await request.response();
    const body = (await response?.json().catch(() => null)) as { errors?: unknown } | null;
    seen.push({ request, status: response?.status() ?? 0, errors: body?.errors });
  });
  return seen;
}

test('the reader app asks the API only by GET with document ids, on the feed and an article', async ({
  page,
}) => {
  const seen = recordApiRequests(page);
  await page.goto('/');
  await settled(page);
  // The rendered page came with its data; these reads are the app's own.
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.locator('.item-list .item-title')).toHaveCount(40);
  await page.locator('.item-list .item-title a').nth(25).click();
  await expect(page).toHaveURL(/\/articles\//);
  await settled(page);
  await page.locator('main a[href^="/tags/"]').first().click();
  await expect(page).toHaveURL(/\/tags\//);
  await settled(page);

  await expect.poll(() => seen.length).toBeGreaterThanOrEqual(3);
  for (const { request, status, errors } of seen) {
    const url = new URL(request.url());
    expect(request.method(), url.search).toBe('GET');
    expect(url.searchParams.has('query'), url.search).toBe(false);
    const extensions = JSON.parse(url.searchParams.get('extensions') ?? '{}');
    expect(extensions.persistedQuery?.sha256Hash, url.search).toMatch(/^[0-9a-f]{64}$/);
    expect(url.search.length).toBeLessThan(600);
    expect(status, url.search).toBe(200);
    expect(errors, url.search).toBeUndefined();
  }
});
