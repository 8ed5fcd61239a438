// One Apollo Client for the app: GET for queries so responses can be cached by HTTP, and a
// cache that knows how the paginated lists merge.

import { ApolloClient, type ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { connectionField } from './connection-merge.ts';

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: {
      SummaryBlock: ['SummaryParagraph', 'SummaryHeading', 'SummaryList'],
      Node: ['Article', 'Media', 'Tag'],
    },
    typePolicies: {
      Query: {
        fields: {
          articles: connectionField(['filter', 'orderBy']),
          search: connectionField(['query', 'filter']),
        },
      },
      Tag: { fields: { articles: connectionField(['orderBy']) } },
      Media: { fields: { articles: connectionField(['orderBy']) } },
    },
  });
}

export function createHttpLink(): ApolloLink {
  return new HttpLink({
    uri: '/graphql',
    useGETForQueries: true,
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
