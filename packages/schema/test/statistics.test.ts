import { fileURLToPath } from 'node:url';
import { loadArchive, seedStore } from '@jin/content';
import { loadStatistics } from '@jin/content/statistics';
import { quarterOf, type Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import { type ExecutionResult, execute, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, schema } from '../src/index.ts';
import { counting } from './counting.ts';

let store: Store;
const archive = loadArchive();
const slugs = new Set(archive.articles.map((a) => a.slug));
const FIXTURES = fileURLToPath(new URL('../../content/fixtures', import.meta.url));
// The fixture series, and the archive's own series when their files pass.
const fixture = loadStatistics(FIXTURES, slugs).series;
const bySlug = new Map(archive.articles.map((a) => [a.slug, a]));

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
  await store.replaceStatistics(fixture);
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

const SERIES = `query ($slug: String!) {
  series(slug: $slug) {
    id slug title unit publisher
    lines { key label points { date period value approx sources { official articles { slug } } } }
    notes { date text }
    latest { date value }
    change { previous { date value } difference percent }
    articles { slug releasedOn }
  }
}`;

describe('statistics', () => {
  const series = fixture[0];
  if (!series) throw new Error('the fixture has a series');

  it('gives a series with its lines, points, sources and notes as the files have them', async () => {
    const { data, errors } = await run(SERIES, { slug: series.slug });
    expect(errors).toBeUndefined();
    expect(data.series.unit).toBe(series.unit);
    expect(data.series.lines).toEqual(
      series.lines.map((line) => ({
        key: line.key,
        label: line.label,
        points: line.points.map((p) => ({
          date: p.date,
          period: p.period,
          value: p.value,
          approx: p.approx,
          sources: { official: p.official, articles: p.articles.map((slug) => ({ slug })) },
        })),
      })),
    );
    expect(data.series.notes).toEqual(series.notes);
  });

  it('gives the latest figure of the first line and its change from the one before', async () => {
    const { data } = await run(SERIES, { slug: series.slug });
    const points = series.lines[0]?.points ?? [];
    const [previous, latest] = points.slice(-2) as [(typeof points)[0], (typeof points)[0]];
    expect(data.series.latest).toEqual({ date: latest.date, value: latest.value });
    expect(data.series.change.previous).toEqual({ date: previous.date, value: previous.value });
    expect(data.series.change.difference).toBe(latest.value - previous.value);
    expect(data.series.change.percent).toBeCloseTo(
      ((latest.value - previous.value) / previous.value) * 100,
      10,
    );
    const cited = new Set(series.lines.flatMap((l) => l.points.flatMap((p) => p.articles)));
    const dates = data.series.articles.map((a: { releasedOn: string }) => a.releasedOn);
    expect(data.series.articles.map((a: { slug: string }) => a.slug).sort()).toEqual(
      [...cited].sort(),
    );
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('lists every series, finds one by node id, and answers null for an unknown slug', async () => {
    const { data } = await run('{ statistics { id slug } }');
    expect(data.statistics.map((s: { slug: string }) => s.slug)).toEqual([series.slug]);
    const node = await run('query ($id: ID!) { node(id: $id) { ... on Series { slug } } }', {
      id: data.statistics[0].id,
    });
    expect(node.data.node).toEqual({ slug: series.slug });
    expect((await run(SERIES, { slug: 'no-such-series' })).data.series).toBeNull();
  });

  it('links an article to the series it reports, for a whole page in one store call', async () => {
    const cited = series.lines[0]?.points.at(-1)?.articles[0] as string;
    const { store: watched, calls } = counting(store);
    const { data, errors } = await run(
      '{ articles(first: 30) { nodes { slug series { slug title } } } }',
      {},
      watched,
    );
    expect(errors).toBeUndefined();
    for (const node of data.articles.nodes) {
      const reports = series.lines.some((l) =>
        l.points.some((p) => p.articles.includes(node.slug)),
      );
      expect(node.series, node.slug).toEqual(
        reports ? [{ slug: series.slug, title: series.title }] : [],
      );
    }
    expect(calls.filter((c) => c === 'seriesForArticles')).toHaveLength(1);
    const one = await run('query ($slug: String!) { article(slug: $slug) { series { slug } } }', {
      slug: cited,
    });
    expect(one.data.article.series).toEqual([{ slug: series.slug }]);
  });

  it('counts a tag’s articles per quarter', async () => {
    const { data } = await run(
      '{ tag(slug: "statistics") { articlesPerQuarter { quarter count } } }',
    );
    const counts = new Map<string, number>();
    for (const article of bySlug.values()) {
      if (!article.tags.includes('statistics')) continue;
      counts.set(
        quarterOf(article.releasedOn),
        (counts.get(quarterOf(article.releasedOn)) ?? 0) + 1,
      );
    }
    expect(data.tag.articlesPerQuarter).toEqual(
      [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([quarter, count]) => ({ quarter, count })),
    );
  });
});
