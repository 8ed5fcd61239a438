// The timeline against the real site: its filters in the URL, with and without JavaScript, the
// question it is for ("what changes for Specified Skilled Workers in the next twelve months"),
// its calendar and feed links, and the story links of an article.

import { dayBefore, todayInJapan } from '@jin/site';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { api, articleInStory, settled } from './support.ts';

const SSW = 'specified-skilled-worker-i';

interface Listed {
  ruleChanges: { totalCount: number; nodes: { slug: string; upcoming: boolean }[] };
}

const LIST = `query ($filter: RuleChangeFilter!, $first: Int, $last: Int) {
  ruleChanges(filter: $filter, first: $first, last: $last) { totalCount nodes { slug upcoming } }
}`;

/** What the timeline should show for a filter: what is to come, soonest first; then the rest, latest first. */
async function expected(request: APIRequestContext, filter: Record<string, unknown> = {}) {
  const today = todayInJapan();
  const coming = await api<Listed>(request, LIST, {
    filter: { ...filter, from: today },
    first: 25,
  });
  const before = await api<Listed>(request, LIST, {
    filter: { ...filter, to: dayBefore(today) },
    last: 25,
  });
  return {
    upcoming: coming.ruleChanges.nodes.map((n) => n.slug),
    past: before.ruleChanges.nodes
      .filter((n) => !n.upcoming)
      .map((n) => n.slug)
      .reverse(),
  };
}

const entryIds = (page: Page, section: string) =>
  page
    .getByRole('region', { name: section })
    .locator('.timeline-entry')
    .evaluateAll((entries) => entries.map((e) => e.id));

test('choosing a status narrows the timeline, lives in the URL, and back restores it', async ({
  page,
  request,
}) => {
  const all = await expected(request);
  const ssw = await expected(request, { statuses: [SSW] });
  expect(ssw.upcoming.length + ssw.past.length).toBeGreaterThan(0);
  expect(ssw.upcoming.length + ssw.past.length).toBeLessThan(all.upcoming.length + all.past.length);

  await page.goto('/timeline');
  await settled(page);
  await expect(page.locator('main h1')).toHaveText('What changes when');
  expect(await entryIds(page, 'Coming up')).toEqual(all.upcoming);
  expect(await entryIds(page, 'Before today')).toEqual(all.past);

  await page.getByRole('combobox', { name: 'Status of residence' }).selectOption(SSW);
  await page.getByRole('button', { name: 'Show changes' }).click();
  await expect(page).toHaveURL(`/timeline?status=${SSW}`);
  await expect(page.getByText(/Showing changes for Specified Skilled Worker \(i\)/)).toBeVisible();
  await expect.poll(() => entryIds(page, 'Before today')).toEqual(ssw.past);
  expect(await entryIds(page, 'Coming up')).toEqual(ssw.upcoming);

  await page.goBack();
  await expect(page).toHaveURL('/timeline');
  await expect.poll(() => entryIds(page, 'Before today')).toEqual(all.past);
  await expect(page.getByRole('combobox', { name: 'Status of residence' })).toHaveValue('');
});

