// Sends 10,000 generated requests to a real server process: random bytes, broken JSON, wrong
// methods and content types, grammar-based mutations of valid queries, and (from fast-check's
// generators) hostile documents, repeated parameters, odd headers and conditional requests. The
// server must never answer 5xx, never crash, stay responsive, and keep its memory bounded.
// Kept whole: one server process and one budget of requests shared by every generator.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './processes.ts';

const TOTAL = 10_000;
const CONCURRENCY = 16;

let seed = 20261128;
const random = () => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const int = (max: number) => Math.floor(random() * max);

const VALID = [
  '{ articles(first: 5) { totalCount edges { cursor node { title slug releasedOn media { name } tags { slug } } } pageInfo { hasNextPage endCursor } } }',
  'query Q($q: String!) { search(query: $q, first: 3) { edges { node { title } snippet { text highlighted } } } }',
  '{ tag(slug: "statistics") { name articlePage(page: 2, pageSize: 5) { pageCount items { article { title } } } } }',
  '{ article(slug: "japan-accepts-190-refugees-in-2024") { title summaryBlocks { __typename ... on SummaryList { items } } relatedArticles(first: 3) { slug } } }',
  '{ mediaOutlets { slug articleCount } tags { slug name } }',
  'query($f: ArticleFilter) { articles(first: 10, filter: $f) { nodes { title } } }',
  '{ node(id: "QXJ0aWNsZTox") { id ... on Article { title } } }',
  'mutation { deleteArticle(input: { id: "QXJ0aWNsZTox" }) { __typename } }',
];
const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '@',
  '...',
  '"',
  '\\',
  'first:',
  '-1',
  '9999999999',
  '1e308',
  'null',
  'fragment F on Article { ...F }',
  '__schema { types { name } }',
  'a: articles',
  '#',
  '\u0000',
  '\ud800',
  '🙂',
  '入管',
  'title:x',
  '"unbalanced',
  'AND OR NOT *',
];
const VARIABLES = [
  { q: 'visa' },
  { q: '"unbalanced AND title:x * NEAR(' },
  { q: 'x'.repeat(5000) },
  { q: 42 },
  { f: { tags: { anyOf: ['statistics', 'x'.repeat(300)] } } },
  { f: { releasedFrom: '2025-01-01', releasedTo: '2020-01-01' } },
  { f: { releasedFrom: '2024-02-30' } },
  { f: { media: Array.from({ length: 50 }, (_, i) => `m${i}`) } },
  { f: { query: '🙂🙂 入管法' } },
  { f: { tags: 'statistics' } },
  { f: [[[[[[[[[[]]]]]]]]]] },
  'not an object',
  null,
];

function mutate(query: string): string {
  let text = query;
  for (let n = 1 + int(4); n > 0; n--) {
    const at = int(text.length + 1);
    switch (int(6)) {
      case 0:
        text = text.slice(0, at) + text.slice(at + 1 + int(5));
        break;
      case 1:
        text = text.slice(0, at) + pick(TOKENS) + text.slice(at);
        break;
      case 2: {
        const from = int(text.length);
        text = text.slice(0, at) + text.slice(from, from + int(40)) + text.slice(at);
        break;
      }
      case 3:
        text = text.replace(/\d+/, String(pick([-1, 0, 101, 2 ** 31, 1e21, Number.NaN])));
        break;
      case 4:
        text = `{ ${'articles(first: 1) { edges { node { relatedArticles(first: 20) { '.repeat(1 + int(6))} title ${'} } } } '.repeat(1 + int(6))} }`;
        break;
      default:
        text = `{ ${Array.from({ length: int(60) }, (_, i) => `x${i}: __typename`).join(' ')} ${text.slice(1)}`;
    }
  }
  return text;
}

function randomBytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, () => int(256));
}

