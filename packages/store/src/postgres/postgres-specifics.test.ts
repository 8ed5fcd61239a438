// The PostgreSQL engine beyond the contract: migrations raced by replicas starting together, the
// dataset version heard by every store, statistics figures kept exactly and read in one statement
// each, a server that goes away and comes back, time limits.

import { startThrowawayPostgres } from '@jin/site-process/postgres';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fixtureArticles, fixtureStatistics, seed } from '../../testing/index.ts';
import { dropDatabasesAfterAll, freshDatabase } from '../../testing/postgres-databases.ts';
import { StoreUnavailableError } from '../errors.ts';
import type { SeriesInput } from '../statistics.ts';
import type { ArticleInput } from '../types.ts';
import { toTsquery } from './filter.ts';
import { migrate } from './migrations.ts';
import { createPostgresStore, type PostgresStore, SCHEMA_VERSION } from './postgres-store.ts';

dropDatabasesAfterAll();
const opened: PostgresStore[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
});
async function open(url: string, options: { statementTimeoutMs?: number } = {}) {
  const store = await createPostgresStore({ url, poolSize: 3, ...options });
  opened.push(store);
  return store;
}

/** Resolves with the first `n` versions `store` hears. */
function heard(store: PostgresStore, n: number): Promise<string[]> {
  return new Promise((resolve) => {
    const versions: string[] = [];
    const stop = store.onDatasetChange((version) => {
      versions.push(version);
      if (versions.length === n) {
        stop();
        resolve(versions);
      }
    });
  });
}

/** Waits until the store's listening connection is up (it hears a write made for the purpose). */
async function listening(store: PostgresStore, writer: PostgresStore): Promise<void> {
  for (let i = 0; ; i++) {
    const next = heard(store, 1);
    await writer.upsertTag({ slug: 'ping', name: 'Ping', description: `Try ${i}.` });
    const got = await Promise.race([next, new Promise((r) => setTimeout(() => r(null), 200))]);
    if (got) return;
  }
}

