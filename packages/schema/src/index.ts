// Assembles the schema from the type files and maps store errors to coded GraphQL errors.

import { type GraphQLSchema, isObjectType } from 'graphql';
import { builder } from './builder.ts';
import { fromStoreError } from './errors.ts';
import './types/article.ts';
import './types/article-list.ts';
import './types/editorial.ts';
import './types/media.ts';
import './types/tag.ts';

export { type Context, createContext, DEFAULT_LIMITS, type QueryLimits } from './context.ts';
export { apiError, badInput, ERROR_CODES, type ErrorCode } from './errors.ts';
export { parseSummary, type SummaryBlock } from './types/summary.ts';

/**
 * Wraps every resolver so the store's named errors reach clients with their codes. Synchronous
 * results stay synchronous: graphql-js completes a plain value without a promise per field.
 */
function mapStoreErrors(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (...args) => {
        let result: unknown;
        try {
          result = resolve(...args);
        } catch (error) {
          throw fromStoreError(error);
        }
        return isPromiseLike(result)
          ? Promise.resolve(result).catch((error: unknown) => {
              throw fromStoreError(error);
            })
          : result;
      };
    }
  }
  return schema;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

export const schema = mapStoreErrors(builder.toSchema({ sortSchema: false }));
export { createComplexityRule } from '@pothos/plugin-complexity';
