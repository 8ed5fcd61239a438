// Requests of the classes an outside probe used against the running site: repeated parameters,
// conditional requests, cross-site GETs, request ids, token guessing, oversized lists, answers too
// large to keep, and writes that meet another writer's lock.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArchive, seedStore } from '@jin/content';
import type { Store } from '@jin/store';
import { SqliteStore } from '@jin/store/sqlite';
import { SqliteTokenStore } from '@jin/store/tokens';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth.ts';
import { loadConfig } from '../src/config.ts';
import { etagFor, requestHash } from '../src/response-cache.ts';
import { buildServer } from '../src/server.ts';
import { listenOnLoopback } from './processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'jin-hardening-'));
const path = join(dir, 'site.sqlite');
const servers: FastifyInstance[] = [];
let store: SqliteStore;
const listCalls: string[] = [];

/** Counts the store's list reads, to see which answers were computed and which were kept. */
function counting(inner: Store): Store {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'listArticles') listCalls.push(JSON.stringify(args[0]));
        return value.apply(target, args);
      };
    },
  });
}

async function start(env: Record<string, string> = {}): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    LOG_LEVEL: 'silent',
    JIN_RATE_LIMIT_RPS: '0',
    ...env,
  });
  const app = await buildServer(config, counting(store), {
    logger: false,
    tokens: new SqliteTokenStore(store),
  });
  servers.push(app);
  return listenOnLoopback(app);
}

