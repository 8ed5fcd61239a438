// GraphQL over HTTP: POST through Apollo's Fastify handler, and GET with the response cache and
// ETags on the dataset version, behind the same CSRF rule Apollo applies.

import type { IncomingHttpHeaders } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import {
  type CompiledExecutor,
  type Context,
  createContext,
  type QueryLimits,
  schema,
} from '@jin/schema';
import { SERVER_PATHS } from '@jin/site';
import type { Store } from '@jin/store';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { compiledGateway } from '../compiled-gateway.ts';
import type { Config } from '../config.ts';
import { maxAliasesRule, maxDirectivesRule, operationLimitsPlugin } from '../limits.ts';
import { answerVersion, etagFor, matches, ResponseCache, requestHash } from '../response-cache.ts';
import type { Revalidation } from '../revalidation.ts';
import {
  documentStore,
  type KnownDocuments,
  persistedId,
  persistedQueryCache,
} from '../trusted-documents.ts';
import { badRequest, formatError } from './errors.ts';
import type { Guard } from './guard.ts';

/** Content types a browser may send cross-site without a preflight (see csrfPrevention). */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const GET_PARAMS = ['query', 'variables', 'operationName', 'extensions'];
const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight";

type ContextFor = (request: FastifyRequest) => Promise<Context>;

export interface GraphqlOptions {
  config: Config;
  store: Store;
  guard: Guard;
  limits: QueryLimits;
  /** Runs every operation Apollo has parsed, validated and checked. */
  executor: CompiledExecutor;
  /** The reader app's documents, parsed and validated at start, known by id. */
  known: KnownDocuments;
  /** Answers revalidations of kept answers before the framework (see revalidation.ts). */
  revalidation?: Revalidation;
}

export const graphqlPlugin: FastifyPluginAsync<GraphqlOptions> = async (
  app,
  { config, store, guard, limits, executor, known, revalidation },
) => {
  const apollo = new ApolloServer<Context>({
    gateway: compiledGateway(schema, executor),
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: config.NODE_ENV !== 'production',
    parseOptions: { maxTokens: config.JIN_MAX_TOKENS },
    validationRules: validationRules(config),
    // Known documents are neither parsed nor validated again; others are kept once they pass.
    persistedQueries: { cache: persistedQueryCache(known) },
    documentStore: documentStore(known),
    // Fastify's own close() drains in-flight requests; Apollo is stopped after it (onClose).
    stopOnTerminationSignals: false,
    // HTTP caching is ours (ETag on the dataset version, below); Apollo's per-field cache hints
    // would wrap every resolver for nothing.
    plugins: [ApolloServerPluginCacheControlDisabled(), operationLimitsPlugin(schema)],
    formatError: (formatted, error) =>
      formatError(formatted, error, app.log, config.JIN_MAX_TOKENS),
  });
  await apollo.start();
  app.addHook('onClose', async () => {
    await apollo.stop();
  });
  const context: ContextFor = async (request) => createContext(store, limits, request.viewer);

  app.post(SERVER_PATHS.graphql, { preHandler: guard }, fastifyApolloHandler(apollo, { context }));

  const cache = new ResponseCache({
    maxBytes: config.JIN_RESPONSE_CACHE_BYTES,
    maxEntryBytes: config.JIN_CACHE_MAX_ENTRY_BYTES,
  });
  const cacheControl = `public, max-age=${config.JIN_CACHE_MAX_AGE}, must-revalidate`;
  revalidation?.attach({
    cacheControl,
    // The route's own decision below for a request that names the kept answer's ETag.
    etagFor: async (search, headers) => {
      if (!preflighted(headers)) return undefined;
      const hit = cache.get(await answerVersion(store), search);
      return hit && matches(headers['if-none-match'], hit.etag) ? hit.etag : undefined;
    },
  });
  app.get(SERVER_PATHS.graphql, { preHandler: guard }, async (request, reply) => {
    const params = request.query as Record<string, string | string[] | undefined>;
    const repeated = GET_PARAMS.find((name) => Array.isArray(params[name]));
    if (repeated) return badRequest(reply, `Give the \`${repeated}\` parameter once.`);
    const { query, variables = '', operationName = '' } = params as Record<string, string>;
    const search = () => new URL(request.url, 'http://local').search;
    // A document sent by id (the reader app's, or one registered by its hash) is cached the same.
    const id = query ? undefined : persistedId(params.extensions as string | undefined);
    const document = query ?? (id && `#${id}`);
    if (!document || request.viewer) return runApollo(apollo, request, reply, search(), context);
    // The same rule Apollo applies to the requests it runs, before any answer is given.
    if (!preflighted(request.headers)) return badRequest(reply, CSRF_MESSAGE);
    const key = request.url.slice(request.url.indexOf('?'));
    // The query string as sent is the cache key, so a hit costs no hashing; the ETag is a
    // hash of the operation itself, the same however its parameters are ordered.
    const version = await answerVersion(store);
    const hit = cache.get(version, key);
    const etag = hit?.etag ?? etagFor(version, requestHash(document, variables, operationName));
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
};

/** Apollo's validation rules, and ours (the known documents are validated with them at start). */
export const validationRules = (config: Config) => [
  maxAliasesRule(config.JIN_MAX_ALIASES),
  maxDirectivesRule(config.JIN_MAX_DIRECTIVES),
];

/** Whether a browser would have sent this request only after a CORS preflight. */
function preflighted(headers: IncomingHttpHeaders): boolean {
  if (headers['x-apollo-operation-name'] || headers['apollo-require-preflight']) return true;
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type !== undefined && type !== '' && !SIMPLE_TYPES.includes(type);
}

/** Runs a request through Apollo, copying its status and headers onto the reply. */
async function runApollo(
  apollo: ApolloServer<Context>,
  request: FastifyRequest,
  reply: FastifyReply,
  search: string,
  context: ContextFor,
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