describe('PostgreSQL migrations', () => {
  it('are applied once when several replicas start on an empty database at the same moment', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all(Array.from({ length: 5 }, () => open(url)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(
      Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
    );
    // Every replica works on the one schema: a write by one is read by all.
    await seed(stores[0] as PostgresStore, fixtureArticles(5));
    for (const store of stores) expect(await store.countArticles()).toBe(5);
    // A replica started later finds nothing to do.
    expect(await (stores[1] as PostgresStore).migrate()).toBe(0);
  });
});

describe('Stemmed search in PostgreSQL', () => {
  it('is brought to a database made before it, its articles found by other forms of their words', async () => {
    const url = await freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // The schema as it was before stemming, with an article written under it.
      expect(await migrate(client, 3)).toBe(3);
      await client.query(
        `INSERT INTO media (slug, name, name_key) VALUES ('wire', 'Wire', 'wire');
         INSERT INTO articles (slug, title, released_on, media_id, summary, created_at, updated_at)
           SELECT 'old', 'Refugees who are not recognised', '2024-05-01', id,
             'Applications were rejected again.', '2024-05-01T00:00:00Z', '2024-05-01T00:00:00Z'
           FROM media`,
      );
      const before = await client.query(
        "SELECT count(*)::int AS n FROM articles WHERE search @@ to_tsquery('simple', 'refugee')",
      );
      expect(before.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
    const store = await open(url);
    expect(await store.migrate()).toBe(0);
    // Plural and singular, tenses, and words a stop list would have dropped.
    for (const query of ['refugee', 'REFUGEES', 'application', 'reject', 'who', 'not recognise']) {
      expect(await store.countArticles({ query }), query).toBe(1);
    }
    expect(await store.countArticles({ query: 'refugee camp' })).toBe(0);
    const { hits } = await store.listArticles({
      filter: { query: 'rejecting application' },
      first: 1,
    });
    expect(hits[0]?.article.slug).toBe('old');
    expect(hits[0]?.snippet?.filter((p) => p.highlighted).map((p) => p.text)).toEqual([
      'Applications',
      'rejected',
    ]);
  });

  it('marks a word of a query whose words lie too far apart for one headline span', async () => {
    const store = await open(await freshDatabase());
    await seed(store, fixtureArticles(3));
    const far = Array.from({ length: 40 }, (_, i) => `filler${i}`).join(' ');
    await store.upsertArticle({
      ...(fixtureArticles()[0] as ArticleInput),
      slug: 'far',
      title: 'A title',
      summary: `Visas come first. ${far} Quotas come last.`,
    });
    const { hits } = await store.listArticles({ filter: { query: 'visa quota' }, first: 1 });
    const marked = hits[0]?.snippet?.filter((p) => p.highlighted).map((p) => p.text) ?? [];
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(['Visas', 'Quotas']).toContain(word);
  });
});

describe('The dataset version in PostgreSQL', () => {
  it('changes in the write transaction, and every store on the database hears it', async () => {
    const url = await freshDatabase();
    const writer = await open(url);
    const reader = await open(url);
    await seed(writer, fixtureArticles(10));
    await listening(reader, writer);
    const before = await reader.datasetVersion();
    const readerHears = heard(reader, 1);
    const writerHears = heard(writer, 1);
    const changed = { ...(fixtureArticles()[0] as ArticleInput), title: 'Changed' };
    await writer.upsertArticle(changed);
    const after = await writer.datasetVersion();
    expect(after).not.toBe(before);
    expect(await readerHears).toEqual([after]);
    expect(await writerHears).toEqual([after]);
    expect(await reader.datasetVersion()).toBe(after);
    // A write that changes nothing keeps the version, and no one is told.
    const same = [changed, ...fixtureArticles(10).slice(1)];
    expect((await writer.importArticles(same)).unchanged).toBe(10);
    expect(await reader.datasetVersion()).toBe(after);
  });

  it('searches words literally: the query text is built from quoted words only', () => {
    expect(toTsquery('multi-agent')).toBe("'multi' & 'agent'");
    expect(toTsquery("title:x 'a' & !b | c:*")).toBe("'title' & 'x' & 'a' & 'b' & 'c'");
    expect(toTsquery('immig', { prefix: true })).toBe("'immig':*");
    expect(toTsquery('入管法 改正')).toBe("'入管法' & '改正'");
    expect(toTsquery('*  🙂 "')).toBeNull();
    expect(toTsquery("a'b visa", { prefix: true, weight: 'B' })).toBe("'a':B & 'b':B & 'visa':*B");
    expect(toTsquery('visa quota', { join: '|' })).toBe("'visa' | 'quota'");
  });

  it('finds Japanese words and names unstemmed', async () => {
    const store = await open(await freshDatabase());
    await seed(store, fixtureArticles(3));
    await store.upsertArticle({
      ...(fixtureArticles()[0] as ArticleInput),
      slug: 'nyukan',
      title: '入管法 改正 passes the Diet',
      summary: 'Minister Koizumi spoke of the tokutei ginou scheme.',
    });
    expect(await store.countArticles({ query: '入管法' })).toBe(1);
    expect(await store.countArticles({ query: 'tokutei' })).toBe(1);
    expect(await store.countArticles({ query: 'koizumi' })).toBe(1);
    const { hits } = await store.listArticles({ filter: { query: 'Koizumi' }, first: 1 });
    expect(hits[0]?.snippet?.filter((p) => p.highlighted).map((p) => p.text)).toEqual(['Koizumi']);
  });
});

describe('Statistics series in PostgreSQL', () => {
  it('keep every figure exactly, and only a change moves the version every store hears', async () => {
    const url = await freshDatabase();
    const writer = await open(url);
    const reader = await open(url);
    await seed(writer, fixtureArticles(10));
    await listening(reader, writer);
    const input = fixtureStatistics();
    const values = [0.30000000000000004, 2 ** 53 - 1, 123456789012.25, -42, 1e21];
    (input[1] as SeriesInput).lines[0] = {
      key: 'all',
      label: 'All',
      points: values.map((value, i) => ({
        date: `${2020 + i}-02-${28 + (i === 0 ? 1 : 0)}`,
        period: `February ${2020 + i}`,
        value,
        approx: i % 2 === 0,
        articles: i === 0 ? ['article-5'] : [],
        official: i === 0 ? null : `https://example.org/figures/${i}`,
      })),
    };
    const hears = heard(reader, 2);
    await writer.replaceStatistics(input);
    const written = await writer.datasetVersion();
    expect((await writer.replaceStatistics(structuredClone(input))).changed).toBe(false);
    await writer.upsertTag({ slug: 'after', name: 'After', description: 'The next write.' });
    // The same series again were not a write: the next version heard is the tag's.
    expect(await hears).toEqual([written, await writer.datasetVersion()]);

    const [applications] = await reader.getSeriesBySlugs(['applications']);
    expect(
      applications?.lines[0]?.points.map(({ date, value, approx }) => ({ date, value, approx })),
    ).toEqual(
      input[1]?.lines[0]?.points.map(({ date, value, approx }) => ({ date, value, approx })),
    );
  });

  it('reads each answer in one statement, however many series and articles it holds', async () => {
    const store = await open(await freshDatabase());
    await seed(store, fixtureArticles(10));
    await store.replaceStatistics(fixtureStatistics());
    const ids = Array.from({ length: 10 }, (_, i) => i + 1);
    const statements = vi.spyOn(store.pool, 'query');
    expect(await store.listSeries()).toHaveLength(2);
    expect(await store.getSeriesBySlugs(['residents', 'applications', 'none'])).toHaveLength(3);
    expect((await store.seriesForArticles(ids)).flat()).toHaveLength(5);
    expect((await store.articlesPerQuarter('workers')).length).toBeGreaterThan(0);
    expect(statements).toHaveBeenCalledTimes(4);
    statements.mockRestore();
  });
});

describe('A PostgreSQL server that goes away', () => {
  it('turns reads into StoreUnavailableError while it is down, and the store recovers by itself', async () => {
    const server = await startThrowawayPostgres();
    try {
      const store = await open(server.url, { statementTimeoutMs: 2000 });
      const other = await open(server.url);
      await seed(store, fixtureArticles(12));
      expect(await store.countArticles()).toBe(12);
      await listening(store, other);

      await server.stop();
      await expect(store.countArticles()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(
        store.upsertTag({ slug: 'late', name: 'Late', description: 'Too late.' }),
      ).rejects.toBeInstanceOf(StoreUnavailableError);

      await server.start();
      await store.ping();
      expect(await store.countArticles()).toBe(12);
      expect((await store.listArticles({ first: 3 })).hits).toHaveLength(3);
      // The listening connection is back too: a write by another replica is heard.
      await listening(store, other);
      const next = heard(store, 1);
      await other.upsertTag({ slug: 'back', name: 'Back', description: 'Up again.' });
      expect(await next).toEqual([await store.datasetVersion()]);
    } finally {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await server.destroy();
    }
  });

  it('turns a statement past its time limit into StoreUnavailableError that says so', async () => {
    const url = await freshDatabase();
    const store = await open(url, { statementTimeoutMs: 200 });
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('BEGIN; LOCK TABLE dataset IN ACCESS EXCLUSIVE MODE');
      const error = await store.datasetVersion().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/time limit \(200 ms\)/);
      await locker.query('ROLLBACK');
      expect(await store.datasetVersion()).toMatch(/\.1$/);
    } finally {
      await locker.end();
    }
  });
});
