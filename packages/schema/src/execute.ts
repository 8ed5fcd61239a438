// Runs documents against the schema, compiled: graphql-jit turns an operation into a function
// once, and later requests with the same document and operation name call that function,
// without graphql-js walking the document again. Whatever the compiler refuses (or throws on)
// runs through graphql-js, as does a subscription; both give the same answers, errors included
// (the schema's tests run under each, see test/execute.ts).

import {
  type DocumentNode,
  type ExecutionResult,
  execute as executeJs,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  print,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

const isThenable = <T>(value: T | Promise<T>): value is Promise<T> =>
  typeof (value as Promise<T>)?.then === 'function';

export interface ExecuteArgs {
  document: DocumentNode;
  operationName?: string | null | undefined;
  variableValues?: Record<string, unknown> | null | undefined;
  contextValue: unknown;
  rootValue?: unknown;
}

export type Execute = (args: ExecuteArgs) => Promise<ExecutionResult> | ExecutionResult;

/** What the compiled executor has done since it was made, for tests and the bench. */
export interface ExecutorStats {
  /** Documents compiled (cache misses that compiled). */
  compilations: number;
  /** Requests answered by an already compiled document. */
  hits: number;
  /** Requests run by graphql-js because the document could not be compiled. */
  fallbacks: number;
}

export interface CompiledExecutor {
  execute: Execute;
  stats: ExecutorStats;
}

/** graphql-js itself, for the schema's tests and as the compiled executor's fallback. */
export function plainExecutor(schema: GraphQLSchema): Execute {
  return ({ document, operationName, variableValues, contextValue, rootValue }) =>
    executeJs({ schema, document, operationName, variableValues, contextValue, rootValue });
}

/**
 * The compiler's errors as graphql-js's own class makes them: with `extensions` always an object
 * (Apollo reads `extensions.code` of every error) and the same stack.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const made = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
  (made as { locations: GraphQLError['locations'] }).locations = error.locations;
  return made;
}

/** Kept for a document that did not compile, so it is not tried again. */
const NOT_COMPILED = Symbol('not compiled');

/**
 * A compiling executor with at most `maxDocuments` compiled documents kept (least recently
 * used dropped first).
 */
export function compiledExecutor(
  schema: GraphQLSchema,
  { maxDocuments = 1000 }: { maxDocuments?: number } = {},
): CompiledExecutor {
  const cache = new LRUCache<string, CompiledQuery | typeof NOT_COMPILED>({ max: maxDocuments });
  const fallback = plainExecutor(schema);
  const stats: ExecutorStats = { compilations: 0, hits: 0, fallbacks: 0 };

  function compiled(document: DocumentNode, operationName: string | undefined) {
    // The text as parsed (Apollo and the tests parse with locations); a document built by hand
    // is printed.
    const key = `${operationName ?? ''}\n${document.loc?.source.body ?? print(document)}`;
    const kept = cache.get(key);
    if (kept !== undefined) {
      if (kept !== NOT_COMPILED) stats.hits++;
      return kept;
    }
    let made: CompiledQuery | typeof NOT_COMPILED = NOT_COMPILED;
    // Subscriptions, and documents graphql-js would refuse (no such operation), go to graphql-js.
    if (getOperationAST(document, operationName)?.operation !== 'subscription') {
      try {
        const result = compileQuery(schema, document, operationName);
        if (isCompiledQuery(result)) made = result;
      } catch {
        // Left to graphql-js, which either runs it or says what is wrong in its own words.
      }
    }
    if (made !== NOT_COMPILED) stats.compilations++;
    cache.set(key, made);
    return made;
  }

  const execute: Execute = (args) => {
    const query = compiled(args.document, args.operationName ?? undefined);
    if (query === NOT_COMPILED) {
      stats.fallbacks++;
      return fallback(args);
    }
    const result = query.query(args.rootValue, args.contextValue, args.variableValues ?? {});
    return isThenable(result) ? result.then((r) => orPlain(r, args)) : orPlain(result, args);
  };
  /**
   * A request error (variables that do not fit) comes before any resolver runs: graphql-js says
   * it again in its own words (a scalar's own message included), so both executors agree.
   */
  const orPlain = (result: ExecutionResult, args: ExecuteArgs) => {
    if (!result.errors) return result;
    if (result.data === undefined) return fallback(args);
    return { ...result, errors: result.errors.map(asGraphqlJsError) };
  };
  return { execute, stats };
}
