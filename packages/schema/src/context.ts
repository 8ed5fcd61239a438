// The per-request context: the store and the batching loaders built for this request only.

import type { ApiToken, Article, Store } from '@jin/store';
import DataLoader from 'dataloader';

export interface QueryLimits {
  /** Largest total cost, counting list sizes as multipliers. */
  complexity: number;
  /** Deepest nesting of selections. */
  depth: number;
  /** Most selections in one document. */
  breadth: number;
}

/** The limits' defaults, for the server (which may lower or raise them) and in-process callers. */
export const DEFAULT_LIMITS: QueryLimits = { complexity: 5000, depth: 15, breadth: 500 };

export interface Context {
  store: Store;
  /** Checked when a root field runs; null once the server has checked them before execution. */
  limits: QueryLimits | null;
  /** The editor's token when the request carried a valid one; null for anonymous readers. */
  viewer: ApiToken | null;
  /** Related articles for many articles in one store call, per requested size. */
  related: (limit: number) => DataLoader<number, Article[]>;
}

export function createContext(
  store: Store,
  limits: QueryLimits = DEFAULT_LIMITS,
  viewer: ApiToken | null = null,
): Context {
  const byLimit = new Map<number, DataLoader<number, Article[]>>();
  return {
    store,
    limits,
    viewer,
    related(limit) {
      let loader = byLimit.get(limit);
      if (!loader) {
        loader = new DataLoader((ids) => store.relatedArticles(ids, limit));
        byLimit.set(limit, loader);
      }
      return loader;
    },
  };
}
