// The store's named errors reach clients as GraphQL errors with stable codes, on every field:
// this plugin wraps each resolver as the schema is built. It is listed first among the
// builder's plugins, so it is the outermost wrapper and sees only what the others let through:
// a mutation's expected errors (InvalidInputError, NotFoundError) have already become its
// result union by then (the errors plugin), and whatever else a store call throws is coded
// here. Anything that is not a store error passes unchanged, to be masked by the server.

import {
  InvalidInputError,
  InvalidQueryError,
  NotFoundError,
  StoreBusyError,
  StoreUnavailableError,
} from '@jin/store';
import SchemaBuilder, { BasePlugin, isThenable, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { apiError, badInput } from './errors.ts';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      storeErrors: StoreErrorsPlugin<Types>;
    }
  }
}

/** Seconds a client is asked to wait when the database cannot be reached. */
export const UNAVAILABLE_RETRY_S = 5;

/** A store error as the coded GraphQL error clients see; any other error unchanged. */
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
  if (error instanceof StoreUnavailableError) {
    return apiError('STORE_UNAVAILABLE', 'The database is unavailable; retry shortly.', {
      retryAfter: UNAVAILABLE_RETRY_S,
      http: { status: 503, headers: new Map([['retry-after', String(UNAVAILABLE_RETRY_S)]]) },
    });
  }
  return error;
}

const rethrow = (error: unknown): never => {
  throw fromStoreError(error);
};

export class StoreErrorsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  // A field that answers synchronously stays synchronous: graphql-js completes a plain value
  // without a promise per field.
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    return (parent, args, context, info) => {
      let result: unknown;
      try {
        result = resolver(parent, args, context, info);
      } catch (error) {
        rethrow(error);
      }
      return isThenable(result) ? Promise.resolve(result).catch(rethrow) : result;
    };
  }
}

const pluginName = 'storeErrors';
SchemaBuilder.registerPlugin(pluginName, StoreErrorsPlugin);
export default pluginName;
