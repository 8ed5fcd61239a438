// One Apollo Client for the app: queries go by GET with the document's id instead of its text
// (short addresses that HTTP caches and CDNs keep), and a cache that knows how the paginated
// lists merge.

import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SERVER_PATHS } from '@jin/site';
import type { DocumentNode } from 'graphql';
import { Observable } from 'rxjs';
import { watchedFetch } from '../features/offline/connection-state.ts';
import generated from '../gql/possible-types.ts';
import { connectionField } from './connection-merge.ts';

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    // Off: kept results would spare repeated reads of the same query, which this app hardly
    // makes (each page reads its queries once, then again only after the cache changes), and
    // the dependency tracking they need roughly doubles the first read of each query, the one a
    // server-rendered page makes before it can hydrate.
    resultCaching: false,
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
  return ApolloLink.split(
    ({ query }) => documentId(query) !== undefined,
    byIdLink().concat(http),
    http,
  );
}

const NOT_KNOWN = 'PERSISTED_QUERY_NOT_FOUND';

/** Whether an answer or a failure says the server does not know the document's id. */
function saysNotKnown(outcome: unknown): boolean {
  const value = outcome as { errors?: unknown; bodyText?: unknown } | null;
  const errors = Array.isArray(value?.errors) ? value.errors : [];
  if (errors.some((e: { extensions?: { code?: unknown } }) => e?.extensions?.code === NOT_KNOWN)) {
    return true;
  }
  return typeof value?.bodyText === 'string' && value.bodyText.includes(NOT_KNOWN);
}

/**
 * Sends a generated document by its id alone (Apollo's persisted-query protocol, over GET): the
 * server knows the app's documents from the same build. A server that does not know one (another
 * build) gets the documents themselves for the rest of the visit. Ours rather than Apollo's
 * PersistedQueryLink, which also hashes and prints documents: the app's ids come with them.
 */
function byIdLink(): ApolloLink {
  let serverKnowsIds = true;
  return new ApolloLink((operation, forward) => {
    const id = documentId(operation.query);
    if (!id || !serverKnowsIds) return forward(operation);
    operation.extensions.persistedQuery = { version: 1, sha256Hash: id };
    operation.setContext(({ http }: { http?: object }) => ({
      http: { ...http, includeQuery: false, includeExtensions: true },
    }));
    const withText = () => {
      serverKnowsIds = false;
      delete operation.extensions.persistedQuery;
      operation.setContext(({ http }: { http?: object }) => ({
        http: { ...http, includeQuery: true, includeExtensions: false },
      }));
      return forward(operation);
    };
    return new Observable((observer) => {
      let retried = false;
      const retry = () => {
        retried = true;
        inner.unsubscribe();
        inner = withText().subscribe(observer);
      };
      let inner = forward(operation).subscribe({
        next: (result) => (!retried && saysNotKnown(result) ? retry() : observer.next(result)),
        error: (error) => (!retried && saysNotKnown(error) ? retry() : observer.error(error)),
        complete: () => {
          if (!retried) observer.complete();
        },
      });
      return () => inner.unsubscribe();
    });
  });
}

export function createApolloClient(
  link: ApolloLink = createHttpLink(),
  cache: InMemoryCache = createCache(),
): ApolloClient {
  return new ApolloClient({ link, cache });
}
