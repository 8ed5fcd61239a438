// Peer: GraphQL Yoga on node:http, serving the identical schema over the identical store.

import { createServer } from 'node:http';
import { loadArchive, seedStore } from '@jin/content';
import { seedTimeline } from '@jin/content/timeline';
import { createContext, schema } from '@jin/schema';
import { openSqliteStore } from '@jin/store/sqlite';
import { createYoga } from 'graphql-yoga';
import { announce } from './ready.ts';

const store = openSqliteStore();
await seedStore(store, loadArchive());
await seedTimeline(store);
const yoga = createYoga({
  schema,
  context: () => createContext(store),
  logging: false,
  landingPage: false,
  graphiql: false,
});
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () =>
  announce(server, async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
  }),
);
