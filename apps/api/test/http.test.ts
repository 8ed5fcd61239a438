// The HTTP server as clients meet it: GraphQL over POST and GET, caching, limits, errors.
// Kept whole: its cases share one server over the seeded archive, whose store calls it counts.

import { rmSync } from 'node:fs';
import { loadArchive, seedStore } from '@jin/content';
import type { ArticleInput, Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import type { FastifyInstance } from 'fastify';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.ts';
import { listenOnLoopback, shellOnlyConfig, webDistFixture } from './processes.ts';

const archive = loadArchive();
const dist = webDistFixture();

const calls: string[] = [];
let failListTags = false;
let base: Store;
let app: FastifyInstance;
let url: string;

/** Counts store calls, and can make one method fail, to observe the server from outside. */
function instrumented(inner: Store): Store {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        if (prop === 'listTags' && failListTags) throw new Error('disk on fire: /secret/path');
        return value.apply(target, args);
      };
    },
  });
}

beforeAll(async () => {
  base = openSqliteStore();
  await seedStore(base, archive);
  const config = shellOnlyConfig(dist);
  app = await buildServer(config, instrumented(base), { logger: false });
  url = await listenOnLoopback(app);
});

afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

const nestedQuery = (depth: number) => {
  let selection = 'slug';
  for (let i = 0; i < depth; i++) selection = `relatedArticles(first: 1) { ${selection} }`;
  return `{ article(slug: "x") { ${selection} } }`;
};

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const get = (query: string, headers: Record<string, string> = {}, variables?: unknown) => {
  const params = new URLSearchParams({ query });
  if (variables) params.set('variables', JSON.stringify(variables));
  return fetch(`${url}/graphql?${params}`, {
    headers: { 'apollo-require-preflight': 'true', ...headers },
  });
};

async function errorOf(
  response: Response,
): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as {
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const error = body.errors?.[0];
  return {
    status: response.status,
    code: error?.extensions?.code ?? '',
    message: error?.message ?? '',
  };
}

