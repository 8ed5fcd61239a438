// Statistics series: replaced all or nothing (and not at all when unchanged), read back whole by
// title and by slug, the series an article reports, and a tag's articles per quarter.

import { expect, it } from 'vitest';
import { InvalidInputError } from '../src/errors.ts';
import { quarterOf, type SeriesInput } from '../src/statistics.ts';
import type { ContractContext } from './fixture.ts';

const point = (
  date: string,
  value: number,
  articles: number[],
  official: string | null = null,
) => ({
  date,
  period: `the period ending ${date}`,
  value,
  approx: false,
  articles: articles.map((n) => `article-${n}`),
  official,
});

/** Two series: one with two lines (a gap in the second), notes and an official-only point. */
export function fixtureStatistics(): SeriesInput[] {
  return [
    {
      slug: 'residents',
      title: 'Residents',
      description: 'Residents counted at the end of June and December.',
      unit: 'persons',
      publisher: 'A statistics office',
      lines: [
        {
          key: 'total',
          label: 'All residents',
          points: [
            point('2023-06-30', 3223858, [1]),
            point('2023-12-31', 3410992, [2, 3]),
            point('2024-06-30', 3588956, [], 'https://example.org/stats/2024-06'),
          ],
        },
        {
          key: 'students',
          label: 'Students',
          points: [point('2023-06-30', 300638.5, [1]), point('2024-06-30', 360000, [4])],
        },
      ],
      notes: [{ date: '2023-12-31', text: 'Counted by a new method from here on.' }],
    },
    {
      slug: 'applications',
      title: 'Applications',
      description: 'Applications received in each year.',
      unit: 'applications',
      publisher: 'A ministry',
      lines: [{ key: 'all', label: 'All', points: [point('2022-12-31', 3772, [5])] }],
      notes: [],
    },
  ];
}

export function statisticsTests(ctx: ContractContext): void {
  it('statistics: reads every series back whole, by title, with points oldest first', async () => {
    const input = fixtureStatistics();
    expect(await ctx.store.replaceStatistics(input)).toEqual({ series: 2, changed: true });
    const listed = await ctx.store.listSeries();
    expect(listed.map((s) => s.slug)).toEqual(['applications', 'residents']);
    const residents = listed[1];
    expect(residents?.unit).toBe('persons');
    expect(residents?.notes).toEqual(input[0]?.notes);
    expect(residents?.lines.map((l) => l.key)).toEqual(['total', 'students']);
    const idOf = new Map(ctx.all.map((a) => [a.slug, a.id]));
    const expectedLines = input[0]?.lines.map((line) => ({
      key: line.key,
      label: line.label,
      points: line.points.map(({ articles, ...rest }) => ({
        ...rest,
        articleIds: expect.arrayContaining(articles.map((slug) => idOf.get(slug))),
      })),
    }));
    expect(residents?.lines).toEqual(expectedLines);
    // Every reporting article once, newest first.
    const reporting = ctx.all
      .filter((a) => ['article-1', 'article-2', 'article-3', 'article-4'].includes(a.slug))
      .sort((a, b) => b.releasedOn.localeCompare(a.releasedOn) || b.id - a.id)
      .map((a) => a.id);
    expect(residents?.articleIds).toEqual(reporting);
  });

  it('statistics: by slug in the order asked for, null for an unknown slug', async () => {
    await ctx.store.replaceStatistics(fixtureStatistics());
    const found = await ctx.store.getSeriesBySlugs(['residents', 'nope', 'applications']);
    expect(found.map((s) => s?.slug ?? null)).toEqual(['residents', null, 'applications']);
    expect(await ctx.store.getSeriesBySlugs([])).toEqual([]);
  });

  it('statistics: the same series again change nothing, a changed value changes the version', async () => {
    await ctx.store.replaceStatistics(fixtureStatistics());
    const version = await ctx.store.datasetVersion();
    expect(await ctx.store.replaceStatistics(fixtureStatistics())).toEqual({
      series: 2,
      changed: false,
    });
    expect(await ctx.store.datasetVersion()).toBe(version);
    const edited = fixtureStatistics();
    (edited[1]?.lines[0]?.points[0] as { value: number }).value = 3773;
    expect((await ctx.store.replaceStatistics(edited)).changed).toBe(true);
    expect(await ctx.store.datasetVersion()).not.toBe(version);
    const [applications] = await ctx.store.getSeriesBySlugs(['applications']);
    expect(applications?.lines[0]?.points[0]?.value).toBe(3773);
    // A series left out is gone.
    await ctx.store.replaceStatistics(edited.slice(0, 1));
    expect((await ctx.store.listSeries()).map((s) => s.slug)).toEqual(['residents']);
  });

  it('statistics: an invalid series is refused by name and field, and nothing is written', async () => {
    await ctx.store.replaceStatistics(fixtureStatistics());
    const version = await ctx.store.datasetVersion();
    const cases: [string, (input: SeriesInput[]) => void][] = [
      [
        'residents.lines.0.points.1.sources.articles.0',
        (i) => {
          (i[0]?.lines[0]?.points[1] as { articles: string[] }).articles = ['no-such-article'];
        },
      ],
      [
        'residents.lines.1.points.1.date',
        (i) => {
          (i[0]?.lines[1]?.points[1] as { date: string }).date = '2023-06-30';
        },
      ],
      [
        'residents.lines.0.points.2.date',
        (i) => {
          (i[0]?.lines[0]?.points[2] as { date: string }).date = '2022-01-31';
        },
      ],
      ['applications.unit', (i) => Object.assign(i[1] as object, { unit: 'Person' })],
      [
        'applications.lines.0.points.0.sources',
        (i) => {
          (i[1]?.lines[0]?.points[0] as { articles: string[] }).articles = [];
        },
      ],
      ['residents.slug', (i) => Object.assign(i[1] as object, { slug: 'residents' })],
    ];
    for (const [field, spoil] of cases) {
      const input = fixtureStatistics();
      (input[1]?.lines[0]?.points[0] as { value: number }).value = 1;
      spoil(input);
      const error = await ctx.store.replaceStatistics(input).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((i) => i.field)).toContain(field);
    }
    expect(await ctx.store.datasetVersion()).toBe(version);
    const [applications] = await ctx.store.getSeriesBySlugs(['applications']);
    expect(applications?.lines[0]?.points[0]?.value).toBe(3772);
  });

  it('statistics: the series each article reports a figure of', async () => {
    await ctx.store.replaceStatistics(fixtureStatistics());
    const id = (n: number) => ctx.all.find((a) => a.slug === `article-${n}`)?.id as number;
    const lists = await ctx.store.seriesForArticles([id(1), id(5), id(9)]);
    expect(lists.map((list) => list.map((s) => s.slug))).toEqual([
      ['residents'],
      ['applications'],
      [],
    ]);
    await ctx.store.deleteArticle(id(5));
    const [applications] = await ctx.store.getSeriesBySlugs(['applications']);
    expect(applications?.articleIds).toEqual([]);
  });

  it('statistics: a tag’s articles per quarter, oldest first', async () => {
    for (const tag of ['workers', 'refugees', 'no-such-tag']) {
      const counts = new Map<string, number>();
      for (const article of ctx.all) {
        if (!article.tags.some((t) => t.slug === tag)) continue;
        const quarter = quarterOf(article.releasedOn);
        counts.set(quarter, (counts.get(quarter) ?? 0) + 1);
      }
      const want = [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([quarter, count]) => ({ quarter, count }));
      expect(await ctx.store.articlesPerQuarter(tag), tag).toEqual(want);
    }
  });
}
