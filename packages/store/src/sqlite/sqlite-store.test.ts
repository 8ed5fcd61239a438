// The SQLite engine beyond the contract: migrations and upgrades, counts, ranking tiers, the
// ways of reading a text query, locks. Kept whole: its cases share the fixture and its walkers.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fixtureArticles, runStoreContract, seed, walk } from '../../testing/index.ts';
import type { Article, ArticleHit, ArticleInput, ArticleKey, Tag } from '../types.ts';
import { FilterCounts } from './filter-counts.ts';
import { migrate, SCHEMA_VERSION } from './migrations.ts';
import { openSqliteStore, parseSnippet, SqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'jin-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreContract('SQLite in memory', () => openSqliteStore());
runStoreContract('SQLite file', () => new SqliteStore({ path: join(dir, `contract-${n++}.db`) }));

describe('SQLite specifics', () => {
  it('reads the columns counts come from once per version, in steps that let other work run', async () => {
    const store = openSqliteStore();
    await seed(store, fixtureArticles(120));
    const version = () =>
      String(
        store.db.prepare("SELECT value FROM meta WHERE key = 'dataset_version'").pluck().get(),
      );
    const counts = new FilterCounts(store.db, version, 10);
    let turns = 0;
    let reading = true;
    const spin = () => {
      if (!reading) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    await counts.ready();
    reading = false;
    expect(turns).toBeGreaterThan(5);
    expect(counts.loads).toBe(1);
    await counts.ready();
    expect(counts.loads).toBe(1);
    const resolved = (slugs: string[]) => ({
      empty: false,
      anyOfTagIds: store.db
        .prepare('SELECT id FROM tags WHERE slug IN (SELECT value FROM json_each(?))')
        .pluck()
        .all(JSON.stringify(slugs)) as number[],
      allOfTagIds: [],
      mediaIds: [],
      ftsQuery: null,
    });
    for (const slugs of [['workers'], ['policy', 'students']]) {
      expect(counts.count(resolved(slugs))).toBe(
        await store.countArticles({ tags: { anyOf: slugs } }),
      );
    }
    expect(counts.loads).toBe(1);
    await store.upsertTag({ slug: 'policy', name: 'Policy', description: 'Changed.' });
    // Callers that ask while the columns are being read share the one read.
    await Promise.all([counts.ready(), counts.ready(), counts.ready()]);
    expect(counts.loads).toBe(2);
  });

  it('reads a text query with tag and outlet conditions the same way at their keys, among their ids, or by checking each match', async () => {
    const atKeys = new SqliteStore({ path: ':memory:', ftsKeysMax: 1000 });
    const byIds = new SqliteStore({ path: ':memory:', ftsKeysMax: 0 });
    const perMatch = new SqliteStore({ path: ':memory:', ftsKeysMax: 0, ftsIdsMax: 0 });
    for (const store of [atKeys, byIds, perMatch]) await seed(store, fixtureArticles(120));
    const filters = [
      { query: 'rules', tags: { anyOf: ['workers', 'students'] } },
      {
        query: 'visa',
        tags: { allOf: ['policy', 'refugees'] },
        media: ['kyodo-news', 'nhk-world'],
      },
      { query: 'census rules', tags: { anyOf: ['statistics'] }, releasedTo: '2024-04-10' },
      { query: 'wage', tags: { anyOf: ['policy'], allOf: ['unknown'] } },
    ];
    for (const filter of filters) {
      for (const order of ['relevance', 'newest', 'oldest'] as const) {
        const read = async (store: SqliteStore) => {
          const slice = await store.listArticles({ filter, order, first: 100 });
          const page = await store.pageArticles({ filter, order, page: 2, pageSize: 3 });
          return {
            list: slice.hits.map((h) => [h.article.slug, h.snippet]),
            page: page.hits.map((h) => h.article.slug),
            total: page.totalCount,
            count: await store.countArticles(filter),
          };
        };
        const keyed = await read(atKeys);
        expect(keyed).toEqual(await read(byIds));
        expect(keyed).toEqual(await read(perMatch));
      }
    }
    expect((await atKeys.countArticles(filters[0])) > 0).toBe(true);
    // The keyed read names its keys; the other checks tags per match.
    const fresh = new SqliteStore({ path: ':memory:', ftsKeysMax: 1000 });
    await seed(fresh, fixtureArticles(120));
    const sqls = vi.spyOn(fresh.db, 'prepare');
    await fresh.listArticles({ filter: filters[0], order: 'relevance', first: 5 });
    expect(sqls.mock.calls.some(([sql]) => sql.includes('articles_fts.rowid IN'))).toBe(true);
  });

  it('applies migrations once and keeps data across reopen', async () => {
    const path = join(dir, 'reopen.db');
    const first = new SqliteStore({ path });
    await first.upsertTag({ slug: 'policy', name: 'Policy', description: 'Policy.' });
    await first.upsertArticle({ ...(fixtureArticles(1)[0] as ArticleInput), tags: ['policy'] });
    const version = await first.datasetVersion();
    await first.close();
    const second = new SqliteStore({ path });
    expect(second.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(second.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(await second.countArticles()).toBe(1);
    expect(await second.datasetVersion()).toBe(version);
    expect(second.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await second.close();
  });

  it('widens the page cache and keeps temporary data in memory for a bulk import only while it runs', async () => {
    const store = openSqliteStore();
    await store.upsertTag({ slug: 'policy', name: 'Policy', description: 'Policy.' });
    const settings = () => ({
      cache: store.db.pragma('cache_size', { simple: true }),
      temp: store.db.pragma('temp_store', { simple: true }),
    });
    const before = settings();
    expect(before.temp).not.toBe(2);
    // The settings the import makes, in order (every write also sets how long it waits on a lock).
    const made: string[] = [];
    const pragma = store.db.pragma.bind(store.db);
    store.db.pragma = ((source: string, options?: { simple?: boolean }) => {
      if (source.includes('=') && !source.startsWith('busy_timeout')) made.push(source);
      return pragma(source, options);
    }) as typeof store.db.pragma;
    const many = fixtureArticles(150).map((a) => ({ ...a, tags: ['policy'] }));
    expect((await store.importArticles(many)).created).toBe(150);
    expect(made).toEqual([
      'cache_size = -16384',
      'temp_store = MEMORY',
      `cache_size = ${before.cache}`,
      `temp_store = ${before.temp}`,
    ]);
    expect(settings()).toEqual(before);
    await expect(
      store.importArticles([...many, { ...(many[0] as ArticleInput), title: '' }]),
    ).rejects.toThrow();
    expect(settings()).toEqual(before);
    expect(made).toHaveLength(8);
    await store.close();
  });

  it('gives two databases different versions', async () => {
    const a = openSqliteStore();
    const b = openSqliteStore();
    expect(await a.datasetVersion()).not.toBe(await b.datasetVersion());
  });

  it('reads one tag in date order from the tag index, not a scan of articles', () => {
    const store = openSqliteStore();
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT a.id FROM article_tags d JOIN articles a ON a.id = d.article_id
         WHERE d.tag_id = 1 AND (d.released_on, d.article_id) < ('2024-01-01', 5)
         ORDER BY d.released_on DESC, d.article_id DESC LIMIT 20`,
      )
      .all() as { detail: string }[];
    const text = plan.map((p) => p.detail).join('\n');
    expect(text).toMatch(/SEARCH d USING PRIMARY KEY/);
    expect(text).not.toMatch(/TEMP B-TREE/);
  });

  it('splits snippets into plain and highlighted parts', () => {
    expect(parseSnippet('a \u0002visa\u0003 rule\n…')).toEqual([
      { text: 'a ', highlighted: false },
      { text: 'visa', highlighted: true },
      { text: ' rule …', highlighted: false },
    ]);
  });

  it('moves an existing search index to release-date keys when it upgrades', async () => {
    const path = join(dir, 'upgrade.db');
    const old = new Database(path);
    migrate(old, 3);
    old.exec(`
      INSERT INTO media (id, slug, name, name_key) VALUES (1, 'nhk', 'NHK', 'nhk');
      INSERT INTO articles (id, slug, title, released_on, media_id, summary, created_at, updated_at)
      VALUES (7, 'old-one', 'Quota rules', '2019-03-01', 1, 'A quota text.', 'x', 'x'),
             (9, 'new-one', 'Visa rules', '2025-06-30', 1, 'A visa text.', 'x', 'x');`);
    old.close();
    const store = new SqliteStore({ path });
    const hit = (await store.listArticles({ filter: { query: 'quota' }, order: 'relevance' })).hits;
    expect(hit.map((h) => [h.article.id, h.article.slug])).toEqual([[7, 'old-one']]);
    expect(hit[0]?.snippet?.some((p) => p.highlighted && p.text.toLowerCase() === 'quota')).toBe(
      true,
    );
    const rules = await store.listArticles({ filter: { query: 'rules' }, first: 5 });
    expect(rules.hits.map((h) => h.article.slug)).toEqual(['new-one', 'old-one']);
    // The index agrees with the articles it was built from (this throws if it does not).
    const check = "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)";
    expect(() => store.db.prepare(check).run()).not.toThrow();
    store.db.prepare("UPDATE articles SET released_on = '2026-01-01' WHERE id = 7").run();
    expect(() => store.db.prepare(check).run()).not.toThrow();
    await store.close();
  });
});

/** The kept article counts, and what they should be: counted from the articles themselves. */
function counts(store: SqliteStore) {
  const kept = {
    total: store.db
      .prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'article_count'")
      .pluck()
      .get(),
    months: store.db
      .prepare('SELECT month, article_count FROM article_months ORDER BY 1')
      .raw()
      .all(),
  };
  const counted = {
    total: store.db.prepare('SELECT count(*) FROM articles').pluck().get(),
    months: store.db
      .prepare('SELECT substr(released_on, 1, 7), count(*) FROM articles GROUP BY 1 ORDER BY 1')
      .raw()
      .all(),
  };
  return { kept, counted };
}

describe('Kept article counts', () => {
  it('match the articles after every kind of write, failed and dry ones included', async () => {
    const store = openSqliteStore();
    const expectRight = async (total: number) => {
      const { kept, counted } = counts(store);
      expect(kept).toEqual(counted);
      expect(kept.total).toBe(total);
      expect(await store.countArticles()).toBe(total);
    };
    await seed(store);
    await expectRight(47);
    const batch = (word: string) =>
      fixtureArticles(150).map((a, i) => ({
        ...a,
        slug: `${word}-${i}`,
        releasedOn: `20${10 + (i % 9)}-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 9}`,
      }));
    const failing = batch('failing');
    (failing[149] as ArticleInput).title = '';
    await expect(store.importArticles(failing)).rejects.toThrow();
    await store.importArticles(batch('dry'), { dryRun: true });
    await store.importArticles(batch('dry').slice(0, 2), { dryRun: true });
    await expectRight(47);
    expect((await store.importArticles(batch('bulk'))).created).toBe(150);
    await expectRight(197);
    // Into months that already hold articles, with one existing article updated on the way.
    const more = batch('more');
    more[0] = { ...(batch('bulk')[0] as ArticleInput), releasedOn: '2018-12-01' };
    expect(await store.importArticles(more)).toMatchObject({ created: 149, updated: 1 });
    await expectRight(346);

    const one = fixtureArticles()[0] as ArticleInput;
    const { article } = await store.upsertArticle({
      ...one,
      slug: 'alone',
      releasedOn: '2040-02-29',
    });
    await expectRight(347);
    await store.upsertArticle({ ...one, slug: 'alone', releasedOn: '2040-02-01' });
    await store.upsertArticle({ ...one, slug: 'bulk-3', releasedOn: '2041-12-31' });
    await expectRight(347);
    expect(counts(store).kept.months).toContainEqual(['2041-12', 1]);
    await store.deleteArticle(article.id);
    await store.deleteArticle(((await store.getArticleBySlug('bulk-3')) as Article).id);
    await expectRight(345);
    // A month whose last article leaves is no longer listed.
    expect(counts(store).kept.months.map((m) => (m as [string, number])[0])).not.toContain(
      '2041-12',
    );
    await store.close();
  });

  it('are counted from the articles of an existing database when it upgrades', async () => {
    const path = join(dir, 'upgrade-counts.db');
    const old = new Database(path);
    migrate(old, 4);
    old.exec(`
      INSERT INTO media (id, slug, name, name_key) VALUES (1, 'nhk', 'NHK', 'nhk');
      INSERT INTO articles (id, slug, title, released_on, media_id, summary, created_at, updated_at)
      VALUES (7, 'one', 'Quota rules', '2019-03-01', 1, 'A quota text.', 'x', 'x'),
             (8, 'two', 'Visa rules', '2019-03-31', 1, 'A visa text.', 'x', 'x'),
             (9, 'three', 'Wage rules', '2025-06-30', 1, 'A wage text.', 'x', 'x');`);
    old.close();
    const store = new SqliteStore({ path });
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const { kept, counted } = counts(store);
    expect(kept).toEqual({
      total: 3,
      months: [
        ['2019-03', 2],
        ['2025-06', 1],
      ],
    });
    expect(kept).toEqual(counted);
    expect(await store.countArticles()).toBe(3);
    expect(await store.deleteArticle(8)).toBe(true);
    expect(counts(store).kept).toEqual({
      total: 2,
      months: [
        ['2019-03', 1],
        ['2025-06', 1],
      ],
    });
    // Writes after the upgrade are counted and indexed, one by one and in bulk.
    await seed(store, fixtureArticles(120));
    await store.upsertArticle({ ...(fixtureArticles()[0] as ArticleInput), slug: 'single' });
    expect(counts(store).kept).toEqual(counts(store).counted);
    expect(await store.countArticles()).toBe(123);
    expect(await store.countArticles({ query: 'rules' })).toBe(123);
    await store.close();
  });
});

describe('Numbered pages deep in a large archive', () => {
  it('skip whole months and still hold exactly the right rows, after deletes and date moves', async () => {
    const store = openSqliteStore();
    let state = 11;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const day = (d: number) => new Date(Date.UTC(2015, 0, 1 + d)).toISOString().slice(0, 10);
    // Over ten years, so many articles share a date and every month holds about fifty.
    const inputs = fixtureArticles(6000).map((a, i) => ({
      ...a,
      slug: `deep-${i}`,
      releasedOn: day(Math.floor(random() * 3650)),
    }));
    await seed(store, inputs);

    const expectPages = async (pageSize: number) => {
      // The oracle: every article sorted in memory.
      const rows = store.db.prepare('SELECT id, slug, released_on FROM articles').all() as {
        id: number;
        slug: string;
        released_on: string;
      }[];
      rows.sort((x, y) =>
        x.released_on === y.released_on ? x.id - y.id : x.released_on < y.released_on ? -1 : 1,
      );
      const oldest = rows.map((r) => r.slug);
      for (const [order, want] of [
        ['oldest', oldest],
        ['newest', [...oldest].reverse()],
      ] as const) {
        const pageCount = Math.ceil(want.length / pageSize);
        for (let page = 1; page <= pageCount; page++) {
          const got = await store.pageArticles({ order, page, pageSize });
          expect(got.totalCount).toBe(want.length);
          expect(got.hits.map((h) => h.article.slug)).toEqual(
            want.slice((page - 1) * pageSize, page * pageSize),
          );
        }
      }
    };

    // A page in the middle reads the months' counts; an early one does not need them.
    const sqls = vi.spyOn(store, 'stmt');
    const readsMonths = () => sqls.mock.calls.some(([sql]) => sql.includes('article_months'));
    await store.pageArticles({ page: 2, pageSize: 20 });
    expect(readsMonths()).toBe(false);
    await store.pageArticles({ page: 140, pageSize: 20 });
    expect(readsMonths()).toBe(true);
    sqls.mockRestore();

    await expectPages(100);
    const all = (await store.getArticlesByIds(inputs.map((_, i) => i + 1))) as Article[];
    // Every article of one month goes, and every seventeenth of the rest.
    for (const a of all) {
      if (a.releasedOn.startsWith('2018-05') || a.id % 17 === 0) await store.deleteArticle(a.id);
    }
    // Every twenty-third moves: some to a month that was empty, others across the archive.
    const input = (a: Article): ArticleInput => ({
      ...(inputs[a.id - 1] as ArticleInput),
      releasedOn: a.id % 2 === 0 ? '2018-05-20' : day(Math.floor(random() * 3650)),
    });
    for (const a of all)
      if (a.id % 23 === 0 && a.id % 17 !== 0) await store.upsertArticle(input(a));
    expect(counts(store).kept).toEqual(counts(store).counted);
    await expectPages(37);
    await store.close();
  });
});

describe('Relevance in tiers of the newest matches', () => {
  const WINDOW = 4;
  const open = async (rankWindow: number) => {
    const store = new SqliteStore({ path: ':memory:', rankWindow });
    await seed(store);
    return store;
  };
  const newestFirst = (a: ArticleHit, b: ArticleHit) =>
    a.article.releasedOn === b.article.releasedOn
      ? b.article.id - a.article.id
      : a.article.releasedOn < b.article.releasedOn
        ? 1
        : -1;
  const rankOf = (key: ArticleKey) => (key.kind === 'rank' ? key : { tier: -1, rank: 0, id: 0 });
  const all = async (store: SqliteStore, query: string, media?: string[]) => {
    const slice = await store.listArticles({
      filter: { query, media },
      order: 'relevance',
      first: 100,
    });
    expect(slice.hasNextPage).toBe(false);
    return slice.hits;
  };

  it('ranks each tier of the newest matches by BM25 and pages through every tier', async () => {
    const store = await open(WINDOW);
    // "rules" is in all 47 titles, on six dates, so tiers split runs of equal dates.
    const hits = await all(store, 'rules');
    expect(hits).toHaveLength(47);
    const byDate = [...hits].sort(newestFirst);
    for (let t = 0; t * WINDOW < hits.length; t++) {
      const tier = hits.slice(t * WINDOW, (t + 1) * WINDOW);
      // A tier holds the next WINDOW matches, newest first …
      expect(new Set(tier.map((h) => h.article.id))).toEqual(
        new Set(byDate.slice(t * WINDOW, (t + 1) * WINDOW).map((h) => h.article.id)),
      );
      // … ranked among themselves, best (lowest BM25) first, ties by id.
      for (const [i, hit] of tier.entries()) {
        const key = rankOf(hit.key);
        expect(key.tier).toBe(t);
        const prev = tier[i - 1];
        if (prev) {
          const before = rankOf(prev.key);
          expect(before.rank < key.rank || (before.rank === key.rank && before.id < key.id)).toBe(
            true,
          );
        }
      }
    }
    const slugs = hits.map((h) => h.article.slug);
    for (const size of [1, 3, 4, 5, 9]) {
      expect(await walk(store, { query: 'rules' }, 'relevance', size, 'forward')).toEqual(slugs);
      expect(await walk(store, { query: 'rules' }, 'relevance', size, 'backward')).toEqual(slugs);
    }
    for (const pageSize of [3, 4, 10]) {
      const pages: string[] = [];
      for (let page = 1; page <= Math.ceil(47 / pageSize); page++) {
        const got = await store.pageArticles({
          filter: { query: 'rules' },
          order: 'relevance',
          page,
          pageSize,
        });
        expect(got.totalCount).toBe(47);
        pages.push(...got.hits.map((h) => h.article.slug));
      }
      expect(pages).toEqual(slugs);
    }
    await store.close();
  });

  it('is plain BM25 over every match when they fit in one tier', async () => {
    const wide = await open(1000);
    const narrow = await open(WINDOW);
    const hits = await all(wide, 'rules');
    expect(hits.every((h) => rankOf(h.key).tier === 0)).toBe(true);
    const keys = hits.map((h) => rankOf(h.key));
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]] as [ArticleKey & { rank: number }, (typeof keys)[0]];
      expect(a.rank < b.rank || (a.rank === b.rank && a.id < b.id)).toBe(true);
    }
    // The same scores either way: tiers change which matches are compared, not their scores.
    const score = new Map(hits.map((h) => [h.article.id, rankOf(h.key).rank]));
    for (const h of await all(narrow, 'rules')) {
      expect(rankOf(h.key).rank).toBe(score.get(h.article.id));
    }
    await wide.close();
    await narrow.close();
  });

  it('forms tiers after filters, and reads date ranges from the index keys', async () => {
    const store = await open(WINDOW);
    const media = await all(store, 'rules', ['kyodo-news']);
    expect(media.length).toBe(12);
    expect(media.every((h) => h.article.media.slug === 'kyodo-news')).toBe(true);
    expect(media.slice(0, WINDOW).every((h) => rankOf(h.key).tier === 0)).toBe(true);
    const filter = { query: 'rules', releasedFrom: '2024-02-10', releasedTo: '2024-04-11' };
    const ranged = await walk(store, filter, 'relevance', 5, 'forward');
    const dated = await walk(store, filter, 'newest', 50, 'forward');
    expect(new Set(ranged)).toEqual(new Set(dated));
    expect(ranged.length).toBe(await store.countArticles(filter));
    expect(ranged.length).toBeGreaterThan(WINDOW);
    // Both ends are inclusive: a range of one day finds that day's articles.
    const day = await store.listArticles({
      filter: { query: 'rules', releasedFrom: '2024-03-12', releasedTo: '2024-03-12' },
      order: 'relevance',
      first: 50,
    });
    expect(day.hits.length).toBeGreaterThan(0);
    expect(day.hits.every((h) => h.article.releasedOn === '2024-03-12')).toBe(true);
    await store.close();
  });

  it('keeps an article in the right tier when its date changes, and rejects bad tiers', async () => {
    const store = await open(WINDOW);
    const input = fixtureArticles()[5] as ArticleInput;
    await store.upsertArticle({ ...input, releasedOn: '2030-01-01' });
    const hits = await all(store, 'rules');
    expect(hits.length).toBe(47);
    expect(hits.slice(0, WINDOW).map((h) => h.article.slug)).toContain(input.slug);
    await store.deleteArticle(hits[0]?.article.id as number);
    expect((await all(store, 'rules')).length).toBe(46);
    const key = hits[1]?.key as ArticleKey & { kind: 'rank' };
    // A cursor naming a tier past the end reads nothing after it and everything before it.
    const far = { ...key, tier: 1_000_000 };
    expect(
      (await store.listArticles({ filter: { query: 'rules' }, order: 'relevance', after: far }))
        .hits,
    ).toEqual([]);
    const before = await store.listArticles({
      filter: { query: 'rules' },
      order: 'relevance',
      before: far,
      last: 3,
    });
    expect(before.hits.map((h) => h.article.slug)).toEqual(
      (await all(store, 'rules')).slice(-3).map((h) => h.article.slug),
    );
    await expect(
      store.listArticles({
        filter: { query: 'rules' },
        order: 'relevance',
        after: { ...key, tier: -1 },
      }),
    ).rejects.toThrow(/not a valid position/);
    await store.close();
  });
});

describe('Ranking with document frequencies counted once per dataset version', () => {
  const open = async (plainBm25: boolean) => {
    const store = new SqliteStore({ path: ':memory:', rankWindow: 8, plainBm25 });
    await seed(store);
    return store;
  };
  /** Every match of `query` by relevance: id, tier and score, read from the cursors. */
  const ranked = async (store: SqliteStore, query: string) => {
    const slice = await store.listArticles({ filter: { query }, order: 'relevance', first: 100 });
    return slice.hits.map((h) => ({ slug: h.article.slug, key: h.key }));
  };
  const QUERIES = ['rules', 'visa rules', 'asylum', 'wage number', 'permi', 'paragraph point'];

  it('loads the ranking extension built at install', () => {
    const store = openSqliteStore();
    // Built by `node scripts/build-native.mjs` (the package's install script) with a C compiler.
    expect(store.ranker).toBe('jin_bm25');
  });

  it("gives exactly bm25()'s scores and order, before and after writes change the counts", async () => {
    const counted = await open(false);
    const plain = await open(true);
    expect([counted.ranker, plain.ranker]).toEqual(['jin_bm25', 'bm25']);
    const compare = async () => {
      for (const query of QUERIES) {
        const got = await ranked(counted, query);
        expect(got.length, query).toBeGreaterThan(0);
        expect(got, query).toEqual(await ranked(plain, query));
      }
    };
    await compare();
    // New articles with "visa" and "asylum" change how many rows hold each word, so the IDFs
    // change; a count kept from before the writes would give other scores.
    const more = fixtureArticles(60)
      .slice(47)
      .map((a, i) => ({
        ...a,
        slug: `extra-${i}`,
        title: `Visa and asylum rules, part ${i}`,
      }));
    for (const store of [counted, plain]) {
      await store.importArticles(more);
      const gone = await store.getArticleBySlug('article-3');
      expect(await store.deleteArticle(gone?.id ?? -1)).toBe(true);
    }
    await compare();
    await counted.close();
    await plain.close();
  });

  it('makes a search page’s snippets once per dataset version, and anew after a write', async () => {
    const store = await open(false);
    const sqls = vi.spyOn(store, 'stmt');
    const snippetReads = () => sqls.mock.calls.filter(([sql]) => sql.includes('snippet(')).length;
    const snippetsOf = async (query: string, first: number) =>
      (await store.listArticles({ filter: { query }, first, order: 'relevance' })).hits.map(
        (hit) => [hit.article.slug, hit.snippet?.map((part) => part.text).join('')],
      );
    const first = await snippetsOf('asylum', 6);
    expect(first).toHaveLength(6);
    expect(first.every(([, text]) => typeof text === 'string' && text.length > 0)).toBe(true);
    expect(snippetReads()).toBe(1);
    expect(await snippetsOf('asylum', 6)).toEqual(first);
    expect(snippetReads()).toBe(1);
    // Part of the page kept: only the rest is made.
    expect(await snippetsOf('asylum', 3)).toEqual(first.slice(0, 3));
    expect(snippetReads()).toBe(1);
    // Another query's snippets are its own.
    const other = await snippetsOf('visa rules', 6);
    expect(snippetReads()).toBe(2);
    expect(other).not.toEqual(first);
    // A write moves the version: the kept snippets are not used again, and a changed headline shows.
    const [slug] = first[0] as [string, string];
    const article = (await store.getArticleBySlug(slug)) as Article;
    await store.upsertArticle({
      ...(fixtureArticles(48).find((a) => a.slug === slug) as ArticleInput),
      title: 'Asylum rules read out in a zebra-striped hall',
    });
    const after = await snippetsOf('asylum', 6);
    expect(snippetReads()).toBe(3);
    const changed = after.find(([s]) => s === article.slug);
    expect(changed?.[1]).toContain('zebra-striped');
    sqls.mockRestore();
    await store.close();
  });

  it('reads the tags once per dataset version for every list, and anew after a tag changes', async () => {
    const store = await open(false);
    const sqls = vi.spyOn(store, 'stmt');
    const tagReads = () => sqls.mock.calls.filter(([sql]) => sql.includes('FROM tags')).length;
    const tagsOfPage = async () =>
      (await store.listArticles({ first: 10 })).hits.map((hit) => hit.article.tags);
    const first = await tagsOfPage();
    expect(first.flat().length).toBeGreaterThan(10);
    expect(tagReads()).toBe(1);
    expect(await tagsOfPage()).toEqual(first);
    await store.getArticleBySlug('article-3');
    expect(tagReads()).toBe(1);
    // Each article's tags are its own, in their order, as the table has them.
    for (const [i, hit] of (await store.listArticles({ first: 10 })).hits.entries()) {
      const stored = store.db
        .prepare(
          `SELECT t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id
           WHERE at.article_id = ? ORDER BY at.position`,
        )
        .pluck()
        .all(hit.article.id);
      expect(first[i]?.map((tag) => tag.slug)).toEqual(stored);
    }
    // A tag's new name shows in the next list.
    const renamed = first[0]?.[0] as Tag;
    await store.upsertTag({ ...renamed, name: 'Renamed in a zebra-striped hall' });
    const after = await tagsOfPage();
    expect(tagReads()).toBe(2);
    expect(after.flat().find((tag) => tag.slug === renamed.slug)?.name).toBe(
      'Renamed in a zebra-striped hall',
    );
    sqls.mockRestore();
    await store.close();
  });

  it('counts the matches of a text query again after a write', async () => {
    const store = await open(false);
    expect(await store.countArticles({ query: 'asylum' })).toBe(6);
    const { article } = await store.upsertArticle({
      ...(fixtureArticles(48)[47] as ArticleInput),
      slug: 'asylum-news',
      title: 'Asylum news',
    });
    expect(await store.countArticles({ query: 'asylum' })).toBe(7);
    expect(await store.deleteArticle(article.id)).toBe(true);
    const other = await store.getArticleBySlug('article-3');
    expect(await store.deleteArticle(other?.id ?? -1)).toBe(true);
    expect(await store.countArticles({ query: 'asylum' })).toBe(5);
    await store.close();
  });
});

describe('Dataset changes in SQLite', () => {
  it("tells listeners the new version after each of the process's own writes that moved it", async () => {
    const store = openSqliteStore();
    const heard: string[] = [];
    const stop = store.onDatasetChange((version) => heard.push(version));
    await seed(store, fixtureArticles(3));
    expect(heard.at(-1)).toBe(await store.datasetVersion());
    const count = heard.length;
    expect(new Set(heard).size).toBe(count);
    // Nothing changed: no one is told.
    await store.importArticles(fixtureArticles(3));
    expect(heard).toHaveLength(count);
    await store.deleteArticle(1);
    expect(heard).toHaveLength(count + 1);
    stop();
    await store.deleteArticle(2);
    expect(heard).toHaveLength(count + 1);
    await store.ping();
    await store.close();
    await expect(store.ping()).rejects.toThrow();
  });
});