describe('GraphQL over HTTP', () => {
  it('answers POST queries', async () => {
    const response = await post({ query: '{ articles(first: 2) { totalCount nodes { title } } }' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.data.articles.totalCount).toBe(archive.articles.length);
    expect(body.data.articles.nodes).toHaveLength(2);
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });

  it('answers GET with an ETag, serves repeats from cache and 304 on If-None-Match', async () => {
    const query = '{ tags { slug articleCount } }';
    const first = await get(query);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^".+-.+"$/);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const body = await first.text();
    expect(JSON.parse(body).data.tags).toHaveLength(17);

    calls.length = 0;
    const cached = await get(query);
    expect(await cached.text()).toBe(body);
    expect(calls).toEqual(['datasetVersion']);

    calls.length = 0;
    const notModified = await get(query, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(calls).toEqual(['datasetVersion']);

    const input = {
      ...(archive.articles[0] as ArticleInput),
      slug: 'a-new-article',
      title: 'A new article',
    };
    await base.upsertArticle(input);
    const afterWrite = await get(query, { 'if-none-match': etag });
    expect(afterWrite.status).toBe(200);
    expect(afterWrite.headers.get('etag')).not.toBe(etag);
    await base.deleteArticle((await base.getArticleBySlug('a-new-article'))?.id ?? 0);
  });

  it('keys the ETag on variables too and never caches errors', async () => {
    const query = 'query($n: Int) { articles(first: $n) { nodes { slug } } }';
    const a = await get(query, {}, { n: 1 });
    const b = await get(query, {}, { n: 2 });
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
    const bad = await get(query, {}, { n: 500 });
    expect(bad.headers.get('etag')).toBeNull();
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps CSRF prevention on for GET', async () => {
    const response = await fetch(`${url}/graphql?query=${encodeURIComponent('{ tags { slug } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it('masks unexpected errors and leaks no internals', async () => {
    failListTags = true;
    try {
      const response = await post({ query: '{ tags { slug } }' });
      const text = await response.text();
      expect(text).not.toMatch(/secret|disk on fire|stacktrace|at /);
      expect(JSON.parse(text).errors[0]).toMatchObject({
        message: 'Internal server error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    } finally {
      failListTags = false;
    }
  });
});

describe('limits', () => {
  it('lets the standard introspection query through, as the explorer needs it', async () => {
    const response = await post({ query: getIntrospectionQuery() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType.name).toBe('Query');
  });

  it('keeps internal markers out of error extensions', async () => {
    const body = (await (await post({ query: nestedQuery(30) })).json()) as any;
    expect(Object.keys(body.errors[0].extensions).sort()).toEqual(['code', 'max', 'value']);
  });

  const cases: [string, () => Promise<Response>, number, string, RegExp][] = [
    [
      'a depth bomb',
      () => post({ query: nestedQuery(30) }),
      400,
      'QUERY_TOO_COMPLEX',
      /levels of nesting, above the limit of 15/,
    ],
    [
      '1,000 aliases',
      () =>
        post({
          query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: tags { slug }`).join(' ')} }`,
        }),
      400,
      'QUERY_TOO_COMPLEX',
      /tokens|aliases/,
    ],
    [
      '40 aliases',
      () =>
        post({
          query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
        }),
      400,
      'QUERY_TOO_COMPLEX',
      /40 aliases, above the limit of 30/,
    ],
    [
      'too many directives',
      () => post({ query: `{ tags { ${'slug @include(if: true) '.repeat(25)} } }` }),
      400,
      'QUERY_TOO_COMPLEX',
      /directives, above the limit of 20/,
    ],
    [
      'too many tokens',
      () => post({ query: `{ ${'__typename '.repeat(4000)} }` }),
      400,
      'QUERY_TOO_COMPLEX',
      /more than 3000 tokens/,
    ],
    [
      'a 1 MB body',
      () => post({ query: `{ tags { slug } } # ${'x'.repeat(1024 * 1024)}` }),
      413,
      'PAYLOAD_TOO_LARGE',
      /larger than the limit of 65536 bytes/,
    ],
    [
      'a costly query',
      () =>
        post({
          query:
            '{ articles(first: 100) { nodes { relatedArticles(first: 20) { relatedArticles(first: 20) { slug } } } } }',
        }),
      400,
      'QUERY_TOO_COMPLEX',
      /Query has \d+ points of cost, above the limit of 5000/,
    ],
    [
      'first above 100',
      () => post({ query: '{ articles(first: 101) { totalCount } }' }),
      200,
      'BAD_USER_INPUT',
      /between 0 and 100/,
    ],
    ['malformed JSON', () => post('{"query": "{ tags {'), 400, 'BAD_REQUEST', /JSON/i],
    [
      'a syntax error',
      () => post({ query: '{ tags { ' }),
      400,
      'GRAPHQL_PARSE_FAILED',
      /Syntax Error/,
    ],
    [
      'a fragment cycle',
      () =>
        post({ query: '{ tags { ...A } } fragment A on Tag { ...B } fragment B on Tag { ...A }' }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /Cannot spread fragment/,
    ],
  ];
  for (const [label, send, status, code, message] of cases) {
    it(`refuses ${label} with ${code}`, async () => {
      const error = await errorOf(await send());
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    });
  }

  it('refuses a wrong content type', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ tags { slug } }',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe('feeds', () => {
  it('serves the whole archive as Atom and RSS with correct types', async () => {
    const atom = await fetch(`${url}/feeds/atom.xml`);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await atom.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    expect(xml.match(/<entry>/g)).toHaveLength(50);
    const newest = [...archive.articles].sort((a, b) =>
      b.releasedOn.localeCompare(a.releasedOn),
    )[0];
    expect(xml).toContain(`/articles/${newest?.slug}`);

    const rss = await fetch(`${url}/feeds/rss.xml`);
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const rssXml = await rss.text();
    expect(rssXml).toMatch(/<rss version="2.0"/);
    expect(rssXml.match(/<item>/g)).toHaveLength(50);
  });

  it('serves a feed per tag and 404 for an unknown tag', async () => {
    const response = await fetch(`${url}/feeds/tags/nursing-care/atom.xml`);
    const xml = await response.text();
    const count = archive.articles.filter((a) => a.tags.includes('nursing-care')).length;
    expect(xml.match(/<entry>/g)).toHaveLength(count);
    expect(xml).toMatch(/<title[^>]*>(<!\[CDATA\[)?Nursing Care — Japan Immigration News/);
    expect((await fetch(`${url}/feeds/tags/no-such-tag/atom.xml`)).status).toBe(404);
  });

  it('escapes markup in summaries', async () => {
    const input: ArticleInput = {
      ...(archive.articles[0] as ArticleInput),
      slug: 'hostile-summary',
      releasedOn: '2099-01-01',
      summary: 'Before <script>alert(1)</script> and <a href="javascript:alert(2)">x</a> after.',
    };
    await base.upsertArticle(input);
    try {
      const xml = await (await fetch(`${url}/feeds/rss.xml`)).text();
      expect(xml).not.toContain('<script>');
      expect(xml).not.toMatch(/<a href="javascript/);
      // The description is the escaped HTML, itself escaped as XML text.
      const html =
        '<p>Before &#60;script&#62;alert(1)&#60;/script&#62; and &#60;a href=&#34;javascript:alert(2)&#34;&#62;x&#60;/a&#62; after.</p>';
      expect(xml).toContain(
        `<description>${html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</description>`,
      );
    } finally {
      await base.deleteArticle((await base.getArticleBySlug('hostile-summary'))?.id ?? 0);
    }
  });
});

describe('site', () => {
  it('reports health from the store', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      articles: archive.articles.length,
    });
  });

  it('serves the explorer without any external script', async () => {
    const response = await fetch(`${url}/graphiql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toMatch(/graphiql/i);
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
  });

  it('falls back to the reader app for its routes and caches hashed assets for a year', async () => {
    for (const path of ['/', '/articles/some-slug', '/tags/statistics?page=2', '/search?q=visa']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>reader app</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await fetch(`${url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${url}/feeds/unknown`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('serves the service worker unstored for the whole site, and the manifest as a manifest', async () => {
    const worker = await fetch(`${url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(await worker.text()).toContain('addEventListener');
    expect(worker.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(worker.headers.get('service-worker-allowed')).toBe('/');
    const csp = worker.headers.get('content-security-policy') ?? '';
    expect(csp.split(';')).toContain("worker-src 'self'");

    const manifest = await fetch(`${url}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect(((await manifest.json()) as { start_url: string }).start_url).toBe('/');
    // Other files at the root keep their hour.
    const shell = await fetch(`${url}/index.html`);
    expect(shell.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
