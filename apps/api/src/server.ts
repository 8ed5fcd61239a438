// The HTTP server: GraphQL (POST, and GET with ETag/response cache), feeds, explorer, health,
// and the built reader app with history fallback, all on one port.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { type Context, createContext, type QueryLimits, schema } from '@jin/schema';
import type { ApiToken, Store, TokenStore } from '@jin/store';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import helmet from 'helmet';
import { authenticate } from './auth.ts';
import type { Config } from './config.ts';
import { EXPLORER_PATH, registerExplorer } from './explorer.ts';
import { FEED_TYPES, renderFeed } from './feeds.ts';
import { LIMIT_MARK, maxAliasesRule, maxDirectivesRule, operationLimitsPlugin } from './limits.ts';
import { PageRenderer } from './pages.ts';
import { RateLimiter } from './rate-limit.ts';
import { etagFor, matches, ResponseCache, requestHash } from './response-cache.ts';

const API_PREFIXES = ['/graphql', EXPLORER_PATH, '/feeds', '/healthz'];
const REQUEST_ID = /^[\w.:-]{1,64}$/;
/** Content types a browser may send cross-site without a preflight (see csrfPrevention). */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const GET_PARAMS = ['query', 'variables', 'operationName', 'extensions'];
/** Paths that are never pages of the reader app: the API's and the built assets'. */
const NOT_PAGES = [...API_PREFIXES, '/assets'];
const OUR_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'STORE_BUSY',
]);
/** Apollo's own codes for requests it could not run; their messages are safe to show. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface ServerOptions {
  logger?: boolean;
  /** Where editors' tokens are checked; without it every token is refused. */
  tokens?: TokenStore;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: ApiToken | null;
  }
}

