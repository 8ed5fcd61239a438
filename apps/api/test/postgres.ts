// A PostgreSQL server of the test's own: the replica tests stop and start it, so they never run
// against a shared server (JIN_TEST_DATABASE_URL is for the store's contract suite).

import { startThrowawayPostgres, type ThrowawayPostgres } from '@jin/site-process/postgres';

export interface TestDatabase {
  url: string;
  server: ThrowawayPostgres;
  drop(): Promise<void>;
}

export async function testDatabase(): Promise<TestDatabase> {
  const server = await startThrowawayPostgres();
  return { url: server.url, server, drop: () => server.destroy() };
}
