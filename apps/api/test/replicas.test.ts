// Two API processes on one PostgreSQL database, as a site scaled out behind a load balancer runs:
// writes through one are read through the other, kept answers and ETags turn over within a
// second, nothing acknowledged is lost when a process dies mid-write, and both ride out the
// database going away and coming back.

import { setTimeout as sleep } from 'node:timers/promises';
import { loadStatistics } from '@jin/content/statistics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabase } from './postgres.ts';
import { type ApiProcess, runCli, startApi } from './processes.ts';

let db: TestDatabase;
let a: ApiProcess;
let b: ApiProcess;
let token: string;

const headers = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };

async function gql(url: string, query: string, variables: object = {}, extra = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { ...headers, ...extra },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const FEED = '{ articles(first: 3) { totalCount nodes { slug title } } }';
const feedGet = (url: string, etag?: string) =>
  fetch(`${url}/graphql?query=${encodeURIComponent(FEED)}`, {
    headers: { 'apollo-require-preflight': 'true', ...(etag ? { 'if-none-match': etag } : {}) },
    signal: AbortSignal.timeout(20_000),
  });

const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) {
  __typename ... on ArticlePayload { article { id slug } } } }`;
const draft = (title: string) => ({
  title,
  releasedOn: '2026-12-01',
  media: 'the-japan-times',
  summary: `Summary of ${title}.`,
  tags: ['statistics'],
});

function startReplica() {
  // Two processes migrating and seeding one database together take longer than one on a file.
  return startApi({ JIN_DATABASE_URL: db.url, JIN_RATE_LIMIT_RPS: '0' }, { timeoutMs: 90_000 });
}

beforeAll(async () => {
  db = await testDatabase();
  // Both start at once on the empty database: migrations and the seed must not race.
  [a, b] = await Promise.all([startReplica(), startReplica()]);
  const created = runCli(['token', 'create', 'replica-editor', '--scope', 'write'], {
    JIN_DATABASE_URL: db.url,
  });
  expect(created.status, created.stderr).toBe(0);
  token = created.stdout.trim().split('\n').at(-1) ?? '';
  expect(token.length).toBeGreaterThan(20);
}, 120_000);

afterAll(async () => {
  for (const api of [a, b]) api?.child.kill('SIGKILL');
  await db?.drop();
});

describe('two API processes on one PostgreSQL database', () => {
  it('seeded the archive once, though both started on the empty database together', async () => {
    const [fromA, fromB] = await Promise.all([gql(a.url, FEED), gql(b.url, FEED)]);
    expect(fromA.body.data.articles.totalCount).toBeGreaterThan(100);
    expect(fromB.body.data.articles.totalCount).toBe(fromA.body.data.articles.totalCount);
  });

  it("serves the archive's statistics series from both, every figure as its file gives it", async () => {
    const STATISTICS = `{ statistics { slug unit lines { key points {
      date value approx sources { official } } } } }`;
    const [fromA, fromB] = await Promise.all([gql(a.url, STATISTICS), gql(b.url, STATISTICS)]);
    expect(fromA.body.errors).toBeUndefined();
    expect(fromB.body).toEqual(fromA.body);
    const served = new Map<string, any>(fromA.body.data.statistics.map((s: any) => [s.slug, s]));
    const files = loadStatistics().series;
    expect([...served.keys()].sort()).toEqual(files.map((s) => s.slug).sort());
    for (const file of files) {
      expect(served.get(file.slug).lines, file.slug).toEqual(
        file.lines.map((line) => ({
          key: line.key,
          points: line.points.map((p) => ({
            date: p.date,
            value: p.value,
            approx: p.approx,
            sources: { official: p.official },
          })),
        })),
      );
    }
    // One series with the articles behind each figure, and its CSV, alike from both.
    const file = files.find((s) => s.lines[0]?.points.some((p) => p.articles.length > 0));
    const ONE = `query($slug: String!) { series(slug: $slug) { lines { points {
      sources { articles { slug } } } } } }`;
    const [oneA, oneB] = await Promise.all(
      [a, b].map((api) => gql(api.url, ONE, { slug: file?.slug })),
    );
    expect(oneB?.body).toEqual(oneA?.body);
    expect(oneA?.body.data.series.lines).toEqual(
      file?.lines.map((line) => ({
        points: line.points.map((p) => ({
          sources: { articles: expect.arrayContaining(p.articles.map((slug) => ({ slug }))) },
        })),
      })),
    );
    // (Article links name the replica that answered.)
    const [csvA, csvB] = await Promise.all(
      [a, b].map(async (api) => {
        const response = await fetch(`${api.url}/numbers/${file?.slug}.csv`);
        expect(response.status).toBe(200);
        return (await response.text()).replaceAll(api.url, '<site>');
      }),
    );
    expect(csvA).toContain(
      `<site>/articles/${file?.lines[0]?.points.find((p) => p.articles.length)?.articles[0]}`,
    );
    expect(csvB).toBe(csvA);
  });

  it("shows a write through one replica in the other's answers, ETags and kept answers within a second", async () => {
    // Warm B's kept answer and learn its ETag.
    const first = await feedGet(b.url);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await feedGet(b.url, etag)).status).toBe(304);
    const before = ((await first.json()) as any).data.articles;

    const written = await gql(
      a.url,
      CREATE,
      { input: draft('Replica write shows everywhere') },
      { authorization: `Bearer ${token}` },
    );
    expect(written.body.data.createArticle.__typename).toBe('ArticlePayload');
    const slug = written.body.data.createArticle.article.slug;

    // One second after the write was acknowledged, B must not answer for the old version.
    await sleep(1_000);
    const revalidated = await feedGet(b.url, etag);
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get('etag')).not.toBe(etag);
    const after = ((await revalidated.json()) as any).data.articles;
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.nodes[0].slug).toBe(slug);
    // And an uncached read through B sees the same article.
    const direct = await gql(b.url, `{ article(slug: "${slug}") { title } }`);
    expect(direct.body.data.article.title).toBe('Replica write shows everywhere');
  });

  it('loses nothing that was acknowledged when a replica is killed mid-write', async () => {
    const acknowledged: string[] = [];
    let attempted = 0;
    let dead = false;
    // Four writers keep a write in flight each until the process dies under them.
    const writer = async () => {
      while (!dead) {
        const title = `Write under fire number ${++attempted}`;
        try {
          const result = await gql(
            a.url,
            CREATE,
            { input: draft(title) },
            { authorization: `Bearer ${token}` },
          );
          if (result.body?.data?.createArticle?.__typename === 'ArticlePayload') {
            acknowledged.push(result.body.data.createArticle.article.slug);
          }
        } catch {
          // The connection died with the process: not acknowledged.
          dead = true;
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    try {
      // Killed once a few writes are through, so that others are surely in flight.
      for (let i = 0; i < 600 && acknowledged.length < 3; i++) await sleep(50);
      a.child.kill('SIGKILL');
      dead = true;
      await Promise.all(writers);
      await a.exited;
    } finally {
      a = await startReplica();
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(3);
    expect(attempted).toBeGreaterThan(acknowledged.length);

    const read = await gql(
      b.url,
      `query($q: String!) { search(query: $q, first: 100) { totalCount nodes { slug title summary } } }`,
      { q: 'Write under fire number' },
    );
    const found = new Map<string, any>(
      read.body.data.search.nodes.map((n: any) => [n.slug, n] as const),
    );
    for (const slug of acknowledged) expect(found.has(slug), slug).toBe(true);
    // Whatever was written is whole: its summary came with it.
    for (const article of found.values()) expect(article.summary).toMatch(/^Summary of Write/);
  });

  it('answers 503 while the database is down, without hanging, and recovers by itself', async () => {
    let stop = false;
    const statuses: number[] = [];
    // Light load through both replicas for the whole outage.
    const load = (async () => {
      while (!stop) {
        for (const api of [a, b]) {
          statuses.push((await gql(api.url, FEED).catch(() => ({ status: 0 }))).status);
        }
        await sleep(50);
      }
    })();
    await sleep(300);
    await db.server.stop();

    const health = await fetch(`${a.url}/healthz`, { signal: AbortSignal.timeout(15_000) });
    expect(health.status).toBe(503);
    const refused = await gql(b.url, '{ articles(first: 1) { totalCount } }');
    expect(refused.status).toBe(503);
    expect(refused.body.errors[0].extensions.code).toBe('STORE_UNAVAILABLE');

    await db.server.start();
    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      const answers = await Promise.all(
        [a, b].map((api) => fetch(`${api.url}/healthz`).then((r) => r.status)),
      );
      healthy = answers.every((s) => s === 200);
      if (!healthy) await sleep(100);
    }
    stop = true;
    await load;
    expect(healthy).toBe(true);
    const back = await gql(a.url, FEED);
    expect(back.body.data.articles.totalCount).toBeGreaterThan(100);
    // Only answers and clear refusals during the outage: no crash (0), no other 5xx.
    expect(new Set(statuses.filter((s) => s !== 200 && s !== 503))).toEqual(new Set());
    expect(statuses).toContain(503);
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
  });
});
