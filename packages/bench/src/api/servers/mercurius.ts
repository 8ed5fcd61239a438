// Peer: Mercurius on Fastify with graphql-jit, serving the identical schema over the identical store.

import { loadArchive, seedStore } from '@jin/content';
import { seedTimeline } from '@jin/content/timeline';
import { createContext, schema } from '@jin/schema';
import { openSqliteStore } from '@jin/store/sqlite';
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { announce } from './ready.ts';

const store = openSqliteStore();
await seedStore(store, loadArchive());
await seedTimeline(store);
const app = Fastify({ logger: false });
await app.register(mercurius, { schema, jit: 1, context: () => createContext(store) });
await app.listen({ host: '127.0.0.1', port: 0 });
announce(app.server, async () => {
  await app.close();
  await store.close();
});
