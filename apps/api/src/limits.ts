// Shape limits checked after parsing and before execution: aliases, directives and depth.
// (Tokens are limited by the parser, cost by the schema's complexity plugin.)

import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export const LIMIT_MARK = 'jinLimit';

function tooMuch(what: string, value: number, max: number): GraphQLError {
  return new GraphQLError(`Query has ${value} ${what}, above the limit of ${max}.`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', [LIMIT_MARK]: what, value, max },
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

export const maxAliasesRule = (max: number) => countRule(Kind.FIELD, 'aliases', max);
export const maxDirectivesRule = (max: number) => countRule(Kind.DIRECTIVE, 'directives', max);

/** Depth through fragments too; a fragment cycle is left to graphql's own NoFragmentCycles rule. */
export function maxDepthRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const depthOf = (set: SelectionSetNode, visiting: Set<string>, level: number): number => {
      if (level > max) return level;
      let deepest = level;
      for (const selection of set.selections) {
        let next = level;
        if (selection.kind === Kind.FIELD) {
          if (selection.selectionSet) next = depthOf(selection.selectionSet, visiting, level + 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          next = depthOf(selection.selectionSet, visiting, level);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue;
          visiting.add(name);
          next = depthOf(fragment.selectionSet, visiting, level);
          visiting.delete(name);
        }
        deepest = Math.max(deepest, next);
        if (deepest > max) return deepest;
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set(), 1);
        if (depth > max) context.reportError(tooMuch('levels of nesting', depth, max));
      },
    };
  };
}