interface Shot {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** Documents whose cost hides in fragments and aliases, of a random shape and size. */
const hostileDocument = fc.oneof(
  fc
    .integer({ min: 1, max: 40 })
    .map(
      (n) =>
        `query { ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`).join(' ')} fragment F${n} on Query { __typename }`,
    ),
  fc
    .integer({ min: 1, max: 200 })
    .map((n) => `{ ${'... on Query { '.repeat(n)}__typename${' }'.repeat(n)} }`),
  fc
    .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }))
    .map(
      ([aliases, depth]) =>
        `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: articles(first: 1) { nodes { ...A0 } }`).join(' ')} } ${Array.from({ length: depth }, (_, i) => `fragment A${i} on Article { slug ...A${i + 1} ... on Article { ...A${i + 1} } }`).join(' ')} fragment A${depth} on Article { title }`,
    ),
  fc
    .record({
      first: fc.integer({ min: -5, max: 200 }),
      page: fc.integer({ min: -5, max: 200_000 }),
      tags: fc.array(fc.constantFrom('statistics', 'refugees-asylum', 'visa-rules', 'x'), {
        maxLength: 8,
      }),
      query: fc.string({ maxLength: 60 }),
    })
    .map(
      ({ first, page, tags, query }) =>
        `{ ${Array.from({ length: 5 }, (_, i) => `p${i}: articlePage(page: ${page}, pageSize: ${first}, filter: { tags: { anyOf: ${JSON.stringify(tags)} }, releasedFrom: "2020-01-01", query: ${JSON.stringify(query)} }) { totalCount items { article { title } } }`).join(' ')} }`,
    ),
);

const headerValue = fc.oneof(
  fc.string({ maxLength: 40 }).filter((v) => /^[\t\x20-\x7e]*$/.test(v)),
  fc.constantFrom('*', 'W/"x"', '"1-abc", *', 'x'.repeat(3000), 'Bearer jin_x', 'text/plain'),
);

/** Requests built by fast-check: each is one of the classes the hardening covers. */
const shotArbitrary: fc.Arbitrary<Shot> = fc.oneof(
  hostileDocument.map((query) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })),
  fc
    .tuple(hostileDocument, fc.boolean(), fc.boolean(), headerValue)
    .map(([query, twice, preflight, inm]) => {
      const params = new URLSearchParams({ query });
      if (twice) params.append('query', '{ tags { slug } }');
      return {
        method: 'GET',
        path: `/graphql?${params}`,
        headers: {
          ...(preflight ? { 'apollo-require-preflight': 'true' } : {}),
          'if-none-match': inm,
        },
      };
    }),
  fc
    .record({
      id: headerValue,
      auth: headerValue,
      type: headerValue,
      inm: headerValue,
      path: fc.constantFrom('/graphql', '/', '/feeds/atom.xml', '/search?q=visa', '/tags'),
      method: fc.constantFrom('GET', 'POST'),
    })
    .map(({ id, auth, type, inm, path, method }) => ({
      method,
      path,
      headers: {
        'x-request-id': id,
        authorization: auth,
        'content-type': type,
        'if-none-match': inm,
      },
      body: method === 'POST' ? JSON.stringify({ query: '{ tags { slug } }' }) : undefined,
    })),
);

/** Half the requests from the hand-written generator, half from fast-check's. */
const PROPERTY_SHOTS = fc.sample(shotArbitrary, { numRuns: TOTAL / 2, seed: 20261201 });

