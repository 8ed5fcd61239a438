// Not relayStylePagination: it drops later pages on a first-page refetch or an out-of-order page, repeats overlapping edges, lets a null totalCount replace a known one and keeps only the last page's nodes.
// Merges pages of a Relay-style connection into one list in the cache. Each page is placed by
// its cursor, so a page fetched twice, a refetched first page or pages arriving out of order
// never duplicate or drop an item.

import { type FieldPolicy, isReference } from '@apollo/client';

interface Edge {
  cursor: string;
  node?: unknown;
}

interface PageInfo {
  hasNextPage?: boolean;
  hasPreviousPage?: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export interface Connection {
  edges?: readonly Edge[];
  nodes?: readonly unknown[];
  pageInfo?: PageInfo;
  totalCount?: number | null;
  [field: string]: unknown;
}

interface PageArgs {
  after?: string | null;
  before?: string | null;
}

/** One item appears once however many pages carried it: same node, or failing that same cursor. */
function edgeKey(edge: Edge): string {
  return isReference(edge.node) ? edge.node.__ref : `cursor:${edge.cursor}`;
}

function dedupe(edges: readonly Edge[]): Edge[] {
  const seen = new Set<string>();
  return edges.filter((edge) => {
    const key = edgeKey(edge);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function mergeConnection(
  existing: Connection | undefined,
  incoming: Connection,
  args: PageArgs | null | undefined,
): Connection {
  const fresh = dedupe(incoming.edges ?? []);
  const freshKeys = new Set(fresh.map(edgeKey));
  const kept = (existing?.edges ?? []).filter((edge) => !freshKeys.has(edgeKey(edge)));

  let edges: Edge[];
  let headIsFresh = false;
  let tailIsFresh = false;
  if (args?.after) {
    const at = kept.findIndex((edge) => edge.cursor === args.after);
    if (at === -1) {
      // Its predecessor page has not arrived yet: append; that page will slot in before it.
      edges = [...kept, ...fresh];
      tailIsFresh = fresh.length > 0 || kept.length === 0;
    } else {
      edges = [...kept.slice(0, at + 1), ...fresh, ...kept.slice(at + 1)];
      tailIsFresh = at === kept.length - 1;
    }
    headIsFresh = kept.length === 0;
  } else if (args?.before) {
    const at = kept.findIndex((edge) => edge.cursor === args.before);
    if (at === -1) {
      edges = [...fresh, ...kept];
      headIsFresh = fresh.length > 0 || kept.length === 0;
    } else {
      edges = [...kept.slice(0, at), ...fresh, ...kept.slice(at)];
      headIsFresh = at === 0;
    }
    tailIsFresh = kept.length === 0;
  } else {
    // The first page, or a refetch of it: it becomes the head and later pages stay after it.
    edges = [...fresh, ...kept];
    headIsFresh = true;
    tailIsFresh = kept.length === 0;
  }

  const pageInfo: PageInfo = { ...existing?.pageInfo, ...incoming.pageInfo };
  const before = existing?.pageInfo ?? {};
  const after = incoming.pageInfo ?? {};
  if ('hasNextPage' in pageInfo) {
    pageInfo.hasNextPage = (tailIsFresh ? after : before).hasNextPage ?? false;
  }
  if ('hasPreviousPage' in pageInfo) {
    pageInfo.hasPreviousPage = (headIsFresh ? after : before).hasPreviousPage ?? false;
  }
  if ('startCursor' in pageInfo) pageInfo.startCursor = edges[0]?.cursor ?? null;
  if ('endCursor' in pageInfo) pageInfo.endCursor = edges.at(-1)?.cursor ?? null;

  const merged: Connection = { ...existing, ...incoming, edges, pageInfo };
  if (incoming.nodes) merged.nodes = edges.map((edge) => edge.node);
  if (incoming.totalCount == null && existing?.totalCount != null) {
    merged.totalCount = existing.totalCount;
  }
  return merged;
}

/** A field policy for a paginated connection field, cached once per `keyArgs`. */
export function connectionField(keyArgs: string[]): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge: (existing, incoming, { args }) => mergeConnection(existing, incoming, args as PageArgs),
  };
}
