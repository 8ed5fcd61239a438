// The store's reads on SQLite and on PostgreSQL side by side, at a small and a large archive:
// the same synthetic articles (seed 42) in each, the same reads, in this process.

import { loadavg } from 'node:os';
import { loadSynthetic } from '@jin/content/synthetic';
import { startThrowawayPostgres } from '@jin/site-process/postgres';
import type { ArticleKey, Store } from '@jin/store';
import { createPostgresStore } from '@jin/store/postgres';
import { SqliteStore } from '@jin/store/sqlite';
import { BIG_TAG, databaseBytes } from '../shared/datasets.ts';
import { SEARCH_WORD } from '../shared/queries.ts';
import type { Context } from '../shared/section.ts';
import { type Summary, sample, sampleTogether } from '../shared/stats.ts';

export type Engine = 'sqlite' | 'postgres';
export const ENGINES: Engine[] = ['sqlite', 'postgres'];

export type EngineOp =
  | 'firstPage'
  | 'deepPage'
  | 'numberedLate'
  | 'tagTable'
  | 'fullText'
  | 'detail';

export const ENGINE_OPS: Record<EngineOp, string> = {
  firstPage: 'keyset page of 20 (first page)',
  deepPage: 'keyset page 20 levels deep (by cursor)',
  numberedLate: 'numbered page 90% deep (page size 20)',
  tagTable: `tag table, first page ("${BIG_TAG}", with its count)`,
  fullText: `full-text "${SEARCH_WORD}", by relevance, first 20`,
  detail: 'article detail (by slug)',
};

/** Reads that page through a list: their cost should not grow with the archive. */
export const PAGED_OPS: EngineOp[] = ['firstPage', 'deepPage', 'numberedLate', 'tagTable'];

export interface EnginePoint {
  engine: Engine;
  size: number;
  /** Generating the articles and loading them (PostgreSQL: and VACUUM ANALYZE after). */
  loadSeconds: number;
  databaseMb: number;
  ops: Record<EngineOp, Summary>;
}

export interface EnginesResult {
  sizes: number[];
  points: EnginePoint[];
  /** The machine's 1-minute load average when the section started and ended. */
  loadAverage: number[];
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`store engines check failed: ${what}`);
}

/** One closure per read, each checked once so that a broken read cannot pass as a fast one. */
async function reads(store: Store, size: number) {
  const slug = `synthetic-${Math.ceil(size / 2)}`;
  check((await store.getArticleBySlug(slug)) !== null, `${slug} exists`);
  let after: ArticleKey | undefined;
  for (let page = 1; page < 20; page++) {
    const slice = await store.listArticles({ first: 20, after });
    after = slice.hits.at(-1)?.key;
  }
  const total = await store.countArticles();
  const late = Math.max(1, Math.floor((Math.ceil(total / 20) * 9) / 10));
  const tag = { tags: { anyOf: [BIG_TAG] } };
  const ops = {
    firstPage: () => store.listArticles({ first: 20 }),
    deepPage: () => store.listArticles({ first: 20, after }),
    numberedLate: () => store.pageArticles({ page: late, pageSize: 20 }),
    tagTable: () => store.pageArticles({ filter: tag, page: 1, pageSize: 20 }),
    fullText: () =>
      store.listArticles({ filter: { query: SEARCH_WORD }, order: 'relevance', first: 20 }),
    detail: () => store.getArticleBySlug(slug),
  } satisfies Record<EngineOp, () => Promise<unknown>>;
  check((await ops.firstPage()).hits.length === Math.min(20, size), 'first page is full');
  check((await ops.numberedLate()).hits.length > 0, 'the late numbered page is not empty');
  check((await ops.tagTable()).totalCount > 0, 'the tag has articles');
  const found = await ops.fullText();
  check(found.hits.length > 0 && found.hits[0]?.snippet !== null, 'search finds with snippets');
  return ops;
}

async function measure(store: Store, size: number, context: Context) {
  const { firstPage, deepPage, ...others } = await reads(store, size);
  const ops = (await sampleTogether(
    { firstPage, deepPage },
    context.settings.storeSampling,
  )) as Record<EngineOp, Summary>;
  for (const [op, read] of Object.entries(others) as [EngineOp, () => Promise<unknown>][]) {
    ops[op] = await sample(read, context.settings.storeSampling);
  }
  return ops;
}

export async function benchEngines(context: Context): Promise<EnginesResult> {
  const sizes = context.settings.smoke ? [100, 400] : [1_000, 100_000];
  const loadAverage = [loadavg()[0] as number];
  const points: EnginePoint[] = [];
  const server = await startThrowawayPostgres();
  try {
    for (const size of sizes) {
      const dataset = await context.datasets.get(size);
      const sqlite = new SqliteStore({ path: dataset.path });
      try {
        points.push({
          engine: 'sqlite',
          size,
          loadSeconds: dataset.loadSeconds,
          databaseMb: databaseBytes(dataset.path) / 2 ** 20,
          ops: await measure(sqlite, size, context),
        });
      } finally {
        await sqlite.close();
      }

      const url = new URL(server.url);
      url.pathname = `/synthetic_${size}`;
      const admin = await createPostgresStore({ url: server.url, poolSize: 1 });
      await admin.pool.query(`CREATE DATABASE synthetic_${size}`);
      await admin.close();
      const start = performance.now();
      const store = await createPostgresStore({ url: url.toString(), poolSize: 4 });
      try {
        const created = await loadSynthetic(store, { count: size, seed: 42 });
        check(created === size, `loaded ${size} articles into PostgreSQL`);
        // Planner statistics and the visibility map, as autovacuum would leave them.
        await store.pool.query('VACUUM ANALYZE');
        const loadSeconds = (performance.now() - start) / 1000;
        const [row] = (await store.pool.query('SELECT pg_database_size(current_database()) AS b'))
          .rows as { b: string }[];
        points.push({
          engine: 'postgres',
          size,
          loadSeconds,
          databaseMb: Number(row?.b) / 2 ** 20,
          ops: await measure(store, size, context),
        });
      } finally {
        await store.close();
      }
    }
  } finally {
    await server.destroy();
  }
  loadAverage.push(loadavg()[0] as number);
  return { sizes, points, loadAverage };
}
