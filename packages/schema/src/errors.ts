// Expected failures carry a stable `extensions.code`; anything else is masked by the server.

import { InvalidInputError, InvalidQueryError, NotFoundError } from '@jin/store';
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INTERNAL_SERVER_ERROR';

export function apiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
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
  return error;
}
