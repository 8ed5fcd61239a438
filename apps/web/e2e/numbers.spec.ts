// The statistics pages: rendered on the server with their charts and tables (no JavaScript
// needed), the CSV holding exactly the table's figures, each figure reachable by keyboard once the
// app runs, no axe violation in either theme, and screenshots to look at.

import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { api, expectAccessible, settled } from './support.ts';

interface Listed {
  statistics: {
    slug: string;
    title: string;
    lines: { key: string; points: { date: string }[] }[];
  }[];
}

/** The series with the most lines (then the most figures): the hardest page to draw. */
async function richestSeries(request: Parameters<typeof api>[0]) {
  const data = await api<Listed>(
    request,
    '{ statistics { slug title lines { key points { date } } } }',
  );
  expect(data.statistics.length).toBeGreaterThan(0);
  const size = (s: Listed['statistics'][number]) =>
    s.lines.length * 10_000 + s.lines.reduce((n, l) => n + l.points.length, 0);
  return [...data.statistics].sort((a, b) => size(b) - size(a))[0] as Listed['statistics'][number];
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the overview and a series page arrive with their charts and table', async ({
    page,
    request,
  }) => {
    const data = await api<Listed>(
      request,
      '{ statistics { slug title lines { key points { date } } } }',
    );
    await page.goto('/numbers');
    await expect(page.getByRole('heading', { level: 1, name: 'Numbers' })).toBeVisible();
    // One small chart per series, each an image with its title.
    const charts = page.locator('main svg[role="img"]');
    await expect(charts).toHaveCount(data.statistics.length);
    for (const series of data.statistics) {
      await expect(page.getByRole('link', { name: series.title, exact: true })).toBeVisible();
    }

    const series = await richestSeries(request);
    await page.goto(`/numbers/${series.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: series.title })).toBeVisible();
    const chart = page.locator('.chart-frame:visible svg[role="img"]');
    await expect(chart).toHaveCount(1);
    const labelledBy = (await chart.getAttribute('aria-labelledby'))?.split(' ') ?? [];
    expect(labelledBy).toHaveLength(2);
    await expect(chart.locator('title')).toHaveText(new RegExp(series.title));
    await expect(chart.locator('desc')).not.toBeEmpty();
    // Every figure of every line is drawn as a dot, and listed in the table.
    const figures = series.lines.reduce((n, l) => n + l.points.length, 0);
    await expect(chart.locator('circle.chart-dot')).toHaveCount(figures);
    await expect(page.locator('#series-table tbody tr')).toHaveCount(figures);
    // No focusable figures without the script that would show them.
    await expect(page.locator('.chart-target')).toHaveCount(0);
  });
});

test('the CSV holds the same figures as the page’s table', async ({ page, request }) => {
  const series = await richestSeries(request);
  const response = await request.get(`/numbers/${series.slug}.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers()['content-disposition']).toBe(
    `attachment; filename="${series.slug}.csv"`,
  );
  const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];

  await page.goto(`/numbers/${series.slug}`);
  await settled(page);
  const table = await page.locator('#series-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      line: tr.getAttribute('data-line'),
      date: tr.querySelector('time')?.getAttribute('datetime'),
      value: tr.querySelector('data')?.getAttribute('value'),
      period: tr.querySelectorAll('td')[1]?.textContent,
    })),
  );
  expect(
    rows.map((r) => ({ line: r.line, date: r.date, value: r.value, period: r.period })),
  ).toEqual(table);
  // The download link on the page is this file.
  await expect(page.getByRole('link', { name: /Download the figures/ })).toHaveAttribute(
    'href',
    `/numbers/${series.slug}.csv`,
  );
});

test('the numbers pages load without a console error (no refused inline style, no failed request)', async ({
  page,
  request,
}) => {
  const series = await richestSeries(request);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  for (const path of ['/numbers', `/numbers/${series.slug}`, '/tags/statistics']) {
    await page.goto(path);
    await settled(page);
  }
  expect(errors).toEqual([]);
});

test('each figure can be reached with Tab and shows its value, date and source', async ({
  page,
  request,
}) => {
  const series = await richestSeries(request);
  await page.goto(`/numbers/${series.slug}`);
  await settled(page);
  const targets = page.locator('.chart-frame:visible .chart-target');
  const figures = series.lines.reduce((n, l) => n + l.points.length, 0);
  await expect(targets).toHaveCount(figures);
  // From the link just before the chart, Tab reaches the first figure, then the next.
  await page.getByRole('link', { name: /The figures as a table/ }).focus();
  await page.keyboard.press('Tab');
  const first = targets.first();
  await expect(first).toBeFocused();
  const tooltip = page.locator('.chart-frame:visible .chart-tooltip');
  await expect(tooltip).toBeVisible();
  const label = (await first.getAttribute('aria-label')) ?? '';
  const value =
    (await page.locator('#series-table tbody tr').first().locator('data').textContent()) ?? '';
  expect(label).toContain(value);
  await expect(tooltip).toContainText(value);
  await expect(tooltip).toContainText(/Source: /);
  await expect(tooltip).toContainText(
    (await page.locator('#series-table tbody tr time').first().getAttribute('datetime')) ?? '',
  );
  await page.keyboard.press('Tab');
  await expect(targets.nth(1)).toBeFocused();
  // The pointer shows a figure too: the chart's figures are in the table's order.
  await targets.nth(2).hover();
  await expect(tooltip).toContainText(
    (await page.locator('#series-table tbody tr').nth(2).locator('data').textContent()) ?? '',
  );
});

test('an article that reports a figure links to its chart, and a tag page charts its quarters', async ({
  page,
  request,
}) => {
  const data = await api<{
    statistics: { slug: string; title: string; articles: { slug: string }[] }[];
  }>(request, '{ statistics { slug title articles { slug } } }');
  const series = data.statistics.find((s) => s.articles.length > 0);
  if (!series) throw new Error('no series is reported by an article');
  await page.goto(`/articles/${series.articles[0]?.slug}`);
  await settled(page);
  await page.getByRole('link', { name: `In numbers: ${series.title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/numbers/${series.slug}$`));
  await expect(page.getByRole('heading', { level: 1, name: series.title })).toBeVisible();

  await page.goto('/tags/statistics');
  await settled(page);
  const chart = page.locator('.quarter-chart svg[role="img"]');
  await expect(chart).toHaveCount(1);
  await expect(chart.locator('title')).toHaveText('Articles on Statistics per quarter');
  expect(await chart.locator('rect').count()).toBeGreaterThan(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the numbers pages pass axe in the ${colorScheme} theme, and look right at 360 and 1280 px`, async ({
    page,
    request,
  }) => {
    const series = await richestSeries(request);
    await page.emulateMedia({ colorScheme });
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, path] of [
        ['numbers', '/numbers'],
        ['series', `/numbers/${series.slug}`],
      ] as const) {
        await page.goto(path);
        await settled(page);
        await expectAccessible(page);
        await page.screenshot({
          path: `test-results/screenshots/${name}-${width}-${colorScheme}.png`,
          fullPage: true,
        });
      }
    }
  });
}
