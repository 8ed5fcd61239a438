// The timeline: rule changes in effective-date order with their stages and articles, filters,
// keyset paging both ways, story threads, and the whole timeline replaced all or nothing.

import { expect, it } from 'vitest';
import { InvalidInputError, InvalidQueryError } from '../src/errors.ts';
import {
  parsePartialDate,
  type RuleChange,
  type RuleChangeFilter,
  type RuleChangeInput,
  type TimelineInput,
} from '../src/timeline.ts';
import type { ContractContext } from './fixture.ts';

const change = (
  slug: string,
  stages: [RuleChangeInput['stages'][number]['stage'], string, number[]][],
  extra: Partial<RuleChangeInput> = {},
): RuleChangeInput => ({
  slug,
  statement: `The rule called ${slug} changes what applicants must show when they apply.`,
  tags: ['policy'],
  statuses: [],
  stages: stages.map(([stage, date, articles]) => ({
    stage,
    date,
    articles: articles.map((n) => `article-${n}`),
  })),
  ...extra,
});

/** Eight changes with every precision, tie on dates, future and past, tags and statuses. */
export function fixtureTimeline(): TimelineInput {
  return {
    ruleChanges: [
      change(
        'skills-status',
        [
          ['proposed', '2018-11-02', [1]],
          ['enacted', '2018-12-08', [2]],
          ['in-force', '2019-04-01', [3]],
        ],
        { tags: ['workers', 'policy'], statuses: ['specified-skilled-worker-i'] },
      ),
      change('caps', [['cabinet-decided', '2026-01-23', [4]]], {
        tags: ['workers'],
        statuses: ['specified-skilled-worker-i', 'employment-for-skill-development'],
      }),
      change(
        'new-training',
        [
          ['enacted', '2024-06-14', [5]],
          ['in-force', 'FY2027', [6, 7]],
        ],
        { tags: ['workers'], statuses: ['employment-for-skill-development'] },
      ),
      change('entry-screening', [
        ['cabinet-decided', '2026-03-10', [8]],
        ['in-force', 'FY2028', [8]],
      ]),
      change(
        'asylum-limit',
        [
          ['enacted', '2023-06-09', [9]],
          ['in-force', '2024-06', [10]],
        ],
        { tags: ['refugees'], statuses: ['refugee-protection'] },
      ),
      change(
        'withdrawn-bill',
        [
          ['cabinet-decided', '2021-02-19', [11]],
          ['withdrawn', '2021-05-18', [12]],
        ],
        { tags: ['refugees'] },
      ),
      change('same-day-a', [['in-force', '2025-10-16', [13]]], { tags: ['students'] }),
      change('same-day-b', [['in-force', '2025-10-16', [13, 14]]], { tags: ['statistics'] }),
    ],
    stories: [
      {
        slug: 'training-reform',
        title: 'Training reform',
        summary: 'The training programme replaced.',
        articles: ['article-7', 'article-5', 'article-6'],
      },
      {
        slug: 'asylum',
        title: 'Asylum law',
        summary: 'The asylum rules amended.',
        articles: ['article-9', 'article-10'],
      },
    ],
  };
}

/** Oracle: slugs in timeline order for a filter, computed from the fixture alone. */
function expected(input: TimelineInput, filter: RuleChangeFilter): string[] {
  return input.ruleChanges
    .map((c, i) => {
      const effective = parsePartialDate(
        (c.stages.findLast((s) => s.stage === 'in-force') ?? c.stages.at(-1))?.date as string,
      );
      return { c, i, start: effective?.start as string, end: effective?.end as string };
    })
    .filter(({ c, start, end }) => {
      if (filter.from && end < filter.from) return false;
      if (filter.to && start > filter.to) return false;
      if (filter.tags && !filter.tags.some((t) => c.tags.includes(t))) return false;
      if (filter.statuses && !filter.statuses.some((s) => c.statuses.includes(s))) return false;
      if (filter.stages && !filter.stages.includes(c.stages.at(-1)?.stage as never)) return false;
      return true;
    })
    .sort((a, b) => a.start.localeCompare(b.start) || a.i - b.i)
    .map(({ c }) => c.slug);
}

