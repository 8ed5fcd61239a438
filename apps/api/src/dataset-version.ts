// Every kept answer, rendered page and ETag is checked against the dataset version on each
// request. On a database shared by several API processes that question would cost a round trip
// per request, so the version is kept in memory: replaced as soon as the database announces a
// write (Store.onDatasetChange, LISTEN/NOTIFY on PostgreSQL), and asked again whenever the kept
// value is older than FRESH_MS, the safety net for an announcement that never arrived (the
// listening connection was down while another process wrote). So an answer kept for an older
// version is never served more than FRESH_MS after another process's write.

import type { Store } from '@jin/store';

export const FRESH_MS = 500;

export interface WatchOptions {
  freshMs?: number;
  now?: () => number;
}

/** The store, answering `datasetVersion()` from memory while it is known to be fresh. */
export function watchDatasetVersion<S extends Store>(store: S, options: WatchOptions = {}): S {
  const freshMs = options.freshMs ?? FRESH_MS;
  const now = options.now ?? Date.now;
  let known: { version: string; at: number } | null = null;
  let asking: Promise<string> | null = null;

  const ask = (): Promise<string> => {
    asking ??= store
      .datasetVersion()
      .then((version) => {
        known = { version, at: now() };
        return version;
      })
      .finally(() => {
        asking = null;
      });
    return asking;
  };
  const unsubscribe = store.onDatasetChange((version) => {
    known = { version, at: now() };
  });
  const datasetVersion = (): Promise<string> =>
    known && now() - known.at < freshMs ? Promise.resolve(known.version) : ask();
  const close = async (): Promise<void> => {
    unsubscribe();
    await store.close();
  };

  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      if (property === 'datasetVersion') return datasetVersion;
      if (property === 'close') return close;
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      let method = bound.get(property);
      if (!method) {
        method = value.bind(target);
        bound.set(property, method);
      }
      return method;
    },
  });
}
