import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { useEffect } from 'react';
import type { DataRouter } from 'react-router';
import { RouterProvider } from 'react-router';

/** Set on the root element once the app has taken over the page (see `App`). */
export const APP_READY_ATTRIBUTE = 'data-app';

export function App({ client, router }: { client: ApolloClient; router: DataRouter }) {
  // A page rendered on the server works as plain HTML until the app has hydrated it: until then a
  // link loads a whole page. Marking the moment lets anything that waits for the app (the
  // browser tests among them) tell the two apart.
  useEffect(() => {
    document.documentElement.setAttribute(APP_READY_ATTRIBUTE, 'ready');
  }, []);
  return (
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>
  );
}
