import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { SqliteTokenStore } from './tokens.ts';

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