test('without JavaScript the filter form still narrows the timeline', async ({
  browser,
  request,
}) => {
  const ssw = await expected(request, { statuses: [SSW] });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/timeline');
  await page.getByRole('combobox', { name: 'Status of residence' }).selectOption(SSW);
  await page.getByRole('button', { name: 'Show changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/timeline\\?status=${SSW}&`));
  expect(await entryIds(page, 'Before today')).toEqual(ssw.past);
  expect(await entryIds(page, 'Coming up')).toEqual(ssw.upcoming);
  await context.close();
});

test('what changes for Specified Skilled Workers in the next twelve months: one page answers', async ({
  page,
  request,
}) => {
  const today = todayInJapan();
  const yearOn = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const within = await api<Listed>(request, LIST, {
    filter: { statuses: [SSW], from: today, to: yearOn },
    first: 25,
  });
  const soon = within.ruleChanges.nodes.map((n) => n.slug);

  await page.goto(`/timeline?status=${SSW}`);
  await settled(page);
  // What takes effect within the year comes first, soonest first; anything later follows it.
  const coming = await entryIds(page, 'Coming up');
  expect(coming.slice(0, soon.length)).toEqual(soon);
  if (coming.length === 0) {
    await expect(page.getByText('No changes still to come match these filters.')).toBeVisible();
  }
  for (const slug of coming) {
    await expect(page.locator(`[id="${slug}"]`)).toContainText('Specified Skilled Worker (i)');
  }
  // Today is marked between what is to come and what has already changed.
  const marker = page.locator('#today');
  await expect(marker).toBeVisible();
  await expect(marker).toContainText('Today');
  await expect(marker.locator('time')).toHaveAttribute('datetime', today);
  const order = await page.evaluate(() => {
    const at = (el: Element | null) => (el ? el.getBoundingClientRect().top + window.scrollY : NaN);
    const [coming, before] = [...document.querySelectorAll('.timeline-section')];
    return [at(coming ?? null), at(document.getElementById('today')), at(before ?? null)];
  });
  expect(order).toEqual([...order].sort((a, b) => a - b));
  // The latest of the earlier changes for the status is right below the marker.
  const { past } = await expected(request, { statuses: [SSW] });
  const latest = page
    .getByRole('region', { name: 'Before today' })
    .locator('.timeline-entry')
    .first();
  if (past[0]) await expect(latest).toHaveAttribute('id', past[0]);
  await expect(page).toHaveTitle(/What changes when, for Specified Skilled Worker \(i\)/);
});

test('the timeline links its calendars and its feed, and each entry can be linked to', async ({
  page,
  request,
}) => {
  await page.goto('/timeline');
  await settled(page);
  await expect(page.getByRole('link', { name: /Calendar of all changes/ })).toHaveAttribute(
    'href',
    '/calendar.ics',
  );
  await expect(page.getByRole('link', { name: 'Atom feed of the timeline' })).toHaveAttribute(
    'href',
    '/feeds/timeline/atom.xml',
  );

  const { tag } = await api<{ tag: { name: string } }>(
    request,
    `{ tag(slug: "visa-rules") { name } }`,
  );
  await page.goto('/timeline?tag=visa-rules');
  await settled(page);
  await expect(
    page.getByRole('link', { name: `Calendar of changes about ${tag.name} (.ics)` }),
  ).toHaveAttribute('href', '/calendar/tags/visa-rules.ics');

  // The oldest change, beyond the first page of earlier ones, is found from its address alone.
  const oldest = await api<Listed>(request, LIST, { filter: {}, first: 1 });
  const slug = oldest.ruleChanges.nodes[0]?.slug as string;
  await page.goto(`/timeline#${slug}`);
  await settled(page);
  await expect(page.locator(`[id="${slug}"]`)).toBeInViewport();
});

test("an article's story links lead to the earlier and the later articles", async ({
  page,
  request,
}) => {
  const place = await articleInStory(request);
  const earlier = place.earlier.at(-1) as { slug: string; title: string };
  const later = place.later[0] as { slug: string; title: string };

  await page.goto(`/articles/${place.article.slug}`);
  await settled(page);
  const story = page.getByRole('region', { name: `The story so far: ${place.story}` });
  await expect(story.getByText('This article')).toBeVisible();
  await story.getByRole('link', { name: earlier.title, exact: true }).click();
  await expect(page).toHaveURL(`/articles/${earlier.slug}`);
  await expect(page.locator('main h1')).toHaveText(earlier.title);

  await page.goBack();
  await expect(page.locator('main h1')).toHaveText(place.article.title);
  await page
    .getByRole('region', { name: `The story so far: ${place.story}` })
    .getByRole('link', { name: later.title, exact: true })
    .click();
  await expect(page).toHaveURL(`/articles/${later.slug}`);
  await expect(page.locator('main h1')).toHaveText(later.title);
});
