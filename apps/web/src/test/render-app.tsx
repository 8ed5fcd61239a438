// Renders the real route table in memory against mocked GraphQL responses.

import { ApolloClient } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { configure, getConfig, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { createMemoryRouter } from 'react-router';
import { createCache } from '../app/apollo-client.ts';
import { App } from '../app/app.tsx';
import { createRoutes } from '../app/routes.tsx';

export function renderApp(path: string, mocks: MockLink.MockedResponse[]) {
  const link = new MockLink(mocks, { defaultOptions: { delay: 5 } });
  const client = new ApolloClient({ link, cache: createCache() });
  const router = createMemoryRouter(createRoutes(client), { initialEntries: [path] });
  const view = render(
    <StrictMode>
      <App client={client} router={router} />
    </StrictMode>,
  );
  return { ...view, client, router };
}

/**
 * Runs `fn` with React's act() environment switched off. A transition that suspends inside act()
 * is never retried once act() has returned, as happens with "Load more" (fetchMore inside
 * startTransition); browsers have no act(), so this matches what users get.
 */
export async function withoutAct<T>(fn: () => Promise<T>): Promise<T> {
  const flag = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const previous = { act: flag.IS_REACT_ACT_ENVIRONMENT, wrapper: getConfig().eventWrapper };
  flag.IS_REACT_ACT_ENVIRONMENT = false;
  configure({ eventWrapper: (cb) => cb() });
  try {
    return await fn();
  } finally {
    flag.IS_REACT_ACT_ENVIRONMENT = previous.act;
    configure({ eventWrapper: previous.wrapper });
  }
}
