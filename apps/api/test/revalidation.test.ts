// Revalidations answered on the server's request event (src/revalidation.ts) must be the answers
// the GraphQL route gives: the same status and header fields, the same rate-limit budget, and
// every request the route would answer otherwise (stale tag, write, CSRF, token, CORS, 429) left
// to it. The route's own answer is read with inject(), which never passes the request event.

import { rmSync } from 'node:fs';
import { loadArchive, seedStore } from '@jin/content';
import type { ArticleInput, Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.ts';
import { listenOnLoopback, shellOnlyConfig, webDistFixture } from './processes.ts';

const archive = loadArchive();
const dist = webDistFixture();
let store: Store;

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
});

afterAll(async () => {
  await store.close();
  rmSync(dist, { recursive: true, force: true });
});

async function serve(env: Record<string, string>): Promise<{ app: FastifyInstance; url: string }> {
  const config = shellOnlyConfig(dist, env);
  const app = await buildServer(config, store, { logger: false });
  return { app, url: await listenOnLoopback(app) };
}

const QUERY = '{ tags { slug articleCount } }';
const search = (query = QUERY) => `?query=${encodeURIComponent(query)}`;
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

/** Header fields that differ between any two answers: the request's id and the clock's. */
const PER_REQUEST = ['x-request-id', 'date', 'connection', 'keep-alive', 'ratelimit-remaining'];

function comparable(headers: Record<string, string | string[] | number | undefined>) {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !PER_REQUEST.includes(name.toLowerCase()))
      .map(([name, value]) => [name.toLowerCase(), String(value)])
      .sort(([a], [b]) => (a as string).localeCompare(b as string)),
  );
}

