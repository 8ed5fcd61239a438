// Helpers for the browser tests: ask the API directly for the expected content, and run axe.

import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page } from '@playwright/test';

export async function api<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await request.get('/graphql', {
    params: { query, variables: JSON.stringify(variables) },
    headers: { 'apollo-require-preflight': 'true' },
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Waits until the page's own content has rendered and nothing is loading. */
export async function settled(page: Page) {
  // The app has taken over the server-rendered page (app.tsx), so links and buttons are live.
  await expect(page.locator('html[data-app="ready"]')).toHaveCount(1);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
}

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

export interface ListedArticle {
  slug: string;
  title: string;
  media: { slug: string; name: string } | null;
  tags: { slug: string; name: string; articleCount: number }[];
}

interface Linked {
  slug: string;
  title: string;
}

export interface StoryPlace {
  article: Linked;
  story: string;
  earlier: Linked[];
  later: Linked[];
}

interface StoryPage {
  articles: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: (Linked & {
      stories: { story: { title: string }; earlier: Linked[]; later: Linked[] }[];
    })[];
  };
}

/** An article in the middle of a story (with articles both before and after it), from the API. */
export async function articleInStory(request: APIRequestContext): Promise<StoryPlace> {
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const { articles }: StoryPage = await api<StoryPage>(
      request,
      `query ($after: String) { articles(first: 10, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { slug title stories { story { title } earlier { slug title } later { slug title } } }
      } }`,
      { after },
    );
    for (const node of articles.nodes) {
      const place = node.stories.find((s) => s.earlier.length > 0 && s.later.length > 0);
      if (place) {
        const { slug, title } = node;
        return {
          article: { slug, title },
          story: place.story.title,
          earlier: place.earlier,
          later: place.later,
        };
      }
    }
    if (!articles.pageInfo.hasNextPage) break;
    after = articles.pageInfo.endCursor;
  }
  throw new Error('no article sits between two others in a story');
}

/** One example of each kind of page, chosen from the live data. */
export async function pageTypes(request: APIRequestContext) {
  const data = await api<{
    articles: { edges: { node: ListedArticle }[] };
  }>(
    request,
    `{ articles(first: 1) { edges { node { slug title media { slug name } tags { slug name articleCount } } } } }`,
  );
  const first = data.articles.edges[0]?.node as ListedArticle;
  const inStory = await articleInStory(request);
  return {
    feed: '/',
    article: `/articles/${first.slug}`,
    'article-in-story': `/articles/${inStory.article.slug}`,
    timeline: '/timeline',
    tags: '/tags',
    tag: `/tags/${first.tags[0]?.slug}`,
    outlets: '/media',
    outlet: `/media/${first.media?.slug}`,
    search: '/search?q=refugee',
    saved: '/saved',
    'not-found': '/no/such/page',
  };
}
