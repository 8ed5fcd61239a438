// Deep numbered pages in PostgreSQL, read from checkpoints (checkpoints.ts): every page the same
// as a plain OFFSET read and as the SQLite store's, through writes by this store and by another
// one, and the index entries each read walks counted from its plan, not timed.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureArticles, seed } from '../../testing/index.ts';
import { dropDatabasesAfterAll, freshDatabase } from '../../testing/postgres-databases.ts';
import { SqliteStore } from '../sqlite/sqlite-store.ts';
import type { ArticleFilter, ArticleInput, ArticleOrder, Store } from '../types.ts';
import { createPostgresStore, type PostgresStore } from './postgres-store.ts';

dropDatabasesAfterAll();
const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
});

/** A step no list here reaches: every page read with OFFSET from its end, as before checkpoints. */
const NEVER = 2 ** 30;

async function postgres(url: string, pageCheckpointStep: number): Promise<PostgresStore> {
  const store = await createPostgresStore({ url, poolSize: 2, pageCheckpointStep });
  opened.push(store);
  return store;
}

/** `count` fixture articles over five months of nine days each: many rows share a date. */
function archive(count: number): ArticleInput[] {
  return fixtureArticles(count).map((a, i) => ({
    ...a,
    releasedOn: `2024-0${1 + (i % 5)}-0${1 + ((i * 7) % 9)}`,
  }));
}

const slugsOf = (page: { hits: { article: { slug: string } }[] }) =>
  page.hits.map((h) => h.article.slug);

/** Every numbered page of a list (and the one past its end) from each store, compared. */
async function samePages(
  stores: Store[],
  filter: ArticleFilter,
  order: ArticleOrder,
  pageSize: number,
): Promise<number> {
  const [first, ...others] = stores as [Store, ...Store[]];
  const total = await first.countArticles(filter);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  for (let page = 1; page <= pageCount + 1; page++) {
    const want = await first.pageArticles({ filter, order, page, pageSize });
    expect(want.totalCount).toBe(total);
    expect(want.hits.length).toBe(Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize)));
    for (const store of others) {
      const got = await store.pageArticles({ filter, order, page, pageSize });
      const label = `${JSON.stringify(filter)} ${order} size ${pageSize} page ${page}`;
      expect(slugsOf(got), label).toEqual(slugsOf(want));
      expect([got.totalCount, got.pageCount], label).toEqual([want.totalCount, want.pageCount]);
    }
  }
  return pageCount + 1;
}

const LISTS: ArticleFilter[] = [
  {},
  { tags: { anyOf: ['workers'] } },
  { tags: { allOf: ['policy', 'workers'] } },
  { tags: { anyOf: ['refugees', 'students'] } },
  { media: ['kyodo-news'] },
  { releasedFrom: '2024-03-01', releasedTo: '2024-03-31' },
  { media: ['the-mainichi', 'nhk-world'], releasedFrom: '2024-02-01' },
  { query: 'visa' },
];

describe('Numbered pages read from checkpoints in PostgreSQL', () => {
  const STEP = 10;
  let plain: PostgresStore;
  let stepped: PostgresStore;
  let sqlite: SqliteStore;

  beforeAll(async () => {
    const url = await freshDatabase();
    stepped = await postgres(url, STEP);
    plain = await postgres(url, NEVER);
    sqlite = new SqliteStore({ path: ':memory:' });
    opened.push(sqlite);
    await seed(stepped, archive(260));
    await seed(sqlite, archive(260));
  });

  it('are every page of every list as a plain OFFSET read and SQLite give them, at page sizes that do and do not divide the step', {
    timeout: 180_000,
  }, async () => {
    const walks = vi.spyOn(stepped.pool, 'query');
    let pages = 0;
    for (const filter of LISTS) {
      for (const order of ['newest', 'oldest'] as const) {
        for (const pageSize of [3, 5, 7, 10, 25]) {
          pages += await samePages([sqlite, plain, stepped], filter, order, pageSize);
        }
      }
    }
    // Checkpoints were found and read from, each found once: every walk found one at least.
    const found = walks.mock.calls.filter(([sql]) =>
      String((sql as { text?: string }).text).includes('WITH RECURSIVE steps'),
    );
    walks.mockRestore();
    let checkpoints = 0;
    for (const filter of LISTS) {
      checkpoints += 2 * Math.floor((await plain.countArticles(filter)) / 2 / STEP);
    }
    expect(found.length).toBeGreaterThan(LISTS.length);
    expect(found.length).toBeLessThanOrEqual(checkpoints);
    expect(pages).toBeGreaterThan(1000);
  });

  it('follow writes by this store and by another on the same database', {
    timeout: 120_000,
  }, async () => {
    const url = await freshDatabase();
    const reader = await postgres(url, STEP);
    const writer = await postgres(url, STEP);
    const oracle = await postgres(url, NEVER);
    const base = archive(120);
    await seed(writer, base);
    const everyPage = async () => {
      for (const filter of [{}, { tags: { anyOf: ['workers'] } }]) {
        for (const order of ['newest', 'oldest'] as const) {
          for (const pageSize of [4, 7]) await samePages([oracle, reader], filter, order, pageSize);
        }
      }
    };
    await everyPage();
    const deep = async () =>
      slugsOf(await reader.pageArticles({ order: 'oldest', page: 11, pageSize: 4 }));
    const before = await deep();

    // A newer article than all (each row moves one further from the newest end), by another store.
    await writer.upsertArticle({
      ...(base[0] as ArticleInput),
      slug: 'newest',
      releasedOn: '2025-01-01',
      tags: ['workers'],
    });
    await everyPage();
    // An older one than all moves every row one further from the oldest end.
    await writer.upsertArticle({
      ...(base[1] as ArticleInput),
      slug: 'oldest',
      releasedOn: '2023-01-01',
    });
    await everyPage();
    expect(await deep()).not.toEqual(before);
    expect((await deep()).slice(1)).toEqual(before.slice(0, 3));

    // By the reader itself: a date moved within the list, then a row deleted from its middle.
    await reader.upsertArticle({ ...(base[40] as ArticleInput), releasedOn: '2024-01-01' });
    await everyPage();
    const middle = await reader.getArticleBySlug('article-60');
    expect(await reader.deleteArticle(middle?.id as number)).toBe(true);
    await everyPage();
  });
});

