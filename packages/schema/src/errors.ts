// Expected failures carry a stable `extensions.code`; anything else is masked by the server.

import { InvalidInputError, InvalidQueryError, NotFoundError, StoreBusyError } from '@jin/store';
import { GraphQLError } from 'graphql';

/** Every `extensions.code` an API error is given on purpose. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'STORE_BUSY',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status an error of each code answers with, where it is not 200 with errors. */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  STORE_BUSY: 503,
};

export function apiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...(status ? { http: { status } } : {}), ...extensions },
  });
}

export const badInput = (message: string, extensions: Record<string, unknown> = {}) =>
  apiError('BAD_USER_INPUT', message, extensions);

/** Turns the store's named errors into coded GraphQL errors; leaves others to be masked. */
export function fromStoreError(error: unknown): unknown {
  if (error instanceof InvalidQueryError) return badInput(error.message);
  if (error instanceof InvalidInputError) {
    return badInput(error.message, { fields: error.issues });
  }
  if (error instanceof NotFoundError) return apiError('NOT_FOUND', error.message);
  if (error instanceof StoreBusyError) {
    const retryAfter = error.retryAfterSeconds;
    return apiError('STORE_BUSY', error.message, {
      retryAfter,
      // The HTTP server reads the answer's status and headers from here (a Map, as it expects).
      http: { status: 503, headers: new Map([['retry-after', String(retryAfter)]]) },
    });
  }
  return error;
}
