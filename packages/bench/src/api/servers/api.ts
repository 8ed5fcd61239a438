// Our API server over the real seed archive in memory, with logging off. The per-client rate
// limiter stays in the request path but with a budget no benchmark reaches: one client (the
// load generator) sends every request.

import { loadConfig } from '@jin/api/config';
import { buildServer } from '@jin/api/server';
import { loadArchive, seedStore } from '@jin/content';
import { seedTimeline } from '@jin/content/timeline';
import { openSqliteStore } from '@jin/store/sqlite';
import { announce } from './ready.ts';

const store = openSqliteStore();
await seedStore(store, loadArchive());
await seedTimeline(store);
const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  HOST: '127.0.0.1',
  PORT: '0',
  JIN_DB_PATH: ':memory:',
  JIN_RATE_LIMIT_RPS: '1000000',
  JIN_RATE_LIMIT_BURST: '1000000',
});
const app = await buildServer(config, store, { logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
announce(app.server, async () => {
  await app.close();
  await store.close();
});
