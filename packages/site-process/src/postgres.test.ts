import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres.ts';

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startThrowawayPostgres', () => {
  let server: ThrowawayPostgres | undefined;
  afterAll(async () => {
    await server?.destroy();
  });

  it('starts a server on loopback that answers queries, keeps data across stop/start, and deletes its folder', async () => {
    server = await startThrowawayPostgres();
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/jin`);
    expect(existsSync(server.dataDir)).toBe(true);

    const [version] = await query<{ server_version_num: string }>(
      server.url,
      'SHOW server_version_num',
    );
    expect(Number(version?.server_version_num)).toBeGreaterThanOrEqual(150000);
    const [listen] = await query<{ listen_addresses: string }>(server.url, 'SHOW listen_addresses');
    expect(listen?.listen_addresses).toBe('127.0.0.1');

    await query(
      server.url,
      "CREATE TABLE kept (word text); INSERT INTO kept VALUES ('still here')",
    );
    await server.stop();
    await expect(query(server.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    await server.start();
    const rows = await query<{ word: string }>(server.url, 'SELECT word FROM kept');
    expect(rows).toEqual([{ word: 'still here' }]);

    const dataDir = server.dataDir;
    await server.destroy();
    server = undefined;
    expect(existsSync(dataDir)).toBe(false);
  });
});
