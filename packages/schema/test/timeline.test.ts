import { loadArchive, seedStore } from '@jin/content';
import { loadTimeline } from '@jin/content/timeline';
import { todayInJapan } from '@jin/site';
import { parsePartialDate, type Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import { type ExecutionResult, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, schema } from '../src/index.ts';
import { counting } from './counting.ts';
import { execute } from './execute.ts';

let store: Store;
const archive = loadArchive();
const timeline = loadTimeline();

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
  await store.replaceTimeline(timeline);
});

async function run(
  source: string,
  variables: Record<string, unknown> = {},
  on: Store = store,
): Promise<ExecutionResult & { data: Record<string, any> }> {
  return (await execute({
    schema,
    document: parse(source),
    variableValues: variables,
    contextValue: createContext(on),
  })) as ExecutionResult & { data: Record<string, any> };
}

/** Oracle: slugs in timeline order, from the files alone. */
function expectedOrder(keep: (c: (typeof timeline.ruleChanges)[number]) => boolean): string[] {
  return timeline.ruleChanges
    .filter(keep)
    .map((c) => {
      const effective = c.stages.findLast((s) => s.stage === 'in-force') ?? c.stages.at(-1);
      return { slug: c.slug, start: parsePartialDate(effective?.date ?? '')?.start ?? '' };
    })
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((c) => c.slug);
}

const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $filter: RuleChangeFilter) {
  ruleChanges(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { slug effective { start } }
  }
}`;

describe('ruleChanges', () => {
  it('lists every rule change in effective-date order, walked forward and backward', async () => {
    const want = expectedOrder(() => true);
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data, errors } = await run(PAGE, { first: 7, after });
      expect(errors).toBeUndefined();
      expect(data.ruleChanges.totalCount).toBe(want.length);
      forward.push(...data.ruleChanges.nodes.map((n: { slug: string }) => n.slug));
      if (!data.ruleChanges.pageInfo.hasNextPage) break;
      after = data.ruleChanges.pageInfo.endCursor;
    }
    // Ties on a date go in the order the files were loaded (their ids): the oracle's stable sort.
    expect(forward).toEqual(want);
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const { data } = await run(PAGE, { last: 7, before });
      backward.unshift(...data.ruleChanges.nodes.map((n: { slug: string }) => n.slug));
      if (!data.ruleChanges.pageInfo.hasPreviousPage) break;
      before = data.ruleChanges.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
    const { data } = await run(PAGE, { first: 100 });
    const dates = data.ruleChanges.nodes.map(
      (n: { effective: { start: string } }) => n.effective.start,
    );
    expect(dates).toEqual([...dates].sort());
  });

  it('answers “what changes for Specified Skilled Workers in the next twelve months”', async () => {
    const today = todayInJapan();
    const inAYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    const { data, errors } = await run(PAGE, {
      first: 100,
      filter: {
        from: today,
        to: inAYear,
        statuses: ['specified-skilled-worker-i', 'specified-skilled-worker-ii'],
      },
    });
    expect(errors).toBeUndefined();
    const want = expectedOrder((c) => {
      const effective = c.stages.findLast((s) => s.stage === 'in-force') ?? c.stages.at(-1);
      const date = parsePartialDate(effective?.date ?? '');
      return (
        !!date &&
        date.end >= today &&
        date.start <= inAYear &&
        c.statuses.some((s) => s.startsWith('specified-skilled-worker'))
      );
    });
    expect([...data.ruleChanges.nodes.map((n: { slug: string }) => n.slug)].sort()).toEqual(
      [...want].sort(),
    );
  });

  it('gives a change its stages in order, with dates, precision and articles', async () => {
    const { data, errors } = await run(`{
      ruleChange(slug: "business-manager-requirements-tightened") {
        id stage upcoming statement
        effective { value precision label }
        statuses { slug name }
        tags { slug }
        history { stage date { value precision label } articles { slug } }
        articles { slug }
      }
    }`);
    expect(errors).toBeUndefined();
    const change = data.ruleChange;
    expect(change.stage).toBe('IN_FORCE');
    expect(change.effective).toEqual({
      value: '2025-10-16',
      precision: 'DAY',
      label: '16 October 2025',
    });
    expect(change.upcoming).toBe(false);
    expect(change.statuses).toEqual([{ slug: 'business-manager', name: 'Business Manager' }]);
    const file = timeline.ruleChanges.find(
      (c) => c.slug === 'business-manager-requirements-tightened',
    );
    expect(change.history.map((s: { date: { value: string } }) => s.date.value)).toEqual(
      file?.stages.map((s) => s.date),
    );
    expect(change.history[0].articles.map((a: { slug: string }) => a.slug)).toEqual(
      file?.stages[0]?.articles,
    );
    const node = await run('query ($id: ID!) { node(id: $id) { ... on RuleChange { slug } } }', {
      id: change.id,
    });
    expect(node.data.node).toEqual({ slug: 'business-manager-requirements-tightened' });
  });

  it('refuses a forged cursor and a bad date as bad input', async () => {
    for (const variables of [
      { first: 5, after: 'bm90LWEtY3Vyc29y' },
      { first: 5, filter: { from: '2025-02-30' } },
      { first: 101 },
    ]) {
      const { errors } = await run(PAGE, variables);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('articles in the timeline', () => {
  it('know their rule changes and their stories, earlier and later', async () => {
    const story = timeline.stories.find((s) => s.articles.length >= 3);
    const middle = story?.articles[1] as string;
    const { data, errors } = await run(
      `query ($slug: String!) { article(slug: $slug) {
        ruleChanges { slug }
        stories { story { slug title } earlier { slug } later { slug } }
      } }`,
      { slug: middle },
    );
    expect(errors).toBeUndefined();
    const place = data.article.stories.find(
      (p: { story: { slug: string } }) => p.story.slug === story?.slug,
    );
    expect(place.earlier.map((a: { slug: string }) => a.slug)).toEqual(story?.articles.slice(0, 1));
    expect(place.later.map((a: { slug: string }) => a.slug)).toEqual(story?.articles.slice(2));
    const reporting = timeline.ruleChanges
      .filter((c) => c.stages.some((s) => s.articles.includes(middle)))
      .map((c) => c.slug);
    expect(data.article.ruleChanges.map((c: { slug: string }) => c.slug).sort()).toEqual(
      reporting.sort(),
    );
  });

  it('load the rule changes and stories of a whole page in one store call each', async () => {
    const { store: counted, calls } = counting(store);
    const { errors } = await run(
      '{ articles(first: 20) { nodes { ruleChanges { slug history { articles { slug } } } stories { story { slug } earlier { slug } } } } }',
      {},
      counted,
    );
    expect(errors).toBeUndefined();
    expect(calls.filter((c) => c === 'ruleChangesForArticles')).toHaveLength(1);
    expect(calls.filter((c) => c === 'storiesForArticles')).toHaveLength(1);
    expect(calls.filter((c) => c === 'getArticlesByIds').length).toBeLessThanOrEqual(1);
  });
});
