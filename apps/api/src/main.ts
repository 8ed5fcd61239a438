// Starts the site: opens (and if needed seeds) the database, then serves API and reader app.

import { loadConfig } from './config.ts';
import { loadStatisticsInto, loadTimelineInto, openStore, seedIfEmpty } from './database.ts';
import { buildServer } from './server.ts';

const config = loadConfig();
const { store, tokens, engine, where } = await openStore(config, { applicationName: 'jin-api' });
const seeded = await seedIfEmpty(store);
const app = await buildServer(config, store, { tokens });
app.log.info({ engine, database: where }, 'database open');
if (seeded) app.log.info({ ...seeded }, 'seeded the empty database from the archive');
await loadTimelineInto(store, (err) =>
  app.log.warn({ err }, "the archive's timeline does not fit this database; kept the one it had"),
);
await loadStatisticsInto(store, (err) =>
  app.log.warn({ err }, "the archive's statistics do not fit this database; kept the ones it had"),
);

await app.listen({ port: config.PORT, host: config.HOST });
if (config.NODE_ENV === 'production' && config.JIN_PUBLIC_URL === undefined) {
  app.log.warn(
    `JIN_PUBLIC_URL is not set: canonical addresses, previews, feeds and the sitemap name ${config.publicUrl}`,
  );
}
app.log.info(
  `Japan Immigration News at ${config.publicUrl} (explorer: ${config.publicUrl}/graphiql)`,
);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: draining requests');
  // Stop accepting, let in-flight requests finish, then close the database. A client that never
  // finishes reading cannot hold the process forever.
  const force = setTimeout(() => {
    app.log.warn('requests still open after 10 s; closing their connections');
    app.server.closeAllConnections();
  }, 10_000);
  force.unref();
  await app.close();
  await store.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