interface PlanNode {
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/**
 * The rows a statement's scans of the lists' tables gave, by EXPLAIN ANALYZE: every index entry
 * walked or skipped, and every row of a sequential scan (lookups by id of the articles a page
 * shows aside).
 */
async function rowsRead(url: string, sql: { text: string; values?: unknown[] }): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, sql.values);
    let read = 0;
    const visit = (node: PlanNode) => {
      const table = node['Relation Name'];
      if (
        (table === 'articles' || table === 'article_tags') &&
        node['Index Name'] !== 'articles_pkey'
      ) {
        read += node['Actual Rows'] * node['Actual Loops'];
      }
      for (const child of node.Plans ?? []) visit(child);
    };
    visit(rows[0]['QUERY PLAN'][0].Plan);
    return read;
  } finally {
    await client.end();
  }
}

describe('A deep numbered page in PostgreSQL', () => {
  it('reads fewer index entries than a checkpoint step beyond its own rows, however deep; the first read after a write walks to it once', {
    timeout: 180_000,
  }, async () => {
    const STEP = 100;
    const SIZE = 20;
    const url = await freshDatabase();
    const store = await postgres(url, STEP);
    const plain = await postgres(url, NEVER);
    await seed(store, archive(4000));
    // Planner statistics, as autovacuum would leave them, so that plans are those of a live site.
    await store.pool.query('ANALYZE');
    const statements = (target: PostgresStore) => {
      const spy = vi.spyOn(target.pool, 'query');
      return () => {
        const sent = spy.mock.calls.map(
          ([sql]) => sql as unknown as { text: string; values?: unknown[] },
        );
        spy.mockRestore();
        return {
          page: sent.filter((s) => s.text.includes('JOIN media m')),
          walks: sent.filter((s) => s.text.includes('WITH RECURSIVE steps')),
        };
      };
    };

    for (const filter of [{}, { tags: { anyOf: ['workers'] } }]) {
      const total = await store.countArticles(filter);
      const last = Math.ceil(total / SIZE);
      // Pages 10%, 30%, 50% (the deepest from either end), 70%, 90% deep, and the last.
      const depths = [0.1, 0.3, 0.5, 0.7, 0.9].map((d) => Math.max(1, Math.round(last * d)));
      for (const page of [...depths, last]) {
        for (const order of ['newest', 'oldest'] as const) {
          const query = { filter, order, page, pageSize: SIZE };
          const skip = Math.min((page - 1) * SIZE, Math.max(0, total - page * SIZE));
          const read = statements(store);
          const got = await store.pageArticles(query);
          const { page: pageSql, walks } = read();
          expect(pageSql).toHaveLength(1);
          const rows = await rowsRead(url, pageSql[0] as { text: string });
          expect(rows, `page ${page} ${order}: index entries read`).toBeLessThan(STEP + SIZE);
          expect(rows).toBeGreaterThanOrEqual(got.hits.length);
          // The walk (the first read this deep at this version): the entries up to the page, once.
          for (const walk of walks) {
            expect(await rowsRead(url, walk), `page ${page} ${order}: walk`).toBeLessThanOrEqual(
              skip + Math.ceil(skip / STEP) + 1,
            );
          }

          const readPlain = statements(plain);
          const want = await plain.pageArticles(query);
          const plainSql = readPlain().page[0] as { text: string };
          expect(slugsOf(got)).toEqual(slugsOf(want));
          // Counted alike, the OFFSET read walks every row between its end and the page.
          expect(await rowsRead(url, plainSql)).toBeGreaterThanOrEqual(skip + got.hits.length);
        }
      }
    }

    // Read again at the same version: no walk at all. After a write, the first deep read walks.
    const again = statements(store);
    await store.pageArticles({ page: 100, pageSize: SIZE });
    expect(again().walks).toHaveLength(0);
    await plain.upsertTag({ slug: 'workers', name: 'Workers', description: 'Changed.' });
    const after = statements(store);
    await store.pageArticles({ page: 100, pageSize: SIZE });
    expect(after().walks).toHaveLength(1);
  });
});
