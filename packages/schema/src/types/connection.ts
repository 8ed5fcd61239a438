// What every Relay connection of the schema shares: the page-size rule and the page info built
// from a store slice's edges.

import { MAX_PAGE_SIZE } from '@jin/store';
import type { PageInfoShape } from '@pothos/plugin-relay';
import { badInput } from '../errors.ts';

/** A `first` or `last` argument, checked against the largest page. */
export function checkSize(name: string, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(`${name} must be between 0 and ${MAX_PAGE_SIZE}; got ${value}.`);
  }
  return value;
}

/** How many items a page takes: `first`, else `last`, else 20 from the start. */
export function pageSizes(args: {
  first?: number | null | undefined;
  last?: number | null | undefined;
}): { first: number | undefined; last: number | undefined } {
  const first = checkSize('first', args.first);
  const last = checkSize('last', args.last);
  return { first: first ?? (last === undefined ? 20 : undefined), last };
}

export function pageInfo(
  edges: readonly { cursor: string }[],
  slice: { hasNextPage: boolean; hasPreviousPage: boolean },
): PageInfoShape {
  return {
    hasNextPage: slice.hasNextPage,
    hasPreviousPage: slice.hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}
