// The HTTP server: GraphQL (POST, and GET with ETag/response cache), feeds, explorer, health,
// and the built reader app with history fallback, all on one port. Each concern is a plugin in
// ./plugins; they are registered in order, so the shared hooks come before any route.

import fastifyCompress from '@fastify/compress';
import {
  type CompiledExecutor,
  compiledExecutor,
  DEFAULT_LIMITS,
  type QueryLimits,
  schema,
} from '@jin/schema';
import type { Store, TokenStore } from '@jin/store';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { registerExplorer } from './explorer.ts';
import { calendarPlugin } from './plugins/calendar.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { feedsPlugin } from './plugins/feeds.ts';
import { graphqlPlugin, validationRules } from './plugins/graphql.ts';
import { createGuard, NO_TOKENS } from './plugins/guard.ts';
import { healthPlugin } from './plugins/health.ts';
import { readerAppPlugin } from './plugins/reader-app.ts';
import {
  CSP_HEADER,
  corsFieldsWithoutOrigin,
  REQUEST_IDS,
  securityHeaders,
  securityPlugin,
} from './plugins/security.ts';
import { shareImagesPlugin } from './plugins/share-images.ts';
import { sitemapPlugin } from './plugins/sitemap.ts';
import { statisticsCsvPlugin } from './plugins/statistics-csv.ts';
import { RateLimiter } from './rate-limit.ts';
import { Revalidation } from './revalidation.ts';
import { loadKnownDocuments } from './trusted-documents.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The compiled executor every GraphQL operation runs through (its counts, for tests). */
    graphqlExecutor: CompiledExecutor;
    /** Revalidations answered before the framework (their count, for tests). */
    revalidation: Revalidation;
  }
}

export interface ServerOptions {
  logger?: boolean;
  /** Where editors' tokens are checked; without it every token is refused. */
  tokens?: TokenStore;
}

export async function buildServer(
  config: Config,
  store: Store,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  // One limiter for the API and the rendered pages: a client's rate is the same budget for both.
  const limiter = new RateLimiter({
    rate: config.JIN_RATE_LIMIT_RPS,
    burst: config.JIN_RATE_LIMIT_BURST,
  });
  const revalidation = new Revalidation({
    limiter,
    securityHeaders,
    genReqId: REQUEST_IDS.genReqId,
    trustProxy: config.JIN_TRUST_PROXY,
    corsFields: corsFieldsWithoutOrigin(config.JIN_CORS_ORIGINS),
    // The framework's own "request completed" line, for the requests it never sees.
    log: (req, reqId, startedAt) => {
      // (Without a logger, Fastify's stand-in has no levels and logs nothing.)
      const levels = app.log as { isLevelEnabled?: (level: string) => boolean };
      if (!levels.isLevelEnabled?.('info')) return;
      app.log.info(
        {
          reqId,
          req: { method: req.method, url: req.url, host: req.headers.host },
          res: { statusCode: 304 },
          responseTime: performance.now() - startedAt,
        },
        'request completed',
      );
    },
  });
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.JIN_MAX_BODY_BYTES,
    serverFactory: revalidation.serverFactory,
    ...REQUEST_IDS,
    // On close, idle keep-alive sockets are dropped at once; in-flight requests still finish.
    forceCloseConnections: 'idle',
    trustProxy: config.JIN_TRUST_PROXY,
  });
  app.addHook('preClose', async () => revalidation.close());
  const guard = createGuard(options.tokens ?? NO_TOKENS, limiter);
  const limits: QueryLimits = {
    complexity: config.JIN_MAX_COMPLEXITY,
    depth: config.JIN_MAX_DEPTH,
    breadth: DEFAULT_LIMITS.breadth,
  };
  // One executor for the API and the rendered pages' queries: they share the compiled documents.
  const executor = compiledExecutor(schema);
  app.decorate('graphqlExecutor', executor);
  app.decorate('revalidation', revalidation);
  const known = loadKnownDocuments(config.JIN_WEB_DIST, schema, {
    rules: validationRules(config),
    maxTokens: config.JIN_MAX_TOKENS,
  });
  for (const { id, reason } of known.refused) {
    app.log.error({ id, reason }, 'a document of the reader app is refused; it is sent as text');
  }
  // On the root, so that the request of every route has it (the guard sets it).
  app.decorateRequest('viewer', null);

  await app.register(errorsPlugin, { maxBodyBytes: config.JIN_MAX_BODY_BYTES });
  // Before any route: compression is attached to each route as it is added.
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(securityPlugin, { corsOrigins: config.JIN_CORS_ORIGINS });
  await app.register(graphqlPlugin, {
    config,
    store,
    guard,
    limits,
    executor,
    known,
    revalidation,
  });
  await app.register(feedsPlugin, { store, publicUrl: config.publicUrl, guard });
  await app.register(calendarPlugin, { store, publicUrl: config.publicUrl, guard });
  await app.register(statisticsCsvPlugin, { store, publicUrl: config.publicUrl, guard });
  await app.register(shareImagesPlugin, {
    store,
    guard,
    cache: {
      maxBytes: config.JIN_SHARE_IMAGE_CACHE_BYTES,
      maxEntryBytes: config.JIN_CACHE_MAX_ENTRY_BYTES,
    },
  });
  await app.register(sitemapPlugin, { store, publicUrl: config.publicUrl, guard });
  registerExplorer(app, CSP_HEADER);
  await app.register(healthPlugin, { store });
  await app.register(readerAppPlugin, {
    config,
    store,
    limits,
    limiter,
    execute: executor.execute,
  });
  return app;
}
