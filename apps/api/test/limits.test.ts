// The checks a document passes before it runs do work linear in its size, whatever its shape:
// counted as reads of selection sets over generated documents of growing size.

import { createContext, DEFAULT_LIMITS, schema } from '@jin/schema';
import type { Store } from '@jin/store';
import {
  type ASTNode,
  type DocumentNode,
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { maxAliasesRule, maxDirectivesRule, operationLimitErrors } from '../src/limits.ts';

/** A document whose selection sets count every read of their selections. */
function counted(source: string): { document: DocumentNode; reads: () => number; size: number } {
  let reads = 0;
  let size = 0;
  const document = visit(parse(source, { noLocation: true }), {
    SelectionSet: {
      leave(node) {
        size += node.selections.length + 1;
        const selections = node.selections;
        const copy = { kind: Kind.SELECTION_SET } as { kind: Kind; selections: unknown };
        Object.defineProperty(copy, 'selections', {
          enumerable: true,
          get() {
            reads++;
            return selections;
          },
        });
        return copy as ASTNode;
      },
    },
  }) as DocumentNode;
  return { document, reads: () => reads, size };
}

const store = new Proxy({} as Store, {
  get() {
    throw new Error('the checks must not touch the store');
  },
});

/** Every check the API makes before execution, as it makes them. */
function check(source: string): { reads: number; size: number; codes: string[] } {
  const { document, reads, size } = counted(source);
  const errors = validate(schema, document, [
    ...specifiedRules,
    maxAliasesRule(30),
    maxDirectivesRule(20),
  ]);
  const all =
    errors.length > 0
      ? errors
      : operationLimitErrors(schema, document, {
          context: createContext(store),
          limits: { ...DEFAULT_LIMITS, depth: 15, breadth: 500 },
        });
  return {
    reads: reads(),
    size,
    codes: all.map((e) => String(e.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED')),
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Each fragment spreads the next one twice: 2^n fields once expanded. */
const fanOut = (n: number) =>
  `query { ...F0 } ${range(n)
    .map((i) => `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`)
    .join(' ')} fragment F${n} on Query { __typename }`;

/** Inline fragments nested n deep. */
const nestedInline = (n: number) => `{ ${'... on Query { '.repeat(n)}__typename${' }'.repeat(n)} }`;

/** A few aliased lists, each spreading a chain of fragments that each spread the next twice. */
const aliasesTimesFragments = (n: number) =>
  `{ ${range(10)
    .map((i) => `a${i}: articles(first: 1) { nodes { ...A0 } }`)
    .join(' ')} } ${range(n)
    .map((i) => `fragment A${i} on Article { slug ...A${i + 1} ... on Article { ...A${i + 1} } }`)
    .join(' ')} fragment A${n} on Article { title }`;

/** Fragments that nest a list one level deeper each. */
const deepFragments = (n: number) =>
  `{ article(slug: "x") { ...D0 } } ${range(n)
    .map((i) => `fragment D${i} on Article { relatedArticles(first: 1) { ...D${i + 1} } }`)
    .join(' ')} fragment D${n} on Article { slug }`;

/** Every fragment spreads every earlier one. */
const dense = (n: number) =>
  `query { ...W${n - 1} } fragment W0 on Query { __typename } ${range(n - 1)
    .map(
      (i) =>
        `fragment W${i + 1} on Query { ${range(i + 1)
          .map((j) => `...W${j}`)
          .join(' ')} }`,
    )
    .join(' ')}`;

describe('work before execution', () => {
  // The largest of each shape is over a limit (the smaller ones may pass): `refuses` names it.
  const shapes: [string, (n: number) => string, number[], string[]][] = [
    ['fragment fan-out', fanOut, [8, 16, 32, 64], ['QUERY_TOO_COMPLEX']],
    ['nested inline fragments', nestedInline, [8, 16, 32, 64], []],
    ['aliases times fragments', aliasesTimesFragments, [8, 16, 32, 64], ['QUERY_TOO_COMPLEX']],
    ['fragments nesting lists', deepFragments, [8, 16, 32, 64], ['QUERY_TOO_COMPLEX']],
    ['every fragment spreading every earlier one', dense, [8, 16, 32], ['QUERY_TOO_COMPLEX']],
  ];
  for (const [name, make, sizes, refuses] of shapes) {
    it(`is linear in the document for ${name}`, () => {
      const runs = sizes.map((n) => check(make(n)));
      for (const run of runs) {
        // A bounded number of reads of each selection set, whatever the nesting.
        expect(run.reads / run.size).toBeLessThan(40);
      }
      const first = runs[0] as (typeof runs)[number];
      const last = runs.at(-1) as (typeof runs)[number];
      expect(last.codes).toEqual(refuses);
      // Work grows with the document, not with what the fragments expand to.
      expect(last.reads / first.reads).toBeLessThan((last.size / first.size) * 2);
    });
  }

  it('refuses by what the fragments expand to, not by how short the document is', () => {
    // 2^20 fields from a document of 20 fragments.
    expect(check(fanOut(20)).codes).toEqual(['QUERY_TOO_COMPLEX']);
    // The same shape with one level stays within every limit.
    expect(check(fanOut(1)).codes).toEqual([]);
    // 16 levels of lists through fragments: over the depth limit of 15.
    expect(check(deepFragments(16)).codes).toEqual(['QUERY_TOO_COMPLEX']);
    expect(check(deepFragments(5)).codes).toEqual([]);
  });

  it('prices with the request variables', () => {
    const source =
      'query Q($n: Int) { articles(first: $n) { nodes { relatedArticles(first: 20) { relatedArticles(first: 20) { slug } } } } }';
    const run = (n: number) =>
      operationLimitErrors(schema, parse(source), {
        context: createContext(store),
        variables: { n },
        limits: DEFAULT_LIMITS,
      }).map((e) => e.extensions.code);
    expect(run(2)).toEqual([]);
    expect(run(100)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(run(100)).not.toEqual(run(2));
  });
});

describe('the price of a read', () => {
  const cost = (source: string): number => {
    let points = 0;
    operationLimitErrors(schema, parse(source), {
      context: createContext(store),
      limits: { complexity: 1, depth: 100, breadth: 100_000 },
    }).forEach((error) => {
      points = Number(error.extensions.value);
    });
    return points;
  };
  const tags = (n: number) => JSON.stringify(['a', 'b', 'c', 'd', 'e'].slice(0, n));

  it('grows with the tags and outlets to combine, the words to rank and the rows to skip', () => {
    const list = (filter: string) =>
      cost(`{ articles(first: 1, filter: ${filter}) { totalCount } }`);
    expect(list(`{ tags: { anyOf: ${tags(5)} } }`)).toBeGreaterThan(
      list(`{ tags: { anyOf: ${tags(1)} } }`),
    );
    expect(list(`{ media: ["x", "y"] }`)).toBeGreaterThan(list('{}'));
    expect(list('{ query: "visa refugee" }')).toBeGreaterThan(list('{ query: "visa" }'));
    // Tags beside a text query are checked on every match: dearer than tags alone.
    expect(
      list(`{ query: "visa", tags: { allOf: ${tags(3)} } }`) - list('{ query: "visa" }'),
    ).toBeGreaterThan(list(`{ tags: { allOf: ${tags(3)} } }`) - list('{}'));
    const page = (n: number) => cost(`{ articlePage(page: ${n}, pageSize: 100) { totalCount } }`);
    expect(page(900)).toBeGreaterThan(page(1));
    expect(cost('{ search(query: "visa", first: 1) { totalCount } }')).toBeGreaterThan(
      cost('{ articles(first: 1) { totalCount } }'),
    );
  });

  it('refuses the costliest reads many times over in one request', () => {
    const within = (source: string) =>
      operationLimitErrors(schema, parse(source), {
        context: createContext(store),
        limits: DEFAULT_LIMITS,
      }).length === 0;
    const aliased = (n: number, field: string) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    const filteredPage = `articlePage(page: 1, pageSize: 1, filter: { tags: { anyOf: ${tags(5)} }, releasedFrom: "2020-01-01", releasedTo: "2020-12-31" }) { totalCount items { article { title } } }`;
    expect(within(aliased(1, filteredPage))).toBe(true);
    expect(within(aliased(30, filteredPage))).toBe(false);
    const taggedSearch = `search(query: "refugee visa", first: 20, filter: { tags: { allOf: ${tags(3)} } }) { totalCount nodes { title } }`;
    expect(within(aliased(1, taggedSearch))).toBe(true);
    expect(within(aliased(2, taggedSearch))).toBe(false);
  });
});
