// The health check: whether the database answers, with its article count and dataset version.

import { SERVER_PATHS } from '@jin/site';
import type { Store } from '@jin/store';
import type { FastifyPluginAsync } from 'fastify';

export interface HealthOptions {
  store: Store;
}

export const healthPlugin: FastifyPluginAsync<HealthOptions> = async (app, { store }) => {
  app.get(SERVER_PATHS.health, async (_request, reply) => {
    try {
      // ping first: counts and the version may be answered from memory.
      await store.ping();
      const [articles, version] = await Promise.all([
        store.countArticles(),
        store.datasetVersion(),
      ]);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', articles, version });
    } catch (error) {
      app.log.error({ err: error }, 'health check failed');
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable' });
    }
  });
};
