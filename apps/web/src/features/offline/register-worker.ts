// Registers the service worker (sw/sw.ts) once the page is interactive. A new version waits until
// the reader chooses Reload in the prompt; then it takes over and the page reloads, so the site is
// never a silent mix of old and new.

import { Workbox } from 'workbox-window';
import { PAGES_CACHE } from '../../lib/offline-caches.ts';
import { offerUpdate } from './connection-state.ts';

export const WORKER_URL = '/sw.js';

export function registerWorker() {
  if (!('serviceWorker' in navigator)) return;
  const workbox = new Workbox(WORKER_URL);
  // Also fired at registration when a new version was already waiting from an earlier visit.
  workbox.addEventListener('waiting', () => {
    offerUpdate(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
  });
  workbox.addEventListener('activated', (event) => {
    // The first version starts controlling this page (the worker claims it) after the page had
    // loaded: keep the page too, as every later one is kept, so it opens offline.
    if (!event.isUpdate) keepThisPage();
  });
  // Browsers look for a new worker on navigation; a reader who keeps one tab open for hours (or
  // comes back to it) should hear of a new version too.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void workbox.update();
  });
  void workbox.register();
}

function keepThisPage() {
  caches
    .open(PAGES_CACHE)
    .then((cache) => cache.add(window.location.href))
    .catch(() => {});
}