const NO_TOKENS: TokenStore = {
  createToken: async () => {
    throw new Error('tokens are not available');
  },
  findActiveToken: async () => null,
  listTokens: async () => [],
  revokeToken: async () => false,
};

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export async function buildServer(
  config: Config,
  store: Store,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.JIN_MAX_BODY_BYTES,
    // A client's own request id is kept only when it is short and plain; otherwise ours.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    // On close, idle keep-alive sockets are dropped at once; in-flight requests still finish.
    forceCloseConnections: 'idle',
    trustProxy: config.JIN_TRUST_PROXY,
  });
  const tokens = options.tokens ?? NO_TOKENS;
  const limiter = new RateLimiter({
    rate: config.JIN_RATE_LIMIT_RPS,
    burst: config.JIN_RATE_LIMIT_BURST,
  });
  app.decorateRequest('viewer', null);
  app.setErrorHandler(
    async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      const code =
        status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : status < 500
            ? 'BAD_REQUEST'
            : 'INTERNAL_SERVER_ERROR';
      const message =
        status === 413
          ? `Request body is larger than the limit of ${config.JIN_MAX_BODY_BYTES} bytes.`
          : status < 500
            ? error.message
            : 'Internal server error.';
      return reply.code(status).send({ errors: [{ message, extensions: { code } }] });
    },
  );

  const limits: QueryLimits = {
    complexity: config.JIN_MAX_COMPLEXITY,
    depth: config.JIN_MAX_DEPTH,
    breadth: 500,
  };
  const production = config.NODE_ENV === 'production';

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !production,
    parseOptions: { maxTokens: config.JIN_MAX_TOKENS },
    validationRules: [
      maxAliasesRule(config.JIN_MAX_ALIASES),
      maxDirectivesRule(config.JIN_MAX_DIRECTIVES),
    ],
    // Fastify's own close() drains in-flight requests; Apollo is stopped after it (onClose).
    stopOnTerminationSignals: false,
    // HTTP caching is ours (ETag on the dataset version, below); Apollo's per-field cache hints
    // would wrap every resolver for nothing.
    plugins: [ApolloServerPluginCacheControlDisabled(), operationLimitsPlugin(schema)],
    formatError: (formatted, error) => formatError(formatted, error, app, config.JIN_MAX_TOKENS),
  });
  await apollo.start();
  const context = async (request: FastifyRequest) => createContext(store, limits, request.viewer);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(fastifyCompress, { threshold: 1024 });
  // Security headers from helmet, configured once (not per request) and set on every response.
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
  await app.register(fastifyCors, {
    origin: config.JIN_CORS_ORIGINS.length > 0 ? config.JIN_CORS_ORIGINS : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'if-none-match'],
    exposedHeaders: ['etag', 'retry-after', 'x-request-id'],
    maxAge: 600,
  });

  // Who is asking, and whether an anonymous client is over its rate, before any GraphQL work.
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = await authenticate(request.headers.authorization, tokens);
    if (auth.kind === 'token') {
      request.viewer = auth.token;
      return;
    }
    // Anonymous requests and refused tokens alike count against the client's rate, so
    // guessing tokens costs what any other request costs.
    const wait = limiter.take(request.ip);
    if (wait > 0) return tooMany(reply, wait);
    if (auth.kind === 'invalid') {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ errors: [{ message: auth.reason, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  };

  // ---- GraphQL ----------------------------------------------------------------------------
  app.post('/graphql', { preHandler: guard }, fastifyApolloHandler(apollo, { context }));

  const cache = new ResponseCache({
    maxBytes: config.JIN_RESPONSE_CACHE_BYTES,
    maxEntryBytes: config.JIN_CACHE_MAX_ENTRY_BYTES,
  });
  const cacheControl = `public, max-age=${config.JIN_CACHE_MAX_AGE}, must-revalidate`;
  app.get('/graphql', { preHandler: guard }, async (request, reply) => {
    const params = request.query as Record<string, string | string[] | undefined>;
    const repeated = GET_PARAMS.find((name) => Array.isArray(params[name]));
    if (repeated) return badRequest(reply, `Give the \`${repeated}\` parameter once.`);
    const { query, variables = '', operationName = '' } = params as Record<string, string>;
    const search = () => new URL(request.url, 'http://local').search;
    if (!query || request.viewer) return runApollo(apollo, request, reply, search(), context);
    // The same rule Apollo applies to the requests it runs, before any answer is given.
    if (!preflighted(request)) return badRequest(reply, CSRF_MESSAGE);
    const key = request.url.slice(request.url.indexOf('?'));
    // The query string as sent is the cache key, so a hit costs no hashing; the ETag is a
    // hash of the operation itself, the same however its parameters are ordered.
    const version = await store.datasetVersion();
    const hit = cache.get(version, key);
    const etag = hit?.etag ?? etagFor(version, requestHash(query, variables, operationName));
    const notModified = () =>
      reply.code(304).header('etag', etag).header('cache-control', cacheControl).send();
    if (hit) {
      if (matches(request.headers['if-none-match'], etag)) return notModified();
      return reply
        .header('etag', etag)
        .header('cache-control', cacheControl)
        .type('application/json; charset=utf-8')
        .send(hit.body);
    }
    // Not kept: only an answer that ran and succeeded can be "not modified".
    const body = await runApollo(apollo, request, reply, search(), context);
    if (reply.statusCode === 200 && typeof body === 'string' && !body.includes('"errors":')) {
      cache.set(version, key, { etag, body: Buffer.from(body) });
      if (matches(request.headers['if-none-match'], etag)) return notModified();
      reply.header('etag', etag).header('cache-control', cacheControl);
    } else {
      reply.header('cache-control', 'no-store');
    }
    return body;
  });

  // ---- feeds, explorer, health ------------------------------------------------------------
  const feedRoute = async (
    request: FastifyRequest<{ Params: { slug?: string; format: string } }>,
    reply: FastifyReply,
  ) => {
    const { slug, format } = request.params;
    if (format !== 'atom.xml' && format !== 'rss.xml') return notFound(reply);
    const kind = format === 'atom.xml' ? 'atom' : 'rss';
    const etag = `"${await store.datasetVersion()}-${kind}-${slug ?? ''}"`;
    if (matches(request.headers['if-none-match'], etag))
      return reply.code(304).header('etag', etag).send();
    const xml = await renderFeed(store, config.publicUrl, { format: kind, tag: slug });
    if (xml === null) return notFound(reply, `No tag "${slug}".`);
    return reply
      .type(FEED_TYPES[kind])
      .header('etag', etag)
      .header('cache-control', 'public, max-age=300')
      .send(xml);
  };
  type FeedParams = { Params: { slug?: string; format: string } };
  app.get<FeedParams>('/feeds/:format', { preHandler: guard }, feedRoute);
  app.get<FeedParams>('/feeds/tags/:slug/:format', { preHandler: guard }, feedRoute);

  registerExplorer(
    app,
    Object.entries(CSP)
      .filter(([, value]) => value !== null)
      .map(
        ([key, value]) =>
          `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${(value as string[]).join(' ')}`,
      )
      .join(';'),
  );

  app.get('/healthz', async (_request, reply) => {
    try {
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

  // ---- the reader app ---------------------------------------------------------------------
  const indexPath = join(config.JIN_WEB_DIST, 'index.html');
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  if (indexHtml !== null) {
    await app.register(fastifyStatic, {
      root: config.JIN_WEB_DIST,
      index: false,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader(
          'cache-control',
          path.includes(`${join('/', 'assets', '/')}`)
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=3600',
        );
      },
    });
  }
  const pages =
    indexHtml === null
      ? null
      : PageRenderer.create({
          entryPath: config.JIN_WEB_SSR_ENTRY,
          template: indexHtml,
          manifest: readManifest(config.JIN_WEB_DIST),
          store,
          context: () => createContext(store, limits, null),
          cache: {
            maxBytes: config.JIN_PAGE_CACHE_BYTES,
            maxEntryBytes: config.JIN_CACHE_MAX_ENTRY_BYTES,
          },
        });
  if (pages) {
    app.addHook('onListen', async () => {
      pages.load().catch((error: unknown) => {
        app.log.error({ err: error }, 'the server build failed to load; sending the app shell');
      });
    });
  }
  if (indexHtml !== null && pages === null) {
    app.log.warn(
      `no server build at ${config.JIN_WEB_SSR_ENTRY}: pages are rendered in the browser`,
    );
  }
  const sendShell = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);

  // Every GET that no other route takes is a page of the reader app. A route (rather than the
  // not-found handler) so that pages go through compression like every other answer.
  const readerPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (NOT_PAGES.some((p) => path === p || path.startsWith(`${p}/`))) return notFound(reply);
    if (indexHtml === null) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The reader app is not built yet: run `pnpm build`, then restart.');
    }
    if (pages === null) return sendShell(reply);
    const { version, etag, kept } = await pages.lookup(request.url);
    if (matches(request.headers['if-none-match'], etag)) {
      return reply.code(304).header('etag', etag).header('cache-control', 'no-cache').send();
    }
    let page = kept;
    if (!page) {
      // Rendering runs queries, so an anonymous client over its rate gets the shell instead.
      if (limiter.take(request.ip) > 0) return sendShell(reply);
      try {
        page = await pages.render(request.url, version, etag);
      } catch (error) {
        request.log.error({ err: error }, 'server render failed; sending the app shell');
        return sendShell(reply);
      }
    }
    if (page.kind === 'redirect') return reply.redirect(page.location, page.status);
    if (page.kind === 'shell') {
      request.log.warn({ reason: page.reason }, 'page not rendered on the server');
      return sendShell(reply);
    }
    if (page.status === 200) reply.header('etag', page.etag);
    return reply
      .code(page.status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(page.body);
  };
  app.get('/*', readerPage);
  app.setNotFoundHandler(async (_request, reply) => notFound(reply));

  app.addHook('onClose', async () => {
    await apollo.stop();
  });
  return app;
}

/** The reader app's build manifest, or undefined when the build has none. */
function readManifest(dist: string): unknown {
  const path = join(dist, '.vite', 'manifest.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight";

/** Whether a browser would have sent this request only after a CORS preflight. */
function preflighted(request: FastifyRequest): boolean {
  const { headers } = request;
  if (headers['x-apollo-operation-name'] || headers['apollo-require-preflight']) return true;
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type !== undefined && type !== '' && !SIMPLE_TYPES.includes(type);
}

function badRequest(reply: FastifyReply, message: string) {
  return reply.code(400).send({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}

function tooMany(reply: FastifyReply, wait: number) {
  return reply
    .code(429)
    .header('retry-after', String(wait))
    .send({
      errors: [
        {
          message: `Too many requests from this client; retry after ${wait} s.`,
          extensions: { code: 'RATE_LIMITED', retryAfter: wait },
        },
      ],
    });
}

function notFound(reply: FastifyReply, message = 'Not found.') {
  return reply.code(404).send({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] });
}

async function runApollo(
  apollo: ApolloServer<Context>,
  request: FastifyRequest,
  reply: FastifyReply,
  search: string,
  context: (request: FastifyRequest) => Promise<Context>,
): Promise<string> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: request.method.toUpperCase(),
      headers,
      search,
      body: request.body,
    },
    context: () => context(request),
  });
  for (const [key, value] of response.headers) reply.header(key, value);
  reply.code(response.status ?? 200);
  if (response.body.kind === 'complete') return response.body.string;
  let text = '';
  for await (const chunk of response.body.asyncIterator) text += chunk;
  return text;
}

