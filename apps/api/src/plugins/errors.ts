// Error answers: the HTTP error handler, the masking of GraphQL errors, and the bodies of the
// server's own refusals, all in the GraphQL shape `{ errors: [{ message, extensions: { code } }] }`.

import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_CODES, UNAVAILABLE_RETRY_S } from '@jin/schema';
import { StoreUnavailableError } from '@jin/store';
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply } from 'fastify';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { LIMIT_MARK } from '../limits.ts';

/**
 * The schema's codes, whose errors are shown as thrown. INTERNAL_SERVER_ERROR is left out: Apollo
 * gives that code to every unexpected error, and those are masked.
 */
const OUR_CODES = new Set<string>(ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR'));
/** Apollo's own codes for requests it could not run; their messages are safe to show. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface ErrorsOptions {
  maxBodyBytes: number;
}

/** Answers the errors Fastify itself raises (bad JSON, a body over the limit, a crash). */
export const errorsPlugin: FastifyPluginAsync<ErrorsOptions> = async (app, { maxBodyBytes }) => {
  app.setErrorHandler(
    async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
      // Outside GraphQL too (the version check before a kept answer, a feed, a page), a
      // database that cannot be reached is a clear 503 to retry, not a crash.
      if (error instanceof StoreUnavailableError) {
        request.log.warn({ err: error }, 'database unavailable');
        return reply
          .code(503)
          .header('retry-after', String(UNAVAILABLE_RETRY_S))
          .header('cache-control', 'no-store')
          .send({
            errors: [
              {
                message: 'The database is unavailable; retry shortly.',
                extensions: { code: 'STORE_UNAVAILABLE', retryAfter: UNAVAILABLE_RETRY_S },
              },
            ],
          });
      }
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
          ? `Request body is larger than the limit of ${maxBodyBytes} bytes.`
          : status < 500
            ? error.message
            : 'Internal server error.';
      return reply.code(status).send({ errors: [{ message, extensions: { code } }] });
    },
  );
};
// Not encapsulated (as fastify-plugin would mark it), so the handler is the root's, for every route.
Object.assign(errorsPlugin, { [Symbol.for('skip-override')]: true });

export function badRequest(reply: FastifyReply, message: string) {
  return reply.code(400).send({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}

export function tooMany(reply: FastifyReply, wait: number) {
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

export function notFound(reply: FastifyReply, message = 'Not found.') {
  return reply.code(404).send({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] });
}

/** Apollo's formatError: coded errors as thrown, limits explained, everything else masked. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: FastifyBaseLogger,
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
  if (code === 'PERSISTED_QUERY_NOT_FOUND') {
    return {
      message:
        'No document is known by this id (extensions.persistedQuery.sha256Hash): send the document itself in `query`, with or without its id.',
      extensions: { code },
    };
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
  log.error({ err: original }, 'unexpected error in a GraphQL request');
  return {
    message: 'Internal server error.',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
