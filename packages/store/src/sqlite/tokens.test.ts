import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError, StoreBusyError } from '../errors.ts';
import { openSqliteStore, SqliteStore } from './sqlite-store.ts';
import { LAST_USE_INTERVAL_MS, SqliteTokenStore } from './tokens.ts';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

describe('API tokens', () => {
  it('creates, finds by hash, lists and revokes tokens', async () => {
    const store = openSqliteStore();
    const tokens = new SqliteTokenStore(store);
    const created = await tokens.createToken({
      name: 'desk',
      tokenHash: hash('secret-1'),
      scopes: ['write'],
    });
    expect(created).toMatchObject({
      name: 'desk',
      scopes: ['write'],
      revokedAt: null,
      lastUsedAt: null,
    });
    const found = await tokens.findActiveToken(hash('secret-1'));
    expect(found?.name).toBe('desk');
    expect(await tokens.findActiveToken(hash('secret-2'))).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await tokens.listTokens())[0]?.lastUsedAt).not.toBeNull();
    expect(await tokens.revokeToken('desk')).toBe(true);
    expect(await tokens.revokeToken('desk')).toBe(false);
    expect(await tokens.findActiveToken(hash('secret-1'))).toBeNull();
    expect((await tokens.listTokens())[0]?.revokedAt).not.toBeNull();
  });

  it('rejects bad names, unknown scopes and duplicate names', async () => {
    const tokens = new SqliteTokenStore(openSqliteStore());
    await tokens.createToken({ name: 'a', tokenHash: hash('x'), scopes: ['admin', 'write'] });
    for (const [input, field] of [
      [{ name: 'has space', tokenHash: hash('y'), scopes: ['write'] }, 'name'],
      [{ name: 'b', tokenHash: hash('y'), scopes: ['root'] }, 'scopes'],
      [{ name: 'a', tokenHash: hash('y'), scopes: ['write'] }, 'name'],
      [{ name: 'c', tokenHash: 'plain', scopes: ['write'] }, 'tokenHash'],
    ] as const) {
      const error = await tokens.createToken(input as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).field).toBe(field);
    }
  });
});

const dir = mkdtempSync(join(tmpdir(), 'jin-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('writers and readers', () => {
  it('writes the last use of a token at most once a minute, after the request', async () => {
    const store = openSqliteStore();
    let now = Date.parse('2026-01-01T00:00:00Z');
    const tokens = new SqliteTokenStore(store, () => now);
    await tokens.createToken({ name: 'desk', tokenHash: hash('s'), scopes: ['write'] });
    const lastUse = async () => (await tokens.listTokens())[0]?.lastUsedAt;
    await tokens.findActiveToken(hash('s'));
    expect(await lastUse()).toBeNull();
    await tick();
    expect(await lastUse()).toBe('2026-01-01T00:00:00.000Z');
    now += LAST_USE_INTERVAL_MS - 1;
    await tokens.findActiveToken(hash('s'));
    await tick();
    expect(await lastUse()).toBe('2026-01-01T00:00:00.000Z');
    now += 1;
    await tokens.findActiveToken(hash('s'));
    await tick();
    expect(await lastUse()).toBe('2026-01-01T00:01:00.000Z');
  });

  it('answers reads and token checks while another process holds the write lock', async () => {
    const path = join(dir, 'locked.db');
    const store = new SqliteStore({ path, writeWaitMs: 50 });
    const tokens = new SqliteTokenStore(store);
    await tokens.createToken({ name: 'desk', tokenHash: hash('s'), scopes: ['write'] });
    await store.upsertTag({ slug: 'policy', name: 'Policy', description: 'Policy.' });
    const other = new Database(path);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      expect((await tokens.findActiveToken(hash('s')))?.name).toBe('desk');
      await tick();
      expect(await store.listTags()).toHaveLength(1);
      expect(await store.countArticles()).toBe(0);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // The use that met the lock was not written; the next one is.
    expect((await tokens.listTokens())[0]?.lastUsedAt).toBeNull();
    await store.close();
  });

  it('refuses a write that cannot get the lock in time, without blocking the process', async () => {
    const path = join(dir, 'busy.db');
    const store = new SqliteStore({ path, writeWaitMs: 300 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    let turns = 0;
    const counter = setInterval(() => turns++, 5);
    const attempt = store
      .upsertTag({ slug: 'policy', name: 'Policy', description: 'Policy.' })
      .catch((error: unknown) => error);
    const error = await attempt;
    clearInterval(counter);
    expect(error).toBeInstanceOf(StoreBusyError);
    // Other work ran while the write waited: the wait is on timers, not in SQLite's busy loop.
    expect(turns).toBeGreaterThan(5);
    expect(await store.listTags()).toHaveLength(0);

    // A lock released within the budget: the write goes through.
    const later = store.upsertTag({ slug: 'policy', name: 'Policy', description: 'Policy.' });
    setTimeout(() => other.exec('ROLLBACK'), 50);
    await expect(later).resolves.toMatchObject({ slug: 'policy' });
    expect(await store.listTags()).toHaveLength(1);
    other.close();
    await store.close();
  });
});
