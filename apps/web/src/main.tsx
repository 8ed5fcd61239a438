// The app: started by boot.ts once the page has been painted.

import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { createApolloClient, createCache, createHttpLink } from './app/apollo-client.ts';
import { App } from './app/app.tsx';
import { loadMatchedRoutes } from './app/hydrate.ts';
import { STATE_ELEMENT_ID } from './app/page-data.ts';
import { createRoutes } from './app/routes.tsx';
import { yieldToBrowser } from './lib/yield-to-browser.ts';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// A page rendered on the server carries the data it was rendered with (see entry-server.tsx).
const serverState = document.getElementById(STATE_ELEMENT_ID)?.textContent;

const cache = createCache();
if (serverState) cache.restore(JSON.parse(serverState));
const client = createApolloClient(createHttpLink(), cache);
const routes = createRoutes(client);

if (serverState) {
  // Start-up runs as several short tasks rather than one long one: loading the app's code,
  // reading the page's data back from the cache, then hydrating in slices.
  await yieldToBrowser();
  const loaderData = await loadMatchedRoutes(routes, window.location);
  await yieldToBrowser();
  const router = createBrowserRouter(routes, { hydrationData: { loaderData } });
  // As a transition, hydration yields to the browser every few milliseconds instead of holding
  // the main thread until the whole page is hydrated; the page is already on screen meanwhile.
  startTransition(() => {
    hydrateRoot(
      root,
      <StrictMode>
        <App client={client} router={router} />
      </StrictMode>,
    );
  });
} else {
  const router = createBrowserRouter(routes);
  createRoot(root).render(
    <StrictMode>
      <App client={client} router={router} />
    </StrictMode>,
  );
}
