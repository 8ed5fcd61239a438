// `cli copy` moves an archive between engines and back, with nothing lost: both sides are read
// out completely (statistics series included) and compared.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStatistics } from '@jin/content/statistics';
import { snapshotStore } from '@jin/content/write';
import type { Store } from '@jin/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/database.ts';
import { type TestDatabase, testDatabase } from './postgres.ts';
import { runCli } from './processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'jin-copy-'));
const original = join(dir, 'original.sqlite');
const roundTrip = join(dir, 'round-trip.sqlite');
let db: TestDatabase;

const settings = { JIN_DATABASE_POOL_SIZE: 2, JIN_DATABASE_STATEMENT_TIMEOUT_MS: 30_000 };
async function withStore<T>(where: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const postgres = where.startsWith('postgres');
  const { store } = await openStore({
    ...settings,
    JIN_DB_PATH: postgres ? ':memory:' : where,
    JIN_DATABASE_URL: postgres ? where : undefined,
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Everything an archive holds, without the ids and times each database gives its rows. */
async function contents(where: string) {
  return withStore(where, async (store) => {
    const snapshot = await snapshotStore(store);
    const articles = snapshot.articles
      .map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest)
      .sort((x, y) => x.slug.localeCompare(y.slug));
    const ruleChanges = (await store.listRuleChanges({ first: 100 })).items.map((r) => r.slug);
    // The timeline's links, per article slug (ids differ between databases).
    const ids = snapshot.articles.map((x) => x.id);
    const stories = await store.storiesForArticles(ids);
    const cited = await store.ruleChangesForArticles(ids);
    const links = Object.fromEntries(
      snapshot.articles.map((x, i) => [
        x.slug,
        [...(stories[i] ?? []).map((s) => s.slug), ...(cited[i] ?? []).map((r) => r.slug)],
      ]),
    );
    // The statistics whole, each article named by slug.
    const slugOf = new Map(snapshot.articles.map((x) => [x.id, x.slug]));
    const named = (ids: number[]) => ids.map((id) => slugOf.get(id) ?? `missing article ${id}`);
    const series = (await store.listSeries()).map(({ id: _id, articleIds, lines, ...rest }) => ({
      ...rest,
      articles: named(articleIds),
      lines: lines.map((line) => ({
        ...line,
        points: line.points.map(({ articleIds: cited, ...point }) => ({
          ...point,
          articles: named(cited),
        })),
      })),
    }));
    const reported = await store.seriesForArticles(ids);
    const seriesOf = Object.fromEntries(
      snapshot.articles.map((x, i) => [x.slug, (reported[i] ?? []).map((s) => s.slug)]),
    );
    return {
      articles,
      tags: [...snapshot.tags].sort((x, y) => x.slug.localeCompare(y.slug)),
      media: [...snapshot.media].sort((x, y) => x.slug.localeCompare(y.slug)),
      ruleChanges,
      links,
      series,
      seriesOf,
    };
  });
}

beforeAll(async () => {
  db = await testDatabase();
  const seeded = runCli(['seed'], { JIN_DB_PATH: original });
  expect(seeded.status, seeded.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('cli copy', () => {
  it('copies a SQLite archive into PostgreSQL and back with nothing lost', async () => {
    const there = runCli(['copy', '--from', original, '--to', db.url], {});
    expect(there.status, there.stderr).toBe(0);
    expect(there.stdout).toMatch(/copied \d+ articles/);
    const series = loadStatistics().series.length;
    expect(there.stdout).toContain(`and ${series} statistics series from`);
    expect(there.stderr).not.toContain('not loaded');

    const back = runCli(['copy', '--from', db.url, '--to', roundTrip], {});
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toContain(`and ${series} statistics series from`);

    const [a, b, c] = await Promise.all([
      contents(original),
      contents(db.url),
      contents(roundTrip),
    ]);
    expect(a.articles.length).toBeGreaterThan(100);
    expect(a.ruleChanges.length).toBeGreaterThan(10);
    expect(a.series.map((s) => s.slug).sort()).toEqual(
      loadStatistics()
        .series.map((s) => s.slug)
        .sort(),
    );
    expect(Object.values(a.seriesOf).filter((list) => list.length > 0).length).toBeGreaterThan(5);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('refuses to copy into a database that already holds articles, and changes nothing', async () => {
    const again = runCli(['copy', '--from', original, '--to', db.url], {});
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds \d+ articles/);
    const after = await contents(db.url);
    expect(after.articles.length).toBe((await contents(original)).articles.length);
  });

  it('names a missing source file instead of copying an empty new database', () => {
    const missing = runCli(['copy', '--from', join(dir, 'nope.sqlite'), '--to', db.url], {});
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no database file at');
  });
});
