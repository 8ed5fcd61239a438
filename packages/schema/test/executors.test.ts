// The compiled executor and graphql-js give the same answers to the same documents: data, and
// errors with their messages, paths, locations and extensions. (Every other schema test also
// runs under each, see execute.ts; these compare the two side by side, errors first.)

import { loadArchive, seedStore } from '@jin/content';
import { loadTimeline } from '@jin/content/timeline';
import { NotFoundError, type Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import { type ExecutionResult, GraphQLError, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledExecutor, plainExecutor } from '../src/execute.ts';
import { createContext, DEFAULT_LIMITS, schema } from '../src/index.ts';

let store: Store;

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, loadArchive());
  await store.replaceTimeline(loadTimeline());
});

/** What a client could tell apart: data, and each error as the server would start to format it. */
function seen(result: ExecutionResult) {
  return {
    data: result.data,
    errors: result.errors?.map((e) => ({
      json: JSON.parse(JSON.stringify(e.toJSON())),
      graphqlError: e instanceof GraphQLError,
      extensions: e.extensions,
      stack: e.stack?.split('\n')[0],
      original: e.originalError?.constructor.name,
      originalCode: (e.originalError as GraphQLError | undefined)?.extensions?.code,
    })),
  };
}

const ARTICLE = `fragment A on Article { id slug title releasedOn createdAt media { name homepage }
  tags { slug name articleCount } relatedArticles(first: 2) { slug } }`;

/** Name, document, variables, and the first error's code (null: no errors). */
const CASES: [string, string, Record<string, unknown>, string | null][] = [
  [
    'the feed with fragments, aliases and directives',
    `query Feed($skip: Boolean!) { articles(first: 5) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { ...A } } latest: nodes { slug @skip(if: $skip) __typename } } } ${ARTICLE}`,
    { skip: false },
    null,
  ],
  [
    'a search with snippets',
    'query($q: String!) { search(query: $q, first: 3) { totalCount edges { snippet node { slug } } } }',
    { q: 'visa' },
    null,
  ],
  [
    'numbered pages, tags and outlets',
    '{ articlePage(page: 2, pageSize: 3) { page pageCount items { article { slug } } } tags { slug } mediaOutlets { slug } }',
    {},
    null,
  ],
  [
    'the timeline with partial dates',
    '{ ruleChanges(first: 3) { nodes { slug stage effective { precision label start end } history { stage articles { slug } } } } }',
    {},
    null,
  ],
  ['a node of an unknown type', '{ node(id: "nope") { id } }', {}, 'BAD_USER_INPUT'],
  [
    'nodes with a malformed id',
    '{ nodes(ids: ["QXJ0aWNsZTow"]) { __typename id } }',
    {},
    'BAD_USER_INPUT',
  ],
  ['a page past the limit', '{ articles(first: 500) { totalCount } }', {}, 'BAD_USER_INPUT'],
  [
    'a malformed cursor',
    '{ articles(first: 1, after: "zzz") { totalCount } }',
    {},
    'BAD_USER_INPUT',
  ],
  [
    'an inverted date range',
    '{ articles(filter: { releasedFrom: "2025-02-01", releasedTo: "2024-01-01" }) { totalCount } }',
    {},
    'BAD_USER_INPUT',
  ],
  [
    'a variable that is no real date',
    'query($d: Date) { articles(filter: { releasedFrom: $d }) { totalCount } }',
    { d: '2024-02-30' },
    'BAD_USER_INPUT',
  ],
  ['a missing variable', 'query($q: String!) { search(query: $q) { totalCount } }', {}, 'uncoded'],
  [
    'a variable of the wrong type',
    'query($n: Int) { articles(first: $n) { totalCount } }',
    { n: 'ten' },
    'uncoded',
  ],
  [
    'a query over the cost limit',
    `{ articles(first: 100) { nodes { ${'relatedArticles(first: 5) { '.repeat(16)}slug${' }'.repeat(16)} } } }`,
    {},
    'QUERY_TOO_COMPLEX',
  ],
  [
    'a mutation without a token',
    'mutation { deleteArticle(input: { id: "x" }) { __typename } }',
    {},
    'UNAUTHENTICATED',
  ],
];

async function both(source: string, variables: Record<string, unknown> = {}, on = store) {
  const args = () => ({
    document: parse(source),
    variableValues: variables,
    contextValue: createContext(on, DEFAULT_LIMITS, null),
  });
  const compiled = compiledExecutor(schema);
  const js = seen(await plainExecutor(schema)(args()));
  const jit = seen(await compiled.execute(args()));
  return { js, jit, stats: compiled.stats };
}

describe('compiled and plain execution', () => {
  for (const [name, source, variables, code] of CASES) {
    it(`agree on ${name}`, async () => {
      const { js, jit, stats } = await both(source, variables);
      const first = js.errors?.[0];
      expect(first ? (first.json.extensions?.code ?? 'uncoded') : null).toBe(code);
      expect(jit).toEqual(js);
      // The compiled path was taken, not graphql-js again.
      expect(stats).toEqual({ compilations: 1, hits: 0, fallbacks: 0 });
    });
  }

  it('agree on a store error, coded, on a field loaded in batches', async () => {
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'getTagsBySlugs') return () => Promise.reject(new NotFoundError('no tag'));
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { js, jit } = await both(
      '{ articles(first: 2) { nodes { slug tags { articleCount } } } }',
      {},
      failing,
    );
    expect(js.errors?.[0]?.json.extensions.code).toBe('NOT_FOUND');
    expect(jit).toEqual(js);
  });

  it('agree on an unexpected error, passed on for the server to mask', async () => {
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'listTags') return () => Promise.reject(new Error('disk on fire'));
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { js, jit } = await both('{ tags { slug } }', {}, failing);
    expect(js.errors?.[0]?.original).toBe('Error');
    expect(jit).toEqual(js);
  });
});

describe('the compiled executor', () => {
  it('compiles a document once per operation name and keeps at most its bound', async () => {
    const { execute, stats } = compiledExecutor(schema, { maxDocuments: 2 });
    const source = 'query A { tags { slug } } query B { mediaOutlets { slug } }';
    const run = (operationName: string, text = source) =>
      execute({ document: parse(text), operationName, contextValue: createContext(store) });
    await run('A');
    await run('A');
    await run('B');
    expect(stats).toEqual({ compilations: 2, hits: 1, fallbacks: 0 });
    await run('C', 'query C { tags { name } }');
    await run('A');
    expect(stats).toEqual({ compilations: 4, hits: 1, fallbacks: 0 });
  });

  it('leaves to graphql-js what it cannot compile, once, with graphql-js’s answer', async () => {
    const { execute, stats } = compiledExecutor(schema);
    const source = 'query A { tags { slug } }';
    const run = () =>
      execute({ document: parse(source), operationName: 'Z', contextValue: createContext(store) });
    const first = await run();
    await run();
    expect(first.errors?.[0]?.message).toBe('Unknown operation named "Z".');
    expect(stats).toEqual({ compilations: 0, hits: 0, fallbacks: 2 });
  });
});