export function timelineTests(ctx: ContractContext): void {
  const setUp = async () => {
    const input = fixtureTimeline();
    expect(await ctx.store.replaceTimeline(input)).toEqual({ ruleChanges: 8, stories: 2 });
    return input;
  };
  const idOf = (n: number) => ctx.all.find((a) => a.slug === `article-${n}`)?.id as number;

  it('keeps rule changes with their history, current stage and effective date', async () => {
    await setUp();
    const { items } = await ctx.store.listRuleChanges({ first: 100 });
    const training = items.find((c) => c.slug === 'new-training') as RuleChange;
    expect(training.stage).toBe('in-force');
    expect(training.effective).toEqual({
      value: 'FY2027',
      precision: 'fiscal-year',
      start: '2027-04-01',
      end: '2028-03-31',
    });
    expect(training.history.map((s) => [s.stage, s.date.value, s.articleIds])).toEqual([
      ['enacted', '2024-06-14', [idOf(5)]],
      ['in-force', 'FY2027', [idOf(6), idOf(7)].sort((a, b) => a - b)],
    ]);
    expect(training.statuses).toEqual(['employment-for-skill-development']);
    const withdrawn = items.find((c) => c.slug === 'withdrawn-bill') as RuleChange;
    expect(withdrawn.stage).toBe('withdrawn');
    expect(withdrawn.effective.value).toBe('2021-05-18');
    const skills = items.find((c) => c.slug === 'skills-status') as RuleChange;
    expect(skills.tags).toEqual(['workers', 'policy']);
    expect(await ctx.store.getRuleChangesBySlugs([skills.slug, 'nothing'])).toEqual([skills, null]);
  });

  it('lists in effective-date order and filters by dates, tags, statuses and stages', async () => {
    const input = await setUp();
    const filters: RuleChangeFilter[] = [
      {},
      { from: '2026-01-01' },
      { to: '2024-06-30' },
      { from: '2024-06-15', to: '2024-06-15' },
      { from: '2027-05-01', to: '2027-05-31' },
      { tags: ['refugees', 'students'] },
      { statuses: ['employment-for-skill-development'] },
      { stages: ['in-force'] },
      { stages: ['cabinet-decided', 'withdrawn'], tags: ['refugees'] },
      { from: '2030-01-01' },
    ];
    for (const filter of filters) {
      const slice = await ctx.store.listRuleChanges({ filter, first: 100 });
      const want = expected(input, filter);
      expect(
        slice.items.map((c) => c.slug),
        JSON.stringify(filter),
      ).toEqual(want);
      expect(slice.totalCount).toBe(want.length);
    }
  });

  it('pages forward and backward by keyset, breaking date ties by id', async () => {
    const input = await setUp();
    const all = expected(input, {});
    for (const size of [1, 2, 3, 5]) {
      const forward: string[] = [];
      let after: { start: string; id: number } | undefined;
      let first = true;
      for (;;) {
        const slice = await ctx.store.listRuleChanges({ first: size, after });
        expect(slice.hasPreviousPage).toBe(!first);
        forward.push(...slice.items.map((c) => c.slug));
        if (!slice.hasNextPage) break;
        const last = slice.items.at(-1) as RuleChange;
        after = { start: last.effective.start, id: last.id };
        first = false;
      }
      expect(forward).toEqual(all);
      const backward: string[] = [];
      let before: { start: string; id: number } | undefined;
      for (;;) {
        const slice = await ctx.store.listRuleChanges({ last: size, before });
        backward.unshift(...slice.items.map((c) => c.slug));
        if (!slice.hasPreviousPage) break;
        const head = slice.items[0] as RuleChange;
        before = { start: head.effective.start, id: head.id };
      }
      expect(backward).toEqual(all);
    }
  });

  it('refuses bad list arguments', async () => {
    await setUp();
    for (const query of [
      { first: 101 },
      { first: 1, last: 1 },
      { filter: { from: '2024-13-01' } },
      { filter: { from: '2025-01-02', to: '2025-01-01' } },
      { filter: { tags: ['a', 'b', 'c', 'd', 'e', 'f'] } },
    ]) {
      await expect(ctx.store.listRuleChanges(query)).rejects.toBeInstanceOf(InvalidQueryError);
    }
  });

  it('gives each article its rule changes and its stories, in release order', async () => {
    await setUp();
    const [eight, thirteen, none] = await ctx.store.ruleChangesForArticles([
      idOf(8),
      idOf(13),
      idOf(30),
    ]);
    expect(eight?.map((c) => c.slug)).toEqual(['entry-screening']);
    expect(thirteen?.map((c) => c.slug)).toEqual(['same-day-a', 'same-day-b']);
    expect(none).toEqual([]);
    const [stories] = await ctx.store.storiesForArticles([idOf(6)]);
    expect(stories?.map((s) => s.slug)).toEqual(['training-reform']);
    const story = stories?.[0];
    const byDate = [5, 6, 7]
      .map((n) => ctx.all.find((a) => a.slug === `article-${n}`))
      .sort((a, b) => (a?.releasedOn ?? '').localeCompare(b?.releasedOn ?? '') || 0);
    expect(story?.articleIds.map((id) => ctx.all.find((a) => a.id === id)?.releasedOn)).toEqual(
      byDate.map((a) => a?.releasedOn),
    );
    expect(await ctx.store.getStoriesBySlugs([story?.slug as string])).toEqual([story]);
  });

  it('replaces the timeline all or nothing, and changes the dataset version only on a change', async () => {
    const input = await setUp();
    const version = await ctx.store.datasetVersion();
    await ctx.store.replaceTimeline(fixtureTimeline());
    expect(await ctx.store.datasetVersion()).toBe(version);

    const broken = fixtureTimeline();
    (broken.ruleChanges[2] as RuleChangeInput).stages[0]?.articles.push('no-such-article');
    const error = await ctx.store.replaceTimeline(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('ruleChanges.new-training.stages.0.articles.1');
    expect((await ctx.store.listRuleChanges({ first: 100 })).totalCount).toBe(8);

    for (const bad of [
      { ...input, ruleChanges: [change('x', [['in-force', '2024-02-30', [1]]])] },
      { ...input, ruleChanges: [change('x', [['in-force', '2024', []]])] },
      { ...input, ruleChanges: [change('x', [['in-force', '2024', [1]]], { tags: ['nope'] })] },
      {
        ...input,
        ruleChanges: [change('x', [['in-force', '2024', [1]]], { statuses: ['tourist'] })],
      },
      {
        ...input,
        ruleChanges: [
          change('x', [
            ['in-force', '2024-05-01', [1]],
            ['proposed', '2023-01-01', [1]],
          ]),
        ],
      },
      { ...input, stories: [{ slug: 's', title: 'S', summary: 'S.', articles: ['article-1'] }] },
    ]) {
      await expect(ctx.store.replaceTimeline(bad)).rejects.toBeInstanceOf(InvalidInputError);
    }
    expect((await ctx.store.listRuleChanges({ first: 100 })).totalCount).toBe(8);

    await ctx.store.replaceTimeline({ ruleChanges: input.ruleChanges.slice(0, 2), stories: [] });
    expect(await ctx.store.datasetVersion()).not.toBe(version);
    expect((await ctx.store.listRuleChanges({ first: 100 })).totalCount).toBe(2);
    expect(await ctx.store.storiesForArticles([idOf(6)])).toEqual([[]]);
  });

  it('links an article deleted and imported again when the same timeline is loaded again', async () => {
    await setUp();
    const input = ctx.all.find((a) => a.slug === 'article-7');
    if (!input) throw new Error('no article-7');
    await ctx.store.deleteArticle(input.id);
    await ctx.store.upsertArticle({
      slug: input.slug,
      title: input.title,
      releasedOn: input.releasedOn,
      media: { name: input.media.name },
      summary: input.summary,
      tags: input.tags.map((t) => t.slug),
    });
    const again = (await ctx.store.getArticleBySlug('article-7'))?.id as number;
    expect(again).not.toBe(input.id);
    const version = await ctx.store.datasetVersion();
    await ctx.store.replaceTimeline(fixtureTimeline());
    expect(await ctx.store.datasetVersion()).not.toBe(version);
    const [training] = await ctx.store.getRuleChangesBySlugs(['new-training']);
    expect(training?.history[1]?.articleIds).toContain(again);
  });

  it('drops a deleted article from the stages and stories it backed', async () => {
    await setUp();
    await ctx.store.deleteArticle(idOf(7));
    const [training] = (await ctx.store.listRuleChanges({ first: 100 })).items.filter(
      (c) => c.slug === 'new-training',
    );
    expect(training?.history[1]?.articleIds).toEqual([idOf(6)]);
    const [stories] = await ctx.store.storiesForArticles([idOf(5)]);
    expect(stories?.[0]?.articleIds).toHaveLength(2);
  });
}
