// The site's service worker, built by vite-plugin-pwa (injectManifest) with Workbox: the app's
// shell and built files are precached; pages and GraphQL GET answers are cached as readers visit
// them (network first, so an online reader never gets a stale page); saved articles' pages have
// a cache of their own (filled and emptied by the app: lib/saved-articles/saved-state.ts).

import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  matchPrecache,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { API_PREFIXES, SERVER_PATHS } from '../../../packages/site/src/paths.ts';
import {
  ANSWERS_CACHE,
  PAGES_CACHE,
  SAVED_PAGES_CACHE,
  SKIP_WAITING,
} from '../src/lib/offline-caches.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

/** How long a page or answer may take before the kept copy is shown instead. */
const NETWORK_TIMEOUT_SECONDS = 4;
const SHELL = '/index.html';

// No directory index: `/` is a page rendered by the server like every other, not the shell.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '', cleanURLs: false });
cleanupOutdatedCaches();

const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [
    new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true }),
    {
      // Neither on the network nor among visited pages: a saved article's page, else the app
      // shell (it renders what it can, such as the saved list, and says it is offline).
      handlerDidError: async ({ request }) =>
        (await caches.match(request.url, { cacheName: SAVED_PAGES_CACHE, ignoreSearch: true })) ??
        (await matchPrecache(SHELL)),
    },
  ],
});
registerRoute(
  ({ request, url }) =>
    request.mode === 'navigate' &&
    url.origin === self.location.origin &&
    !API_PREFIXES.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`)),
  pages,
);

registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname === SERVER_PATHS.graphql,
  new NetworkFirst({
    cacheName: ANSWERS_CACHE,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [new ExpirationPlugin({ maxEntries: 500, purgeOnQuotaError: true })],
  }),
  'GET',
);

// A new version waits until the reader asks for it (the prompt in the app), then takes over.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});
// The first version takes charge of the pages already open, so they are kept from now on; later
// versions reach here only after the reader chose to reload.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
