// Fresh, empty databases on the tests' PostgreSQL server (see postgres-server.ts), one per suite
// or test, so that no test sees another's rows; dropped when the file's tests are done.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's URL, or '' when there is none (then `postgresError` says why). */
    postgresUrl: string;
    postgresError: string;
  }
}

/** The server's URL; throws the reason there is none. */
export function serverUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error(inject('postgresError') || 'No PostgreSQL server for the tests.');
  return url;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const created: string[] = [];

/** A new empty database's URL. */
export async function freshDatabase(): Promise<string> {
  const name = `jin_test_${randomBytes(6).toString('hex')}`;
  await admin((client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`),
  );
  created.push(name);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Empties a database made by freshDatabase, for a test that needs a store of its own. */
export async function emptyDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  } finally {
    await client.end();
  }
  return url;
}

/** Drops this file's databases after its tests (FORCE: a failed test may have left connections). */
export function dropDatabasesAfterAll(): void {
  afterAll(async () => {
    const names = created.splice(0);
    if (names.length === 0) return;
    await admin(async (client) => {
      for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  });
}
