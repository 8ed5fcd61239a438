// Whether the site can be reached, and whether a new version is waiting: what the status banners
// (status-banners.tsx) show. Offline means the browser says so (navigator.onLine) or a request
// to the site has just failed at the network; the next answer, or the browser's `online` event,
// clears it.

import { useSyncExternalStore } from 'react';

export interface ConnectionState {
  offline: boolean;
  /** Set when a new version of the site is installed and waiting: activates it and reloads. */
  update: (() => void) | null;
}

const SERVER: ConnectionState = { offline: false, update: null };
let state: ConnectionState | undefined;
let requestFailed = false;
const listeners = new Set<() => void>();

function current(): ConnectionState {
  state ??= { offline: !navigator.onLine, update: null };
  return state;
}

function change(next: Partial<ConnectionState>) {
  const before = current();
  if (Object.entries(next).every(([key, value]) => before[key as keyof ConnectionState] === value))
    return;
  state = { ...before, ...next };
  for (const listener of listeners) listener();
}

const onBrowserChange = () => {
  if (navigator.onLine) requestFailed = false;
  change({ offline: !navigator.onLine || requestFailed });
};

function subscribe(listener: () => void) {
  if (listeners.size === 0) {
    window.addEventListener('online', onBrowserChange);
    window.addEventListener('offline', onBrowserChange);
  }
  listeners.add(listener);
  onBrowserChange();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('online', onBrowserChange);
      window.removeEventListener('offline', onBrowserChange);
    }
  };
}

export function useConnection(): ConnectionState {
  return useSyncExternalStore(subscribe, current, () => SERVER);
}

/** A fetch that reports whether the site answered, for the app's GraphQL requests. */
export const watchedFetch: typeof fetch = async (input, init) => {
  try {
    const response = await fetch(input, init);
    if (requestFailed) {
      requestFailed = false;
      change({ offline: !navigator.onLine });
    }
    return response;
  } catch (error) {
    // Aborted requests are the app's own doing, not the network's.
    if (!(error instanceof DOMException && error.name === 'AbortError')) {
      requestFailed = true;
      change({ offline: true });
    }
    throw error;
  }
};

export function offerUpdate(apply: () => void) {
  change({ update: apply });
}
