// Crash safety: the process is killed with SIGKILL in the middle of a bulk import and of a burst
// of mutations. After a restart the database is intact, the import is all or nothing, and every
// write the server acknowledged is there.

import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArchive, seedStore } from '@jin/content';
import { SqliteStore } from '@jin/store/sqlite';
import { SqliteTokenStore } from '@jin/store/tokens';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth.ts';
import { startApi, startCli } from './processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'jin-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const archive = loadArchive();

async function prepare(path: string): Promise<void> {
  const store = new SqliteStore({ path });
  await seedStore(store, archive);
  await new SqliteTokenStore(store).createToken({
    name: 'desk',
    tokenHash: hashToken('desk-secret'),
    scopes: ['write'],
  });
  await store.close();
}

function inspect(path: string) {
  const store = new SqliteStore({ path });
  return {
    store,
    integrity: store.db.pragma('integrity_check', { simple: true }),
    count: (prefix: string) =>
      store.db
        .prepare('SELECT count(*) FROM articles WHERE slug LIKE ?')
        .pluck()
        .get(`${prefix}%`) as number,
  };
}

describe('crash safety', () => {
  it('keeps a bulk import all or nothing when the importer is killed mid-way', async () => {
    const db = join(dir, 'import.sqlite');
    await prepare(db);
    const tags = archive.tags.map((t) => t.slug);
    const rows = Array.from({ length: 40_000 }, (_, i) => ({
      slug: `bulk-${i}`,
      title: `Bulk article ${i} about visas and residence`,
      releasedOn: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      media: `Outlet ${i % 50}`,
      summary: `Paragraph ${i} about immigration policy and residence status.\n\n- point ${i}`,
      tags: [tags[i % tags.length], tags[(i * 7 + 3) % tags.length]].filter(
        (t, j, all) => all.indexOf(t) === j,
      ),
    }));
    const file = join(dir, 'bulk.json');
    writeFileSync(file, JSON.stringify(rows));
    const child = startCli(['import', file], { JIN_DB_PATH: db });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill once the import's transaction is writing into the write-ahead log.
    const wal = `${db}-wal`;
    const deadline = Date.now() + 30_000;
    while (
      !(existsSync(wal) && statSync(wal).size > 2_000_000) &&
      child.exitCode === null &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const killedMidway = child.exitCode === null;
    child.kill('SIGKILL');
    await exited;
    const after = inspect(db);
    expect(after.integrity).toBe('ok');
    const imported = after.count('bulk-');
    expect([0, rows.length]).toContain(imported);
    if (killedMidway) expect(imported).toBe(0);
    expect(killedMidway || output.includes('were created')).toBe(true);
    expect(await after.store.countArticles()).toBe(archive.articles.length + imported);
    await after.store.close();
  });

  it('keeps every acknowledged mutation when the server is killed during a burst', async () => {
    const db = join(dir, 'burst.sqlite');
    await prepare(db);
    const api = await startApi({ JIN_DB_PATH: db, JIN_RATE_LIMIT_RPS: '0' });
    const acknowledged: string[] = [];
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const slug = `burst-${n++}`;
        try {
          const response = await fetch(`${api.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer desk-secret' },
            body: JSON.stringify({
              query: `mutation($input: CreateArticleInput!) { createArticle(input: $input) { __typename } }`,
              variables: {
                input: {
                  slug,
                  title: `Burst ${slug}`,
                  releasedOn: '2026-06-01',
                  media: 'Kyodo News',
                  summary: 'Text.',
                  tags: ['statistics'],
                },
              },
            }),
          });
          const body = (await response.json()) as {
            data?: { createArticle?: { __typename: string } };
          };
          if (body.data?.createArticle?.__typename === 'ArticlePayload') acknowledged.push(slug);
        } catch {
          // The server died under this request: it was never acknowledged.
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 10));
    api.child.kill('SIGKILL');
    await api.exited;
    stop = true;
    await Promise.all(writers);

    const after = inspect(db);
    expect(after.integrity).toBe('ok');
    const present = new Set(
      after.store.db
        .prepare("SELECT slug FROM articles WHERE slug LIKE 'burst-%'")
        .pluck()
        .all() as string[],
    );
    const lost = acknowledged.filter((slug) => !present.has(slug));
    expect(lost).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    await after.store.close();

    // The restarted server serves the surviving data.
    const again = await startApi({ JIN_DB_PATH: db, JIN_RATE_LIMIT_RPS: '0' });
    const health = (await (await fetch(`${again.url}/healthz`)).json()) as { articles: number };
    expect(health.articles).toBe(archive.articles.length + present.size);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