function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  app: FastifyInstance,
  maxTokens: number,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const originalCode =
    original instanceof GraphQLError
      ? (original.extensions?.code as string | undefined)
      : undefined;
  if (original instanceof GraphQLError && original.extensions?.[LIMIT_MARK]) {
    const { [LIMIT_MARK]: _mark, http: _http, ...extensions } = original.extensions;
    return { ...formatted, extensions: { ...extensions, code: 'QUERY_TOO_COMPLEX' } };
  }
  const code = (formatted.extensions?.code as string | undefined) ?? '';
  if (code === 'GRAPHQL_PARSE_FAILED' && /tokens/.test(formatted.message)) {
    return {
      message: `Query has more than ${maxTokens} tokens, above the limit of ${maxTokens}.`,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: maxTokens },
    };
  }
  if (originalCode && OUR_CODES.has(originalCode)) {
    // (`http` sets the answer's status and headers; it is not for the client's eyes.)
    const { http: _http, ...extensions } = (original as GraphQLError).extensions;
    return { ...formatted, extensions: { ...extensions, code: originalCode } };
  }
  if (OUR_CODES.has(code) || APOLLO_CODES.has(code)) return formatted;
  // Apollo's own refusals of a request (a 4xx without a code, such as a persisted-query hash
  // that does not match) are the client's to read.
  const status = (original as GraphQLError | undefined)?.extensions?.http as
    | { status?: number }
    | undefined;
  if (!originalCode && status?.status && status.status >= 400 && status.status < 500) {
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  app.log.error({ err: original }, 'unexpected error in a GraphQL request');
  return {
    message: 'Internal server error.',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
