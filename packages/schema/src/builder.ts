// Creates the schema builder and its plugins; types live in ./types, one file per GraphQL type,
// each holding its object, inputs, root fields and mutations. Every field is non-null unless it
// says `nullable: true`. The store's errors become coded GraphQL errors on every field through
// StoreErrorsPlugin (store-errors-plugin.ts).

import { MAX_PAGE_SIZE } from '@jin/store';
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { z } from 'zod';
import type { Context } from './context.ts';
import { apiError, badInput } from './errors.ts';
import { decodeId, encodeId } from './ids.ts';
import StoreErrorsPlugin from './store-errors-plugin.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
  };
  Connection: { totalCount: () => Promise<number> };
  AuthScopes: { write: boolean; admin: boolean };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [
    // First, so that it wraps every other plugin's resolvers (see store-errors-plugin.ts).
    StoreErrorsPlugin,
    ScopeAuthPlugin,
    ErrorsPlugin,
    ValidationPlugin,
    RelayPlugin,
    DataloaderPlugin,
    ComplexityPlugin,
  ],
  scopeAuth: {
    authScopes: (ctx) => ({
      write: ctx.viewer?.scopes.includes('write') ?? false,
      admin: ctx.viewer?.scopes.includes('admin') ?? false,
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer
        ? apiError(
            'FORBIDDEN',
            `The token "${ctx.viewer.name}" lacks the scope this operation needs.`,
          )
        : apiError(
            'UNAUTHENTICATED',
            'This operation needs an API token: send `Authorization: Bearer <token>`.',
          ),
  },
  errors: { defaultTypes: [] },
  relay: {
    encodeGlobalID: encodeId,
    decodeGlobalID: decodeId,
    idFieldOptions: { description: 'An opaque global identifier, usable with `node(id)`.' },
    nodeQueryOptions: {
      description: 'Any object by its global ID; null when it does not exist.',
      args: { id: { description: 'A global ID returned by this API.' } },
    },
    nodesQueryOptions: {
      description: 'Objects by global IDs, in the same order; null for any that do not exist.',
      args: {
        ids: {
          description: `Global IDs returned by this API, at most ${MAX_PAGE_SIZE}.`,
          validate: z.array(z.unknown()).max(MAX_PAGE_SIZE, `give at most ${MAX_PAGE_SIZE} ids`),
        },
      },
      complexity: (args: { ids?: unknown[] }) => ({
        field: 1,
        multiplier: Math.min(args.ids?.length ?? 1, MAX_PAGE_SIZE),
      }),
    },
    nodesOnConnection: {
      description: 'The items of this page, without cursors.',
      complexity: { field: 1, multiplier: 1 },
    },
    nodeTypeOptions: { description: 'An object with a global ID.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list.' },
    cursorFieldOptions: { description: 'An opaque position: pass it as `after` or `before`.' },
    nodeFieldOptions: { nullable: false, description: 'The item at this position.' },
    // A connection's own `first`/`last` already multiplies its cost; its lists add nothing more.
    edgesFieldOptions: {
      nullable: false,
      description: 'The items of this page with their cursors.',
      complexity: { field: 1, multiplier: 1 },
    },
    pageInfoFieldOptions: { description: 'Whether more items lie before or after this page.' },
    hasNextPageFieldOptions: { description: 'True when items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
    startCursorFieldOptions: { description: 'The cursor of the first item of this page.' },
    endCursorFieldOptions: { description: 'The cursor of the last item of this page.' },
    firstArgOptions: { description: 'How many items to return from the start (0 to 100).' },
    lastArgOptions: { description: 'How many items to return from the end (0 to 100).' },
    afterArgOptions: { description: 'Return items after this cursor.' },
    beforeArgOptions: { description: 'Return items before this cursor.' },
  },
  validation: {
    validationError: (result) =>
      badInput(result.issues.map((i) => i.message).join('; '), {
        fields: result.issues.map((i) => ({
          field: (i.path ?? [])
            .map((p) => (typeof p === 'object' ? String(p.key) : String(p)))
            .join('.'),
          message: i.message,
        })),
      }),
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: (ctx) => ctx.limits ?? {},
    complexityError: (kind, result) => {
      const name = kind.toLowerCase() as 'complexity' | 'depth' | 'breadth';
      const value = result[name];
      const max = result[`max${kind}` as 'maxComplexity'];
      return apiError(
        'QUERY_TOO_COMPLEX',
        `Query ${name} is ${value}, above the limit of ${max}. Ask for fewer items or less nesting.`,
        { limit: name, value, max },
      );
    },
  },
});

builder.queryType({ description: 'Read the archive: articles, tags and media outlets.' });
builder.mutationType({ description: 'Change the archive. Every mutation needs an API token.' });
