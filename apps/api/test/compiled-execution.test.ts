// The running server executes documents compiled (graphql-jit through Apollo's gateway
// interface): each document is compiled once, later requests reuse it, and the limits, errors
// and caching around execution are as before.

import { rmSync } from 'node:fs';
import { loadArchive, seedStore } from '@jin/content';
import { openSqliteStore } from '@jin/store/sqlite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.ts';
import { listenOnLoopback, shellOnlyConfig, webDistFixture } from './processes.ts';

const dist = webDistFixture();
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  const store = openSqliteStore();
  await seedStore(store, loadArchive());
  const config = shellOnlyConfig(dist);
  app = await buildServer(config, store, { logger: false });
  url = await listenOnLoopback(app);
});

afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

const FEED =
  'query Feed($first: Int) { articles(first: $first) { nodes { slug media { name } } } }';

const post = async (body: object) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
};

describe('compiled execution in the server', () => {
  it('compiles a document once and reuses it for later requests, whatever their variables', async () => {
    const before = { ...app.graphqlExecutor.stats };
    const first = await post({ query: FEED, variables: { first: 2 } });
    const second = await post({ query: FEED, variables: { first: 3 } });
    expect(first.body.data.articles.nodes).toHaveLength(2);
    expect(second.body.data.articles.nodes).toHaveLength(3);
    expect(second.body.data.articles.nodes.slice(0, 2)).toEqual(first.body.data.articles.nodes);
    expect(app.graphqlExecutor.stats).toEqual({
      compilations: before.compilations + 1,
      hits: before.hits + 1,
      fallbacks: before.fallbacks,
    });
  });

  it('runs GET queries compiled too, and not again when the answer is cached', async () => {
    const query = encodeURIComponent('{ tags { slug } }');
    const get = () =>
      fetch(`${url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    const before = { ...app.graphqlExecutor.stats };
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    expect(app.graphqlExecutor.stats).toEqual({ ...before, compilations: before.compilations + 1 });
  });

  it('still refuses over the limits before executing, with the same error', async () => {
    const before = { ...app.graphqlExecutor.stats };
    const deep = `{ articles(first: 1) { nodes { ${'relatedArticles { '.repeat(20)}slug${' }'.repeat(20)} } } }`;
    const { status, body } = await post({ query: deep });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(app.graphqlExecutor.stats).toEqual(before);
  });

  it('codes the schema’s errors as before, through the compiled path', async () => {
    const before = { ...app.graphqlExecutor.stats };
    const { status, body } = await post({ query: '{ articles(first: 500) { totalCount } }' });
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['articles'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    expect(app.graphqlExecutor.stats.compilations).toBe(before.compilations + 1);
    expect(app.graphqlExecutor.stats.fallbacks).toBe(before.fallbacks);
  });
});

describe('limits counted once per document', () => {
  it('still counts an operation with variables every time, since its cost follows them', async () => {
    const query = `query Deep($n: Int) { articles(first: $n) { nodes {
      relatedArticles(first: 10) { relatedArticles(first: 10) { slug } } } } }`;
    const cheap = await post({ query, variables: { n: 1 } });
    expect(cheap.status).toBe(200);
    const costly = await post({ query, variables: { n: 100 } });
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});
