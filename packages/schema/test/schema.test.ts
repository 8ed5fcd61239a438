// The schema against the seeded archive: fields, connections, batching, costs and errors.
// Kept whole: its cases share one seeded store and the walking and counting helpers.

import { readFileSync } from 'node:fs';
import { loadArchive, seedStore } from '@jin/content';
import type { Store } from '@jin/store';
import { openSqliteStore, SqliteStore } from '@jin/store/sqlite';
import {
  type ExecutionResult,
  type GraphQLArgument,
  type GraphQLField,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  printSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, schema } from '../src/index.ts';
import { counting } from './counting.ts';
import { execute } from './execute.ts';

let store: Store;
const archive = loadArchive();

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
});

async function run(
  source: string,
  variables: Record<string, unknown> = {},
  on: Store = store,
): Promise<ExecutionResult & { data: Record<string, any> }> {
  const result = await execute({
    schema,
    document: parse(source),
    variableValues: variables,
    contextValue: createContext(on),
  });
  return result as ExecutionResult & { data: Record<string, any> };
}

/**
 * Every slug of a connection, read page by page: forward with `first`, backward with `last`.
 * The query takes $first, $after, $last and $before.
 */
async function walkConnection(
  query: string,
  field: string,
  page: { first: number } | { last: number },
  on: Store = store,
): Promise<string[]> {
  const slugs: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const variables: Record<string, unknown> =
      'first' in page ? { ...page, after: cursor } : { ...page, before: cursor };
    const c: any = (await run(query, variables, on)).data[field];
    const found: string[] = c.edges.map((e: any) => e.node.slug);
    expect(c.pageInfo.startCursor).toBe(c.edges[0]?.cursor ?? null);
    expect(c.pageInfo.endCursor).toBe(c.edges.at(-1)?.cursor ?? null);
    if ('first' in page) slugs.push(...found);
    else slugs.unshift(...found);
    const more = 'first' in page ? c.pageInfo.hasNextPage : c.pageInfo.hasPreviousPage;
    if (!more) return slugs;
    cursor = 'first' in page ? c.pageInfo.endCursor : c.pageInfo.startCursor;
  }
}

const codes = (r: ExecutionResult) => r.errors?.map((e) => e.extensions?.code);

describe('printed schema', () => {
  it('matches the committed schema.graphql', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(`${printSchema(schema)}\n`).toBe(committed);
  });

  it('describes every type, field and argument', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      )
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of ((field as GraphQLField<unknown, unknown>).args ??
            []) as GraphQLArgument[]) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(missing.join(', ')).toBe('');
  });
});

