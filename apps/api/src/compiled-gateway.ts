// Apollo Server runs documents through the schema's compiled executor (@jin/schema's
// execute.ts) by way of its gateway interface: `load()` hands Apollo the schema and an executor.
// Everything before execution is still Apollo's (parsing, the validation rules, the operation
// limits plugin, persisted queries) and so is everything after it (formatError, the status from
// an error's `http` extension).

import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { CompiledExecutor } from '@jin/schema';
import { type GraphQLSchema, printSchema } from 'graphql';

export function compiledGateway(
  schema: GraphQLSchema,
  executor: CompiledExecutor,
): GatewayInterface {
  const listeners = new Set<Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]>();
  return {
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      // Apollo learns the schema from its listener; the schema never changes afterwards.
      const sdl = printSchema(schema);
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: sdl });
      return {
        executor: async ({ document, request, context }) =>
          executor.execute({
            document,
            // As sent: graphql-js resolves (and refuses) the name, as without the gateway.
            operationName: request.operationName,
            variableValues: request.variables,
            contextValue: context,
          }),
      };
    },
    async stop() {},
  };
}