function generate(): Shot {
  if (random() < 0.5 && PROPERTY_SHOTS.length > 0) return PROPERTY_SHOTS.pop() as Shot;
  const json = { 'content-type': 'application/json' };
  switch (int(8)) {
    case 0:
      return { method: 'POST', path: '/graphql', headers: json, body: randomBytes(int(400)) };
    case 1:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: mutate(pick(VALID)) }).slice(0, int(200) + 10),
      };
    case 2:
      return {
        method: 'POST',
        path: '/graphql',
        headers: {
          'content-type': pick([
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data',
            'application/graphql',
            '',
          ]),
        },
        body: pick(VALID),
      };
    case 3: {
      const params = new URLSearchParams({ query: mutate(pick(VALID)) });
      if (random() < 0.5) params.set('variables', JSON.stringify(pick(VARIABLES)));
      if (random() < 0.3)
        params.set('extensions', '{"persistedQuery":{"version":1,"sha256Hash":"abc"}}');
      return {
        method: 'GET',
        path: `/graphql?${params}`,
        headers: { 'apollo-require-preflight': 'true' },
      };
    }
    case 4:
      return {
        method: pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'GET', 'HEAD']),
        path: pick([
          '/graphql',
          '/feeds/atom.xml',
          '/feeds/tags/%00/rss.xml',
          '/feeds/tags/../../etc/passwd/atom.xml',
          '/graphiql/x',
          '/articles/%ff',
          '/healthz',
          `/${'a'.repeat(int(3000))}`,
        ]),
        headers: {},
      };
    case 5:
      return {
        method: 'POST',
        path: '/graphql',
        headers: {
          ...json,
          authorization: pick(['Bearer x', 'Bearer', 'Basic Og==', `Bearer ${'z'.repeat(300)}`]),
        },
        body: JSON.stringify({ query: pick(VALID) }),
      };
    case 6:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify(
          pick([
            [{ query: '{ tags { slug } }' }],
            { query: 42 },
            { query: null, variables: [] },
            { operationName: {} },
            'string',
          ]),
        ),
      };
    default:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: mutate(pick(VALID)), variables: pick(VARIABLES) }),
      };
  }
}

let api: ApiProcess;
beforeAll(async () => {
  api = await startApi({ JIN_DB_PATH: ':memory:', JIN_RATE_LIMIT_RPS: '0' });
});
afterAll(async () => {
  api.child.kill('SIGTERM');
  await api.exited;
});

describe('fuzzing the HTTP API', () => {
  it(`answers ${TOTAL} generated requests without a 5xx, a crash or unbounded memory`, {
    timeout: 300_000,
  }, async () => {
    const statuses = new Map<number, number>();
    const fiveHundreds: string[] = [];
    const dropped: string[] = [];
    let closedThenAnswered = 0;
    let sent = 0;
    const rssStart = api.rssKb();
    let rssPeak = rssStart;
    const worker = async () => {
      while (sent < TOTAL) {
        sent++;
        const shot = generate();
        const send = () =>
          fetch(`${api.url}${shot.path}`, {
            method: shot.method,
            headers: shot.headers,
            body: shot.method === 'GET' || shot.method === 'HEAD' ? undefined : shot.body,
            signal: AbortSignal.timeout(10_000),
          });
        let response: Response;
        try {
          response = await send();
        } catch (first) {
          // A server may close a kept-alive connection after refusing a request early (say, an
          // unsupported content type); the client then sees the next request on it cut off. Sent
          // again on a fresh connection, the request must be answered.
          try {
            response = await send();
            closedThenAnswered++;
          } catch (error) {
            dropped.push(
              `${(error as Error).cause ?? error} (first: ${(first as Error).cause ?? first}) ${shot.method} ${shot.path.slice(0, 80)} ${JSON.stringify(shot.headers).slice(0, 300)}`,
            );
            continue;
          }
        }
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500)
          fiveHundreds.push(
            `${response.status} ${shot.method} ${shot.path.slice(0, 80)} ${String(shot.body).slice(0, 120)} -> ${text.slice(0, 200)}`,
          );
        if (sent % 1000 === 0) rssPeak = Math.max(rssPeak, api.rssKb());
      }
    };
    // /healthz keeps answering while the requests run.
    const healthAnswers: number[] = [];
    let running = true;
    const poll = async () => {
      while (running) {
        const answer = await fetch(`${api.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        healthAnswers.push(answer.status);
        await answer.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const polling = poll();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    running = false;
    await polling;
    expect(healthAnswers.length).toBeGreaterThan(5);
    expect(healthAnswers.filter((status) => status !== 200)).toEqual([]);
    expect(fiveHundreds).toEqual([]);
    expect(dropped).toEqual([]);
    expect(closedThenAnswered).toBeLessThan(TOTAL / 100);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(TOTAL);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(200);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(500);
    expect(api.child.exitCode).toBeNull();
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    // Memory stays bounded: the peak is within a fixed allowance over the start.
    expect(rssPeak - rssStart).toBeLessThan(200 * 1024);
    expect(api.output()).not.toMatch(/FATAL|uncaught|unhandled/i);
  });
});
