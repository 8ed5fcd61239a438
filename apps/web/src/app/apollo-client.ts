// One Apollo Client for the app: GET for queries so responses can be cached by HTTP, and a
// cache that knows how the paginated lists merge.

import { ApolloClient, type ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SERVER_PATHS } from '@jin/site';
import { watchedFetch } from '../features/offline/connection-state.ts';
import generated from '../gql/possible-types.ts';
import { connectionField } from './connection-merge.ts';

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    // Generated from the schema by codegen, so a new union member or node type is known here.
    possibleTypes: generated.possibleTypes,
    typePolicies: {
      Query: {
        fields: {
          articles: connectionField(['filter', 'orderBy']),
          search: connectionField(['query', 'filter']),
          // By page size too: the front page's next three and the timeline's pages are different
          // lists even where their filters are the same.
          ruleChanges: connectionField(['filter', 'first', 'last']),
        },
      },
      Tag: { fields: { articles: connectionField(['orderBy']) } },
      Media: { fields: { articles: connectionField(['orderBy']) } },
    },
  });
}

export function createHttpLink(): ApolloLink {
  return new HttpLink({
    uri: SERVER_PATHS.graphql,
    useGETForQueries: true,
    // So that a request failing at the network shows the offline notice.
    fetch: watchedFetch,
    // A GET without a custom header is a "simple" request that CSRF prevention refuses.
    headers: { 'apollo-require-preflight': 'true' },
  });
}

export function createApolloClient(
  link: ApolloLink = createHttpLink(),
  cache: InMemoryCache = createCache(),
): ApolloClient {
  return new ApolloClient({ link, cache });
}
