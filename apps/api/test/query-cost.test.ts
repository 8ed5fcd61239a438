// The cost of a query in the answer, when the request asks for it: measured by the same
// calculation that enforces the limits, so a server whose limit is just below it refuses it.

import { loadArchive, seedStore } from '@jin/content';
import type { Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { COST_EXTENSION } from '../src/limits.ts';
import { buildServer } from '../src/server.ts';
import { listenOnLoopback } from './processes.ts';

const servers: FastifyInstance[] = [];
let store: Store;
let url: string;

async function start(env: Record<string, string> = {}): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    LOG_LEVEL: 'silent',
    JIN_RATE_LIMIT_RPS: '0',
    ...env,
  });
  const app = await buildServer(config, store, { logger: false });
  servers.push(app);
  return listenOnLoopback(app);
}

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, loadArchive());
  url = await start();
});
afterAll(async () => {
  for (const app of servers) await app.close();
});

const listQuery = (first: number) =>
  `{ articles(first: ${first}) { nodes { title tags { name } media { name } } } }`;

async function post(base: string, query: string, extensions?: unknown) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, ...(extensions ? { extensions } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('extensions.cost', () => {
  it('is sent when the request asks, with the limits, and grows with the page size', async () => {
    const small = await post(url, listQuery(2), { [COST_EXTENSION]: true });
    const large = await post(url, listQuery(20), { [COST_EXTENSION]: true });
    expect(small.status).toBe(200);
    expect(small.body.data.articles.nodes).toHaveLength(2);
    const cost = small.body.extensions[COST_EXTENSION];
    expect(cost).toEqual({
      complexity: expect.any(Number),
      depth: 4,
      breadth: expect.any(Number),
      limits: { complexity: 5000, depth: 15, breadth: expect.any(Number) },
    });
    expect(large.body.extensions[COST_EXTENSION].complexity).toBeGreaterThan(cost.complexity);
    expect(large.body.extensions[COST_EXTENSION].depth).toBe(4);
  });

  it('is the cost the limit is held to: a limit one below it refuses the query', async () => {
    const { body } = await post(url, listQuery(20), { [COST_EXTENSION]: true });
    const { complexity } = body.extensions[COST_EXTENSION];
    const tight = await start({ JIN_MAX_COMPLEXITY: String(complexity - 1) });
    const refused = await post(tight, listQuery(20));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      value: complexity,
      max: complexity - 1,
    });
    const exact = await start({ JIN_MAX_COMPLEXITY: String(complexity) });
    const allowed = await post(exact, listQuery(20), { [COST_EXTENSION]: true });
    expect(allowed.status).toBe(200);
    expect(allowed.body.extensions[COST_EXTENSION].limits.complexity).toBe(complexity);
  });

  it('is not sent unless asked, over POST or GET (whose URL holds the ask)', async () => {
    const plain = await post(url, listQuery(2));
    expect(plain.body.extensions?.[COST_EXTENSION]).toBeUndefined();
    const notTrue = await post(url, listQuery(2), { [COST_EXTENSION]: 'yes' });
    expect(notTrue.body.extensions?.[COST_EXTENSION]).toBeUndefined();
    const get = async (extensions?: unknown) => {
      const params = new URLSearchParams({ query: listQuery(2) });
      if (extensions) params.set('extensions', JSON.stringify(extensions));
      const response = await fetch(`${url}/graphql?${params}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      return (await response.json()) as any;
    };
    // Twice each, so the second of each comes from the response cache.
    for (let i = 0; i < 2; i++) {
      expect((await get({ [COST_EXTENSION]: true })).extensions[COST_EXTENSION].depth).toBe(4);
      expect((await get()).extensions?.[COST_EXTENSION]).toBeUndefined();
    }
  });
});
