import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureArticles, runStoreContract } from '../contract.ts';
import type { ArticleInput } from '../types.ts';
import { openSqliteStore, parseSnippet, SqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'jin-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreContract('SQLite in memory', () => openSqliteStore());
runStoreContract('SQLite file', () => new SqliteStore({ path: join(dir, `contract-${n++}.db`) }));

describe('SQLite specifics', () => {
  it('applies migrations once and keeps data across reopen', async () => {
    const path = join(dir, 'reopen.db');
    const first = new SqliteStore({ path });
    await first.upsertTag({ slug: 'policy', name: 'Policy', description: 'Policy.' });
    await first.upsertArticle({ ...(fixtureArticles(1)[0] as ArticleInput), tags: ['policy'] });
    const version = await first.datasetVersion();
    await first.close();
    const second = new SqliteStore({ path });
    expect(second.db.pragma('user_version', { simple: true })).toBe(3);
    expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(second.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(await second.countArticles()).toBe(1);
    expect(await second.datasetVersion()).toBe(version);
    expect(second.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await second.close();
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
});
