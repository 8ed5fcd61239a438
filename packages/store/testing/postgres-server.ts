// Vitest global setup: the PostgreSQL server the tests create their databases on. It is
// JIN_TEST_DATABASE_URL when set (a server you run), otherwise a throwaway one started here and
// deleted afterwards. When neither works the tests that need it fail with the reason; none is
// skipped.

import { startThrowawayPostgres, type ThrowawayPostgres } from '@jin/site-process/postgres';
import type { TestProject } from 'vitest/node';

// (The values it provides are declared in postgres-databases.ts, which reads them.)

let server: ThrowawayPostgres | undefined;

export async function setup(project: TestProject): Promise<void> {
  const given = process.env.JIN_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    project.provide('postgresError', '');
    return;
  }
  try {
    server = await startThrowawayPostgres();
    project.provide('postgresUrl', server.url);
    project.provide('postgresError', '');
  } catch (error) {
    project.provide('postgresUrl', '');
    project.provide(
      'postgresError',
      `No PostgreSQL for the tests: JIN_TEST_DATABASE_URL is not set and a throwaway server could not start: ${(error as Error).message}`,
    );
  }
}

export async function teardown(): Promise<void> {
  await server?.destroy();
}
