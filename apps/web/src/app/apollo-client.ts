// One Apollo Client for the app: queries go by GET with the document's id instead of its text
// (short addresses that HTTP caches and CDNs keep), and a cache that knows how the paginated
// lists merge.

import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { SERVER_PATHS } from '@jin/site';
import type { DocumentNode } from 'graphql';
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

/** A generated document's id in the persisted-documents manifest, without its `sha256:`. */
function documentId(document: DocumentNode): string | undefined {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  return hash?.startsWith('sha256:') ? hash.slice('sha256:'.length) : undefined;
}

export function createHttpLink(): ApolloLink {
  const http = new HttpLink({
    uri: SERVER_PATHS.graphql,
    useGETForQueries: true,
    // So that a request failing at the network shows the offline notice.
    fetch: watchedFetch,
    // A GET without a custom header is a "simple" request that CSRF prevention refuses.
    headers: { 'apollo-require-preflight': 'true' },
  });
  // Codegen's documents carry their id; the server knows them from the same build. A server that
  // does not know one (another build) gets the documents themselves for the rest of the visit.
  const byId = new PersistedQueryLink({
    generateHash: (document) => documentId(document) as string,
    useGETForHashedQueries: true,
    disable: ({ meta }) => meta.persistedQueryNotSupported || meta.persistedQueryNotFound,
  });
  return ApolloLink.split(({ query }) => documentId(query) !== undefined, byId.concat(http), http);
}

export function createApolloClient(
  link: ApolloLink = createHttpLink(),
  cache: InMemoryCache = createCache(),
): ApolloClient {
  return new ApolloClient({ link, cache });
}