let url: string;
beforeAll(async () => {
  store = new SqliteStore({ path, writeWaitMs: 100 });
  await seedStore(store, loadArchive());
  const tokens = new SqliteTokenStore(store);
  await tokens.createToken({
    name: 'desk',
    tokenHash: hashToken('desk-secret'),
    scopes: ['write'],
  });
  url = await start();
});
afterAll(async () => {
  for (const app of servers) await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const PREFLIGHT = { 'apollo-require-preflight': 'true' };
const get = (base: string, search: string, headers: Record<string, string> = PREFLIGHT) =>
  fetch(`${base}/graphql?${search}`, { headers });
const q = (query: string, extra: Record<string, string> = {}) =>
  new URLSearchParams({ query, ...extra }).toString();
const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const code = async (response: Response) =>
  ((await response.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]
    ?.extensions.code;

describe('GET requests', () => {
  it('refuses a parameter given twice with 400, whichever it is', async () => {
    for (const name of ['query', 'variables', 'operationName', 'extensions']) {
      const search = `${q('{ tags { slug } }')}&${name}=a&${name}=b`;
      const response = await get(url, search);
      expect(response.status, name).toBe(400);
      expect(await code(response)).toBe('BAD_REQUEST');
    }
  });

  it('asks for the CSRF preflight header on kept answers as on new ones', async () => {
    const search = q('{ tags { slug name } }');
    expect((await get(url, search, {})).status).toBe(400);
    expect((await get(url, search)).status).toBe(200);
    // Now kept: still refused without the header, and with a simple content type.
    const again = await get(url, search, {});
    expect(again.status).toBe(400);
    expect(await code(again)).toBe('BAD_REQUEST');
    expect((await get(url, search, { 'content-type': 'text/plain' })).status).toBe(400);
    expect((await get(url, search, { 'content-type': 'application/json' })).status).toBe(200);
  });

  it('answers 304 only for the tag of an answer that succeeded', async () => {
    const search = q('{ mediaOutlets { slug } }');
    const first = await get(url, search);
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^".+"$/);
    expect((await get(url, search, { ...PREFLIGHT, 'if-none-match': etag })).status).toBe(304);
    // `*` is not a tag this server gave: a full answer.
    const star = await get(url, search, { ...PREFLIGHT, 'if-none-match': '*' });
    expect(star.status).toBe(200);
    expect(await star.text()).toContain('mediaOutlets');
    // A query that fails is never "not modified", even with the tag it would have had.
    const broken = '{ articles(first: 500) { totalCount } }';
    const version = await store.datasetVersion();
    const forged = etagFor(version, requestHash(broken, '', ''));
    for (const inm of ['*', forged]) {
      const response = await get(url, q(broken), { ...PREFLIGHT, 'if-none-match': inm });
      expect(response.status, inm).toBe(200);
      expect(await code(response)).toBe('BAD_USER_INPUT');
    }
    const invalid = await get(url, q('{ nope }'), { ...PREFLIGHT, 'if-none-match': '*' });
    expect(invalid.status).toBe(400);
    // A fresh answer whose tag the client already has (kept or not) is a 304 too.
    const fresh = await start();
    expect((await get(fresh, search, { ...PREFLIGHT, 'if-none-match': etag })).status).toBe(304);
  });

  it('does not keep an answer larger than the limit, and keeps answers within the byte budget', async () => {
    const page = (n: number) =>
      q(`{ articles(first: 10) { nodes { title excerpt(words: ${5 + n}) } } }`);
    const size = (await (await get(url, page(19))).arrayBuffer()).byteLength;
    // Room for about five answers of that size, and none larger than two of them.
    const small = await start({
      JIN_RESPONSE_CACHE_BYTES: String(6 * size),
      JIN_CACHE_MAX_ENTRY_BYTES: String(Math.max(1024, 2 * size)),
    });
    const large = q('{ articles(first: 100) { nodes { summary } } }');
    listCalls.length = 0;
    for (let i = 0; i < 3; i++) expect((await get(small, large)).status).toBe(200);
    expect(listCalls).toHaveLength(3);

    // Twenty different answers: the budget keeps the latest few, not the first.
    listCalls.length = 0;
    for (let n = 0; n < 20; n++) await get(small, page(n));
    expect(listCalls).toHaveLength(20);
    listCalls.length = 0;
    await get(small, page(19));
    expect(listCalls).toHaveLength(0);
    await get(small, page(0));
    expect(listCalls).toHaveLength(1);
  });
});

describe('requests and tokens', () => {
  it('keeps a plain request id and replaces a long or odd one', async () => {
    const id = async (value: string) =>
      (await post(url, { query: '{ __typename }' }, { 'x-request-id': value })).headers.get(
        'x-request-id',
      );
    expect(await id('edge-42.a:b')).toBe('edge-42.a:b');
    for (const value of ['x'.repeat(8 * 1024), 'has space', 'new\u00e9line', '']) {
      const got = await id(value);
      expect(got).not.toBe(value);
      expect(got).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('counts refused tokens against the client rate', async () => {
    const limited = await start({ JIN_RATE_LIMIT_RPS: '0.001', JIN_RATE_LIMIT_BURST: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await post(
        limited,
        { query: '{ __typename }' },
        { authorization: `Bearer guess-${i}` },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // A valid token is not limited.
    const editor = await post(
      limited,
      { query: '{ __typename }' },
      { authorization: 'Bearer desk-secret' },
    );
    expect(editor.status).toBe(200);
  });

  it('answers 401 to an anonymous mutation and keeps `http` out of the error', async () => {
    const response = await post(url, {
      query: 'mutation { deleteArticle(input: { id: "QXJ0aWNsZTox" }) { __typename } }',
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]?.extensions).not.toHaveProperty('http');
  });

  it('answers a persisted-query hash that does not match with 400', async () => {
    const response = await post(url, {
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(response.status).toBe(400);
    expect(await code(response)).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('refuses more than 100 ids in one nodes() call', async () => {
    const ids = Array.from({ length: 101 }, (_, i) =>
      Buffer.from(`Article:${i + 1}`).toString('base64url'),
    );
    const body = (await (
      await post(url, {
        query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        variables: { ids },
      })
    ).json()) as { errors?: { message: string; extensions: { code: string } }[] };
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/at most 100/);
  });
});

describe('writers and readers', () => {
  it('answers reads while another writer holds the lock, and a blocked write with 503', async () => {
    const other = new SqliteStore({ path });
    other.db.exec('BEGIN IMMEDIATE');
    try {
      const read = await post(
        url,
        { query: '{ articles(first: 1) { totalCount } }' },
        { authorization: 'Bearer desk-secret' },
      );
      expect(read.status).toBe(200);
      const write = await post(
        url,
        {
          query: 'mutation($id: ID!) { deleteArticle(input: { id: $id }) { __typename } }',
          variables: { id: Buffer.from('Article:1').toString('base64url') },
        },
        { authorization: 'Bearer desk-secret' },
      );
      expect(write.status).toBe(503);
      expect(write.headers.get('retry-after')).toBe('1');
      const body = (await write.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors[0]?.extensions.code).toBe('STORE_BUSY');
      expect(body.errors[0]?.extensions).not.toHaveProperty('http');
    } finally {
      other.db.exec('ROLLBACK');
      await other.close();
    }
    expect(await store.getArticleById(1)).not.toBeNull();
  });
});
