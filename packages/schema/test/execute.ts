// Runs a test's document through the executor its project names (vitest.config.ts runs every
// schema test twice: under graphql-js, and compiled by graphql-jit as the server runs them), so
// each assertion holds for both, errors included.

import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { type CompiledExecutor, compiledExecutor, plainExecutor } from '../src/execute.ts';

export type ExecutorName = 'graphql-js' | 'graphql-jit';

export const EXECUTOR: ExecutorName =
  process.env.JIN_EXECUTOR === 'graphql-js' ? 'graphql-js' : 'graphql-jit';

const compiled = new WeakMap<GraphQLSchema, CompiledExecutor>();

/** The compiled executor the tests of this run share for `schema` (its counts included). */
export function sharedCompiled(schema: GraphQLSchema): CompiledExecutor {
  let executor = compiled.get(schema);
  if (!executor) {
    executor = compiledExecutor(schema);
    compiled.set(schema, executor);
  }
  return executor;
}

export async function execute(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  variableValues?: Record<string, unknown>;
  operationName?: string;
  contextValue: unknown;
}): Promise<ExecutionResult> {
  const run =
    EXECUTOR === 'graphql-js' ? plainExecutor(args.schema) : sharedCompiled(args.schema).execute;
  return run(args);
}
