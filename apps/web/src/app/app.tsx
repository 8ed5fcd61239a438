import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { useEffect } from 'react';
import type { DataRouter } from 'react-router';
import { RouterProvider } from 'react-router';
import { startSavedArticles } from '../lib/saved-articles/saved-state.ts';

/** Set on the root element once the app has taken over the page (see `App`). */
export const APP_READY_ATTRIBUTE = 'data-app';

export function App({ client, router }: { client: ApolloClient; router: DataRouter }) {
  // A page rendered on the server works as plain HTML until the app has hydrated it: until then a
  // link loads a whole page. Marking the moment lets anything that waits for the app (the
  // browser tests among them) tell the two apart.
  useEffect(() => {
    document.documentElement.setAttribute(APP_READY_ATTRIBUTE, 'ready');
    // Saved articles and the service worker come after: the page is already interactive.
    return whenIdle(() => {
      void startSavedArticles();
      void import('../features/offline/register-worker.ts').then((m) => m.registerWorker());
    });
  }, []);
  return (
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>
  );
}

/** Runs the work when the browser is idle (soon, at the latest); returns a cancel. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 200);
  return () => clearTimeout(id);
}
