// The PostgreSQL store against the SQLite store on the same archive, read by read (see
// testing/compare.ts for what is compared).

import { afterAll, describe, expect, it } from 'vitest';
import { compareStores, fixtureArticles, fixtureStatistics, seed } from '../../testing/index.ts';
import { dropDatabasesAfterAll, freshDatabase } from '../../testing/postgres-databases.ts';
import { SqliteStore } from '../sqlite/sqlite-store.ts';
import type { Store } from '../types.ts';
import { createPostgresStore } from './postgres-store.ts';

dropDatabasesAfterAll();
const stores: Store[] = [];
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

describe('PostgreSQL and SQLite on the same archive', () => {
  it('answer every list, page, count, related and statistics read alike, and search alike, stemmed', async () => {
    // A small rank window, so that relevance lists have several tiers to compare; and
    // checkpoints close together, so that numbered pages are read from them.
    const sqlite = new SqliteStore({ path: ':memory:', rankWindow: 8 });
    const postgres = await createPostgresStore({
      url: await freshDatabase(),
      rankWindow: 8,
      pageCheckpointStep: 8,
    });
    stores.push(sqlite, postgres);
    const archive = fixtureArticles(160).map((a, i) => ({
      ...a,
      // Dates over three years, and a few plural words for stemming to find.
      releasedOn: `202${i % 3}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      summary: i % 9 === 0 ? `${a.summary}\n\nMore visas and permits.` : a.summary,
    }));
    for (const store of stores) {
      await seed(store, archive);
      await store.replaceStatistics(fixtureStatistics());
    }
    const result = await compareStores(sqlite, postgres, {
      queries: [
        'visa',
        'census',
        'rules',
        'point two',
        'article 7',
        'wage',
        'camp',
        'visa rules',
        'visas',
        'permit',
        'quota trainee',
        'asylum number',
      ],
    });
    expect(result.pagesCompared).toBeGreaterThan(500);
    // Both fixture series, and the five articles they cite.
    expect([result.seriesCompared, result.articlesReportingSeries]).toEqual([2, 5]);
    // Both stem: "visa" finds "visas", "permit" finds "permits", on each engine alike.
    expect(result.differentMatches).toEqual([]);
    expect(result.sameMatches).toEqual([
      'visa',
      'census',
      'rules',
      'point two',
      'article 7',
      'wage',
      'camp',
      'visa rules',
      'visas',
      'permit',
      'quota trainee',
      'asylum number',
    ]);
  });
});