async function get(url: string, headers: Record<string, string>, query?: string) {
  const response = await fetch(`${url}/graphql${search(query)}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('revalidation before the framework', () => {
  it('answers a kept answer’s 304 with the route’s status and header fields', async () => {
    const { app, url } = await serve({});
    try {
      const first = await get(url, PREFLIGHT);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag') as string;
      const before = app.revalidation.answered;
      const early = await get(url, { ...PREFLIGHT, 'if-none-match': etag });
      expect(early.status).toBe(304);
      expect(early.body).toBe('');
      expect(app.revalidation.answered).toBe(before + 1);
      const route = await app.inject({
        method: 'GET',
        url: `/graphql${search()}`,
        headers: { ...PREFLIGHT, 'if-none-match': etag },
      });
      expect(route.statusCode).toBe(304);
      expect(app.revalidation.answered).toBe(before + 1);
      const earlyHeaders = Object.fromEntries(early.headers);
      expect(comparable(earlyHeaders)).toEqual(comparable(route.headers));
      // The fields the comparison leaves out are there, with their own values.
      expect(earlyHeaders['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number(earlyHeaders['ratelimit-remaining'])).toBeGreaterThan(0);
      expect(comparable(earlyHeaders)).toMatchObject({
        etag,
        'cache-control': expect.stringMatching(/^public, max-age=\d+, must-revalidate$/),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'ratelimit-limit': '120',
      });
      // A client's own request id is kept, as the route keeps it.
      const named = await get(url, {
        ...PREFLIGHT,
        'if-none-match': etag,
        'x-request-id': 'abc-1',
      });
      expect(named.headers.get('x-request-id')).toBe('abc-1');
      expect(app.revalidation.answered).toBe(before + 2);
    } finally {
      await app.close();
    }
  });

  it('leaves to the route every request it would answer otherwise', async () => {
    const { app, url } = await serve({});
    try {
      const first = await get(url, PREFLIGHT);
      const etag = first.headers.get('etag') as string;
      const before = app.revalidation.answered;
      // A tag the server never gave: the kept answer, 200.
      const stale = await get(url, { ...PREFLIGHT, 'if-none-match': '"0.0-other"' });
      expect(stale.status).toBe(200);
      expect(stale.body).toBe(first.body);
      // No preflight header: the CSRF refusal.
      const simple = await get(url, { 'if-none-match': etag });
      expect(simple.status).toBe(400);
      expect(simple.body).toContain('Cross-Site Request Forgery');
      // A token that is not one: 401, never an answer from the cache.
      const token = await get(url, {
        ...PREFLIGHT,
        'if-none-match': etag,
        authorization: 'Bearer x',
      });
      expect(token.status).toBe(401);
      // A query never answered yet: run, 200.
      const other = await get(url, { ...PREFLIGHT, 'if-none-match': etag }, '{ tags { slug } }');
      expect(other.status).toBe(200);
      expect(app.revalidation.answered).toBe(before);

      // After a write the kept answer is gone with its dataset version: 200 and a new ETag.
      const input = { ...(archive.articles[0] as ArticleInput), slug: 'revalidated', title: 'R' };
      const written = await store.upsertArticle(input);
      try {
        const after = await get(url, { ...PREFLIGHT, 'if-none-match': etag });
        expect(after.status).toBe(200);
        expect(after.headers.get('etag')).not.toBe(etag);
        expect(app.revalidation.answered).toBe(before);
        const again = await get(url, {
          ...PREFLIGHT,
          'if-none-match': after.headers.get('etag') as string,
        });
        expect(again.status).toBe(304);
        expect(app.revalidation.answered).toBe(before + 1);
      } finally {
        await store.deleteArticle(written.article.id);
      }
    } finally {
      await app.close();
    }
  });

  it('counts against the same rate budget, refuses with the route’s 429, and takes once', async () => {
    const { app, url } = await serve({ JIN_RATE_LIMIT_RPS: '0.001', JIN_RATE_LIMIT_BURST: '5' });
    try {
      const first = await get(url, PREFLIGHT);
      const etag = first.headers.get('etag') as string;
      const remaining: number[] = [Number(first.headers.get('ratelimit-remaining'))];
      const statuses: number[] = [];
      // Early answers and the route's answers alternate; each takes exactly one token.
      for (let i = 0; i < 5; i++) {
        const headers = i % 2 === 0 ? { ...PREFLIGHT, 'if-none-match': etag } : PREFLIGHT;
        const reply = await get(url, headers);
        statuses.push(reply.status);
        if (reply.status !== 429) remaining.push(Number(reply.headers.get('ratelimit-remaining')));
        else expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([304, 200, 304, 200, 429]);
      expect(remaining).toEqual([4, 3, 2, 1, 0]);
      const refused = await get(url, { ...PREFLIGHT, 'if-none-match': etag });
      expect(refused.status).toBe(429);
      expect(app.revalidation.answered).toBe(2);
    } finally {
      await app.close();
    }
  });

  it('reads the client behind a trusted proxy as the route does', async () => {
    const { app, url } = await serve({
      JIN_TRUST_PROXY: 'true',
      JIN_RATE_LIMIT_RPS: '0.001',
      JIN_RATE_LIMIT_BURST: '2',
    });
    try {
      const a = { ...PREFLIGHT, 'x-forwarded-for': '203.0.113.7' };
      const b = { ...PREFLIGHT, 'x-forwarded-for': '198.51.100.9, 10.0.0.1' };
      const etag = (await get(url, a)).headers.get('etag') as string;
      expect((await get(url, { ...a, 'if-none-match': etag })).status).toBe(304);
      expect((await get(url, { ...a, 'if-none-match': etag })).status).toBe(429);
      // Another client's budget is its own, early or not.
      const other = await get(url, { ...b, 'if-none-match': etag });
      expect(other.status).toBe(304);
      expect(other.headers.get('ratelimit-remaining')).toBe('1');
      expect(app.revalidation.answered).toBe(2);
    } finally {
      await app.close();
    }
  });

  it('sends the CORS fields the route sends, and leaves cross-origin requests to it', async () => {
    const origin = 'https://example.org';
    const { app, url } = await serve({ JIN_CORS_ORIGINS: origin });
    try {
      const etag = (await get(url, PREFLIGHT)).headers.get('etag') as string;
      const early = await get(url, { ...PREFLIGHT, 'if-none-match': etag });
      expect(early.status).toBe(304);
      expect(app.revalidation.answered).toBe(1);
      const route = await app.inject({
        method: 'GET',
        url: `/graphql${search()}`,
        headers: { ...PREFLIGHT, 'if-none-match': etag },
      });
      expect(comparable(Object.fromEntries(early.headers))).toEqual(comparable(route.headers));
      expect(early.headers.get('vary')).toBe('Origin');
      const cross = await get(url, { ...PREFLIGHT, 'if-none-match': etag, origin });
      expect(cross.status).toBe(304);
      expect(cross.headers.get('access-control-allow-origin')).toBe(origin);
      expect(app.revalidation.answered).toBe(1);
    } finally {
      await app.close();
    }
  });
});
