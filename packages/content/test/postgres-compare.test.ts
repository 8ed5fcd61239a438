// The seed archive in the PostgreSQL store and in the SQLite store, compared read by read (see
// compareStores in @jin/store/contract for what is compared and how search may differ). It lives
// here because the store does not depend on the archive.

import { compareStores } from '@jin/store/contract';
import { createPostgresStore } from '@jin/store/postgres';
import { dropDatabasesAfterAll, freshDatabase } from '@jin/store/postgres-testing';
import { SqliteStore } from '@jin/store/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive, seedStore } from '../src/archive.ts';
import { loadStatistics, seedStatistics } from '../src/statistics.ts';

dropDatabasesAfterAll();
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

describe('The seed archive in PostgreSQL and in SQLite', () => {
  it('reads alike in every list, page, count, related and statistics read, and searches alike but for words the stemmers part on', async () => {
    // A small rank window, so that relevance lists have several tiers to compare; and
    // checkpoints close together, so that numbered pages are read from them.
    const sqlite = new SqliteStore({ path: ':memory:', rankWindow: 10 });
    const postgres = await createPostgresStore({
      url: await freshDatabase(),
      rankWindow: 10,
      pageCheckpointStep: 10,
    });
    closers.push(
      () => sqlite.close(),
      () => postgres.close(),
    );
    const archive = loadArchive();
    const statistics = loadStatistics();
    for (const store of [sqlite, postgres]) {
      await seedStore(store, archive);
      expect((await seedStatistics(store, statistics)).changed).toBe(true);
    }
    const queries = [
      'visa',
      'refugee',
      'technical intern',
      'specified skilled worker',
      'asylum',
      'permanent residency',
      'immig',
      'digital nomad',
      'labor shortage',
      'Japan',
      'multi-agent',
      '入管法',
      'refugees',
      'workers',
      'community',
      'general',
    ];
    // Porter (SQLite) and snowball english (PostgreSQL) part on these: porter cuts "community"
    // and "communist" both to "commun", and "general" and "generation" both to "gener"; snowball
    // keeps them apart ("communiti", "communist"; "general", "generat").
    const stemmersDiffer = ['community', 'general'];
    const result = await compareStores(sqlite, postgres, { queries, stemmersDiffer });
    expect(result.pagesCompared).toBeGreaterThan(500);
    // Every series file, and the articles they cite.
    expect(result.seriesCompared).toBe(statistics.series.length);
    expect(result.seriesCompared).toBeGreaterThan(5);
    const cited = new Set(
      statistics.series.flatMap((s) => s.lines.flatMap((l) => l.points.flatMap((p) => p.articles))),
    );
    expect(result.articlesReportingSeries).toBe(cited.size);
    // Every other query matches the same articles; those two find more on SQLite only.
    expect(result.sameMatches).toEqual(queries.filter((q) => !stemmersDiffer.includes(q)));
    expect(result.differentMatches.map((d) => d.query)).toEqual(stemmersDiffer);
    for (const { onlyFirst, onlySecond } of result.differentMatches) {
      expect(onlyFirst.length).toBeGreaterThan(0);
      expect(onlySecond).toEqual([]);
    }
  });
});