describe('queries', () => {
  it('lists the newest articles with media and tags', async () => {
    const r = await run(
      `{ articles(first: 3) { totalCount edges { cursor node { title releasedOn media { name } tags { slug articleCount } } } pageInfo { hasNextPage hasPreviousPage } } }`,
    );
    expect(r.errors).toBeUndefined();
    const dates = archive.articles
      .map((a) => a.releasedOn)
      .sort()
      .reverse();
    expect(r.data.articles.totalCount).toBe(archive.articles.length);
    expect(r.data.articles.edges.map((e: any) => e.node.releasedOn)).toEqual(dates.slice(0, 3));
    expect(r.data.articles.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(r.data.articles.edges[0].node.tags[0].articleCount).toBeGreaterThanOrEqual(3);
  });

  it('finds an article by slug and by global id, with structured summary and related articles', async () => {
    const sample = archive.articles.find((a) => a.summary.includes('\n- ')) ?? archive.articles[0];
    const bySlug = await run(
      `query($slug: String!) { article(slug: $slug) { id slug title readingTimeMinutes excerpt(words: 8)
        summaryBlocks { __typename ... on SummaryParagraph { text } ... on SummaryList { ordered items } ... on SummaryHeading { text } }
        relatedArticles(first: 3) { slug tags { slug } } tags { slug } media { slug name } } }`,
      { slug: sample?.slug },
    );
    expect(bySlug.errors).toBeUndefined();
    const article = bySlug.data.article;
    expect(article.title).toBe(sample?.title);
    expect(
      article.summaryBlocks.some((b: any) => b.__typename === 'SummaryList' && b.items.length > 0),
    ).toBe(true);
    expect(article.summaryBlocks[0].__typename).toBe('SummaryParagraph');
    expect(article.excerpt.split(' ').length).toBeLessThanOrEqual(8);
    expect(article.relatedArticles).toHaveLength(3);
    const own = new Set(article.tags.map((t: any) => t.slug));
    for (const related of article.relatedArticles) {
      expect(related.slug).not.toBe(article.slug);
      expect(related.tags.some((t: any) => own.has(t.slug))).toBe(true);
    }
    const byId = await run(
      `query($id: ID!) { article(id: $id) { slug } node(id: $id) { ... on Article { title } } }`,
      { id: article.id },
    );
    expect(byId.data.article.slug).toBe(sample?.slug);
    expect(byId.data.node.title).toBe(sample?.title);
    const missing = await run(`{ article(slug: "no-such-article") { slug } }`);
    expect(missing.data.article).toBeNull();
  });

  it('serves tags and outlets with counts and numbered pages', async () => {
    const r =
      await run(`{ tags { slug name articleCount } tag(slug: "statistics") { name articlePage(page: 2, pageSize: 5) { page pageCount totalCount items { article { releasedOn tags { slug } } } } }
      mediaOutlets { slug articleCount } media(slug: "the-japan-times") { name articles(first: 2) { totalCount } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.tags).toHaveLength(17);
    const stats = archive.articles.filter((a) => a.tags.includes('statistics'));
    expect(r.data.tag.articlePage.totalCount).toBe(stats.length);
    expect(r.data.tag.articlePage.pageCount).toBe(Math.ceil(stats.length / 5));
    for (const item of r.data.tag.articlePage.items) {
      expect(item.article.tags.map((t: any) => t.slug)).toContain('statistics');
    }
    const jt = archive.articles.filter((a) => a.media.slug === 'the-japan-times').length;
    expect(r.data.media.articles.totalCount).toBe(jt);
    expect(r.data.mediaOutlets.find((m: any) => m.slug === 'the-japan-times').articleCount).toBe(
      jt,
    );
  });

  it('searches with highlighted snippets and relevance order', async () => {
    const r = await run(
      `{ search(query: "refugee", first: 5) { totalCount edges { node { title } snippet { text highlighted } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.search.totalCount).toBeGreaterThan(5);
    for (const edge of r.data.search.edges) {
      const marked = edge.snippet
        .filter((p: any) => p.highlighted)
        .map((p: any) => p.text.toLowerCase());
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.every((m: string) => m.startsWith('refugee'))).toBe(true);
    }
    const hostile = await run(
      `{ search(query: "\\"unbalanced AND title:x * 🙂 入管", first: 5) { totalCount } }`,
    );
    expect(hostile.errors).toBeUndefined();
  });

  it('filters by tags, media, dates and text together', async () => {
    const r = await run(
      `query($f: ArticleFilter) { articles(first: 100, filter: $f) { totalCount nodes { releasedOn media { slug } tags { slug } } } }`,
      {
        f: {
          tags: { anyOf: ['statistics', 'students'] },
          releasedFrom: '2024-01-01',
          releasedTo: '2025-12-31',
        },
      },
    );
    const want = archive.articles.filter(
      (a) =>
        a.tags.some((t) => t === 'statistics' || t === 'students') &&
        a.releasedOn >= '2024-01-01' &&
        a.releasedOn <= '2025-12-31',
    );
    expect(r.data.articles.totalCount).toBe(want.length);
    expect(r.data.articles.nodes).toHaveLength(want.length);
  });
});

describe('relay conformance', () => {
  for (const size of [1, 2, 7, 100]) {
    it(`walks the whole archive forward and backward at page size ${size}`, async () => {
      const q = `query($first: Int, $after: String, $last: Int, $before: String) {
        articles(first: $first, after: $after, last: $last, before: $before) {
          edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
      const forward = await walkConnection(q, 'articles', { first: size });
      const backward = await walkConnection(q, 'articles', { last: size });
      const expected = [...archive.articles]
        .sort((a, b) => b.releasedOn.localeCompare(a.releasedOn))
        .map((a) => a.releasedOn);
      expect(forward).toHaveLength(archive.articles.length);
      expect(new Set(forward).size).toBe(forward.length);
      expect(backward).toEqual(forward);
      const dates = new Map(archive.articles.map((a) => [a.slug, a.releasedOn]));
      expect(forward.map((s) => dates.get(s))).toEqual(expected);
    });
  }
});

describe('search in tiers', () => {
  it('walks a search ranked in tiers of 5 forward and backward through cursors', async () => {
    const tiered = new SqliteStore({ path: ':memory:', rankWindow: 5 });
    await seedStore(tiered, archive);
    const q = `query($first: Int, $after: String, $last: Int, $before: String) {
      search(query: "visa", first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { slug } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const forward = await walkConnection(q, 'search', { first: 3 }, tiered);
    const backward = await walkConnection(q, 'search', { last: 4 }, tiered);
    const total = (await run(q, { first: 1 }, tiered)).data.search.totalCount;
    expect(total).toBeGreaterThan(10);
    expect(forward).toHaveLength(total);
    expect(new Set(forward).size).toBe(total);
    expect(backward).toEqual(forward);
    // The first tier is the five newest matches.
    const dates = new Map(archive.articles.map((a) => [a.slug, a.releasedOn]));
    const newest = forward
      .map((s) => dates.get(s) as string)
      .sort()
      .reverse();
    const firstTier = forward.slice(0, 5).map((s) => dates.get(s) as string);
    expect(Math.min(...firstTier.map(Date.parse))).toBeGreaterThanOrEqual(
      Date.parse(newest[4] as string),
    );
    await tiered.close();
  });
});

describe('errors', () => {
  const cases: [string, string, Record<string, unknown>, string, RegExp][] = [
    [
      'first above 100',
      '{ articles(first: 101) { totalCount } }',
      {},
      'BAD_USER_INPUT',
      /first must be between 0 and 100/,
    ],
    [
      'a malformed cursor',
      '{ articles(first: 2, after: "nonsense!") { totalCount } }',
      {},
      'BAD_USER_INPUT',
      /not a valid cursor/,
    ],
    [
      'a forged cursor',
      `{ articles(first: 2, after: "${Buffer.from('d|2024-99-99|1').toString('base64url')}") { totalCount } }`,
      {},
      'BAD_USER_INPUT',
      /not a valid cursor/,
    ],
    [
      'a cursor with a bad tier',
      `{ search(query: "visa", first: 2, after: "${Buffer.from('r|-1.5|3|x').toString('base64url')}") { totalCount } }`,
      {},
      'BAD_USER_INPUT',
      /not a valid cursor/,
    ],
    ['a malformed id', '{ node(id: "xyz") { id } }', {}, 'BAD_USER_INPUT', /not a valid ID/],
    [
      'an inverted date range',
      '{ articles(filter: { releasedFrom: "2025-01-01", releasedTo: "2024-01-01" }) { totalCount } }',
      {},
      'BAD_USER_INPUT',
      /later than releasedTo/,
    ],
    [
      'an impossible date',
      'query($d: Date) { articles(filter: { releasedFrom: $d }) { totalCount } }',
      { d: '2024-02-30' },
      'BAD_USER_INPUT',
      /YYYY-MM-DD/,
    ],
    [
      'page 0',
      '{ articlePage(page: 0) { totalCount } }',
      {},
      'BAD_USER_INPUT',
      /page must be at least 1/,
    ],
    [
      'page size 500',
      '{ articlePage(page: 1, pageSize: 500) { totalCount } }',
      {},
      'BAD_USER_INPUT',
      /pageSize is at most 100/,
    ],
    [
      'both slug and id',
      '{ article(slug: "a", id: "b") { slug } }',
      {},
      'BAD_USER_INPUT',
      /exactly one/,
    ],
    [
      'a too costly query',
      '{ articles(first: 100) { nodes { relatedArticles(first: 20) { relatedArticles(first: 20) { title } } } } }',
      {},
      'QUERY_TOO_COMPLEX',
      /complexity is \d+, above the limit of 5000/,
    ],
  ];
  for (const [label, source, variables, code, message] of cases) {
    it(`answers ${label} with ${code}`, async () => {
      const r = await run(source, variables);
      expect(codes(r)).toContain(code);
      expect(r.errors?.map((e) => e.message).join(' ')).toMatch(message);
    });
  }
});

describe('batching', () => {
  it('loads a page of articles with media, tags and related articles in a fixed number of store calls', async () => {
    const doc = (n: number) =>
      `{ articles(first: ${n}) { edges { node { title media { name articleCount } tags { name articleCount } relatedArticles(first: 3) { title media { name } } } } } }`;
    const small = counting(store);
    await run(doc(2), {}, small.store);
    const large = counting(store);
    const r = await run(doc(40), {}, large.store);
    expect(r.errors).toBeUndefined();
    expect(large.calls.length).toBe(small.calls.length);
    expect(large.calls.length).toBeLessThanOrEqual(6);
  });
});
