import { loadArchive, seedStore } from '@jin/content';
import { openSqliteStore, type SqliteStore } from '@jin/store/sqlite';
import { SqliteTokenStore } from '@jin/store/tokens';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth.ts';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { listenOnLoopback } from './processes.ts';

const archive = loadArchive();
const servers: FastifyInstance[] = [];
let store: SqliteStore;

async function start(env: Record<string, string>): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'silent', ...env });
  const app = await buildServer(config, store, {
    logger: false,
    tokens: new SqliteTokenStore(store),
  });
  servers.push(app);
  return listenOnLoopback(app);
}

let url: string;
beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
  const tokens = new SqliteTokenStore(store);
  await tokens.createToken({
    name: 'writer',
    tokenHash: hashToken('writer-secret'),
    scopes: ['write'],
  });
  await tokens.createToken({ name: 'old', tokenHash: hashToken('old-secret'), scopes: ['write'] });
  await tokens.revokeToken('old');
  url = await start({ JIN_RATE_LIMIT_RPS: '0', JIN_CORS_ORIGINS: 'https://partner.example.org' });
});
afterAll(async () => {
  for (const app of servers) await app.close();
});

const gql = (
  base: string,
  query: string,
  variables: unknown = {},
  headers: Record<string, string> = {},
) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });

const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) {
  __typename ... on ArticlePayload { article { id slug } } ... on InvalidInputError { fields { field } } } }`;
const input = {
  title: 'A test article from the editorial desk',
  releasedOn: '2026-03-01',
  media: 'the-japan-times',
  summary: 'Body text.',
  tags: ['statistics'],
};

describe('authenticated writes over HTTP', () => {
  it('refuses writes without a token, with a bad header and with a revoked token', async () => {
    const anonymous = (await (await gql(url, CREATE, { input })).json()) as any;
    expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const authorization of ['Bearer old-secret', 'Bearer nope', 'Basic abc']) {
      const response = await gql(url, CREATE, { input }, { authorization });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(await store.getArticleBySlug('a-test-article-from-the-editorial-desk')).toBeNull();
  });

  it('writes with a valid token, and the write invalidates cached GETs', async () => {
    const query = '{ articles(first: 1) { nodes { slug } } }';
    const get = (headers: Record<string, string> = {}) =>
      fetch(`${url}/graphql?query=${encodeURIComponent(query)}`, {
        headers: { 'apollo-require-preflight': 'true', ...headers },
      });
    const before = await get();
    const etag = before.headers.get('etag') as string;
    const created = (await (
      await gql(
        url,
        CREATE,
        { input: { ...input, releasedOn: '2099-01-01' } },
        { authorization: 'Bearer writer-secret' },
      )
    ).json()) as any;
    expect(created.data.createArticle.__typename).toBe('ArticlePayload');
    const after = await get({ 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(((await after.json()) as any).data.articles.nodes[0].slug).toBe(
      created.data.createArticle.article.slug,
    );
    const deleted = (await (
      await gql(
        url,
        'mutation($id: ID!) { deleteArticle(input: { id: $id }) { __typename } }',
        { id: created.data.createArticle.article.id },
        { authorization: 'Bearer writer-secret' },
      )
    ).json()) as any;
    expect(deleted.data.deleteArticle.__typename).toBe('DeleteArticlePayload');
  });

  it('never runs a mutation sent over GET', async () => {
    const response = await fetch(
      `${url}/graphql?query=${encodeURIComponent('mutation { deleteArticle(input: { id: "x" }) { __typename } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true', authorization: 'Bearer writer-secret' },
      },
    );
    expect(response.status).toBe(405);
    await response.text();
  });

  it('refuses batched arrays', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ tags { slug } }' }, { query: '{ tags { slug } }' }]),
    });
    expect(response.status).toBe(400);
    await response.text();
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After and RATE_LIMITED once an anonymous client spends its burst', async () => {
    const limited = await start({ JIN_RATE_LIMIT_RPS: '1', JIN_RATE_LIMIT_BURST: '5' });
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 8; i++) {
      const response = await gql(limited, '{ __typename }');
      statuses.push(response.status);
      if (response.status === 429) refused = response;
      else await response.text();
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await (refused as Response).json()) as any).errors[0].extensions.code).toBe(
      'RATE_LIMITED',
    );
    // An editor with a token is not limited like an anonymous reader.
    const editor = await gql(
      limited,
      '{ __typename }',
      {},
      { authorization: 'Bearer writer-secret' },
    );
    expect(editor.status).toBe(200);
    // Not counted, so no quota to report.
    expect(editor.headers.get('ratelimit-remaining')).toBeNull();
  });

  it('reports the quota on every counted answer: remaining falls, then comes back after the reset', async () => {
    const limited = await start({ JIN_RATE_LIMIT_RPS: '1', JIN_RATE_LIMIT_BURST: '3' });
    const quota = (response: Response) => ({
      status: response.status,
      policy: response.headers.get('ratelimit-policy'),
      limit: response.headers.get('ratelimit-limit'),
      remaining: Number(response.headers.get('ratelimit-remaining')),
      reset: Number(response.headers.get('ratelimit-reset')),
      retryAfter: response.headers.get('retry-after'),
    });
    // The API over POST and GET, and a feed: one budget.
    const answers = [
      await gql(limited, '{ __typename }'),
      await fetch(`${limited}/graphql?query=%7B__typename%7D`, {
        headers: { 'apollo-require-preflight': 'true' },
      }),
      await fetch(`${limited}/feeds/atom.xml`),
      await gql(limited, '{ __typename }'),
    ];
    const seen = answers.map(quota);
    expect(seen.map((q) => q.status)).toEqual([200, 200, 200, 429]);
    expect(seen.map((q) => q.remaining)).toEqual([2, 1, 0, 0]);
    expect(seen.every((q) => q.limit === '3' && q.policy === '3;w=3')).toBe(true);
    // Seconds to a full bucket grow as it empties; only the refusal says when to retry.
    expect(seen[0]?.reset).toBe(1);
    expect(seen[2]?.reset).toBeGreaterThanOrEqual(2);
    expect(seen[2]?.reset).toBeLessThanOrEqual(3);
    expect(seen.map((q) => q.retryAfter)).toEqual([null, null, null, '1']);
    await Promise.all(answers.map((response) => response.text()));
    await new Promise((resolve) => setTimeout(resolve, (seen[3]?.reset ?? 3) * 1000));
    const after = quota(await gql(limited, '{ __typename }'));
    expect(after).toMatchObject({ status: 200, remaining: 2, reset: 1, retryAfter: null });
  });
});

describe('security headers', () => {
  it('sends a strict CSP and the usual protections on pages, explorer and API', async () => {
    for (const path of ['/', '/graphiql', '/healthz', '/feeds/atom.xml']) {
      const response = await fetch(`${url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, path).not.toMatch(/unsafe-eval/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      await response.text();
    }
  });

  it('serves the explorer from same-origin scripts only', async () => {
    const html = await (await fetch(`${url}/graphiql`)).text();
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const sources = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] as string);
    expect(sources.length).toBe(3);
    for (const src of [...sources, '/graphiql/graphiql.css', '/graphiql/workers/graphql.js']) {
      expect(src.startsWith('/graphiql/')).toBe(true);
      const asset = await fetch(`${url}${src}`);
      expect(asset.status, src).toBe(200);
      expect((await asset.text()).length, src).toBeGreaterThan(100);
    }
  });

  it('allows cross-origin reads only from the configured origins', async () => {
    const allowed = await fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example.org', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example.org');
    await allowed.text();
    const other = await fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await other.text();
  });
});
