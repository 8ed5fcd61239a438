// Expected failures carry a stable `extensions.code`; anything else is masked by the server.
// The store's own errors get theirs in store-errors-plugin.ts.

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
  'STORE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status an error of each code answers with, where it is not 200 with errors. */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  STORE_BUSY: 503,
  STORE_UNAVAILABLE: 503,
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
