// What a request may ask for, checked after parsing and before execution: aliases and
// directives (counted in the document), and depth, breadth and cost through every fragment by
// the complexity plugin's own calculation, which visits each selection set once per type and
// sees the request's variables. (Tokens are limited by the parser.)

import type { ApolloServerPlugin } from '@apollo/server';
import { type Context, createComplexityRule, type QueryLimits } from '@jin/schema';
import {
  type ASTVisitor,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type ValidationContext,
  validate,
} from 'graphql';

export const LIMIT_MARK = 'jinLimit';

function tooMuch(what: string, value: number, max: number): GraphQLError {
  return new GraphQLError(`Query has ${value} ${what}, above the limit of ${max}.`, {
    extensions: {
      code: 'QUERY_TOO_COMPLEX',
      [LIMIT_MARK]: what,
      value,
      max,
      http: { status: 400 },
    },
  });
}

function countRule(kind: Kind.FIELD | Kind.DIRECTIVE, what: string, max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      [kind](node: { alias?: unknown }) {
        if (kind === Kind.DIRECTIVE || node.alias) count++;
      },
      Document: {
        leave() {
          if (count > max) context.reportError(tooMuch(what, count, max));
        },
      },
    };
  };
}

/** What one operation measured, with the limits it was held to (sent when a client asks). */
export interface OperationCost {
  complexity: number;
  depth: number;
  breadth: number;
  limits: QueryLimits;
}

/**
 * The request's `extensions` field that asks for the cost in the answer's `extensions.cost`.
 * Part of the request itself, not a header, so a GET's URL (the cache's key) says whether the
 * answer holds it.
 */
export const COST_EXTENSION = 'cost';

export const maxAliasesRule = (max: number) => countRule(Kind.FIELD, 'aliases', max);
export const maxDirectivesRule = (max: number) => countRule(Kind.DIRECTIVE, 'directives', max);

/**
 * Depth, breadth and cost of the operation that will run, with its variables; an empty list
 * when it is within the limits. Each fragment is measured once per type it is spread into.
 */
export function operationLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: {
    operationName?: string | null | undefined;
    variables?: Record<string, unknown> | undefined;
    context: object;
    limits: QueryLimits;
    /** Called with what was measured, within the limits or not. */
    measured?: (cost: OperationCost) => void;
  },
): readonly GraphQLError[] {
  const { limits, measured } = options;
  const rule = createComplexityRule({
    context: options.context,
    variableValues: options.variables ?? {},
    operationName: options.operationName ?? null,
    validate: ({ depth, breadth, complexity }, report) => {
      measured?.({ complexity, depth, breadth, limits });
      if (depth > limits.depth) report(tooMuch('levels of nesting', depth, limits.depth));
      else if (breadth > limits.breadth) report(tooMuch('fields', breadth, limits.breadth));
      else if (complexity > limits.complexity) {
        report(tooMuch('points of cost', complexity, limits.complexity));
      }
    },
  });
  return validate(schema, document, [rule]);
}

/**
 * Checks every operation before it runs; over a limit it answers HTTP 400 without executing.
 * The schema's own check during execution is then skipped for the request (its limits are set
 * to null), since the same calculation has already passed. A request whose `extensions` ask for
 * the cost (`"cost": true`) gets what was measured in the answer's `extensions.cost`.
 */
export function operationLimitsPlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  // Operations without variables that passed: their cost cannot change, so it is not counted
  // again. (Apollo hands out the same document object for the same text.)
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart({ request }) {
      const asked = request.extensions?.[COST_EXTENSION] === true;
      let cost: OperationCost | undefined;
      const measured = asked
        ? (measure: OperationCost) => {
            cost = measure;
          }
        : undefined;
      return {
        ...(asked && {
          async willSendResponse({ response }) {
            if (!cost || response.body.kind !== 'single') return;
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, [COST_EXTENSION]: cost };
          },
        }),
        async didResolveOperation({ document, operation, operationName, request, contextValue }) {
          if (!contextValue.limits) return;
          const name = operationName ?? '';
          // (Unless the cost is asked for: then it is measured to be told.)
          if (!asked && passed.get(document)?.has(name)) {
            contextValue.limits = null;
            return;
          }
          let errors: readonly GraphQLError[];
          try {
            errors = operationLimitErrors(schema, document, {
              operationName,
              variables: request.variables,
              context: contextValue,
              limits: contextValue.limits,
              measured,
            });
          } catch {
            // An argument the schema refuses (the cost of a field reads its arguments): left to
            // execution, which reports it on its field and still checks the limits itself.
            return;
          }
          const over = errors.find((error) => error.extensions[LIMIT_MARK]);
          if (over) throw over;
          // Any other problem (variables that do not fit) is reported by execution itself.
          if (errors.length > 0) return;
          contextValue.limits = null;
          if (operation && !operation.variableDefinitions?.length) {
            const names = passed.get(document) ?? new Set();
            passed.set(document, names.add(name));
          }
        },
      };
    },
  };
}
