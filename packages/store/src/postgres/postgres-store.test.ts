// The contract suite against PostgreSQL: one database for the suite, emptied before each test.
// Checkpoints lie 4 rows apart, so that the suite's numbered pages are read from them.

import { runStoreContract } from '../../testing/index.ts';
import {
  dropDatabasesAfterAll,
  emptyDatabase,
  freshDatabase,
} from '../../testing/postgres-databases.ts';
import { createPostgresStore } from './postgres-store.ts';

dropDatabasesAfterAll();
let url: Promise<string> | undefined;
runStoreContract('PostgreSQL', async () => {
  url ??= freshDatabase();
  return createPostgresStore({
    url: await emptyDatabase(await url),
    poolSize: 4,
    pageCheckpointStep: 4,
  });
});
