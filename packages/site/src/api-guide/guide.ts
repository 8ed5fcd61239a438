// The API guide for developers: what to know and a working example for each task, in one place.
// The README's "Use the API" section and the reader app's /developers page are rendered from it,
// and the API's tests run every example against the real server.
// Text is plain, with `code` in backticks.

/** One request to the API, shown as its GraphQL document and as a curl command. */
export interface ApiExample {
  /** Stable: the page's anchor and the key of the example's test. */
  id: string;
  title: string;
  text: string;
  method: 'POST' | 'GET';
  document: string;
  /** A value `"$name"` stands for the shell variable set by `capture`. */
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  /** A first request whose answer's first `field` sets the shell variable `name`. */
  capture?: { name: string; document: string; field: string };
  /**
   * What the command prints: the answer's body, its status line and headers with the body, or
   * (`revalidate`) the status of the same GET sent again with the first answer's ETag.
   */
  show: 'body' | 'headers' | 'revalidate';
}

export interface GuideSection {
  id: string;
  title: string;
  paragraphs: string[];
  examples: ApiExample[];
  /** A table of `[name, meaning]` rows, under its column names. */
  table?: { columns: [string, string]; rows: [string, string][] };
}

export const GUIDE_INTRO = [
  'The archive is open to read over GraphQL at `/graphql`: POST a JSON body `{ "query", "variables", "operationName", "extensions" }`, or GET the same as URL parameters for answers that can be cached. The schema is `packages/schema/schema.graphql`, explorable at `/graphiql`; every change a client can notice is in `packages/schema/CHANGELOG.md`, and nothing is removed without first being deprecated.',
  'The commands below run in a shell with `API` set to the endpoint, e.g. `API=http://127.0.0.1:4000/graphql`.',
];

export const API_GUIDE: GuideSection[] = [
  {
    id: 'paging',
    title: 'Page through lists',
    paragraphs: [
      "Lists are Relay connections: `first`/`after` to go forward, `last`/`before` to go back, with `totalCount` and opaque keyset cursors. Pass a page's `pageInfo.endCursor` as `after` for the next one, while `hasNextPage` is true. Each argument's bounds (the largest page, the most tags in a filter) are in its description in the schema.",
      'Tables with page numbers use `articlePage(page, pageSize)` (also on a `Tag` and a `Media`): page N of `pageCount`.',
    ],
    examples: [
      {
        id: 'first-page',
        title: 'The newest articles, three at a time',
        text: 'The first page and the cursor to continue from.',
        method: 'POST',
        document: `query FirstPage {
  articles(first: 3) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { slug title releasedOn }
  }
}`,
        show: 'body',
      },
      {
        id: 'next-page',
        title: 'The next page',
        text: 'The first request reads the cursor into the shell variable `after`; the second passes it as the variable `after`.',
        method: 'POST',
        capture: {
          name: 'after',
          document: '{ articles(first: 3) { pageInfo { endCursor } } }',
          field: 'endCursor',
        },
        document: `query NextPage($after: String) {
  articles(first: 3, after: $after) {
    pageInfo { hasPreviousPage hasNextPage endCursor }
    nodes { slug title releasedOn }
  }
}`,
        variables: { after: '$after' },
        show: 'body',
      },
      {
        id: 'numbered-page',
        title: 'Page 2 of a numbered table',
        text: 'Five articles a page; `pageCount` says how many pages there are.',
        method: 'POST',
        document: `query Table {
  articlePage(page: 2, pageSize: 5) {
    page
    pageCount
    totalCount
    items { article { slug title releasedOn } }
  }
}`,
        show: 'body',
      },
    ],
  },
  {
    id: 'filtering',
    title: 'Filter',
    paragraphs: [
      "`filter` narrows a list: `tags: { anyOf, allOf }` (tag slugs), `media` (outlet slugs), `releasedFrom` and `releasedTo` (dates, `YYYY-MM-DD`) and `query` (words). Conditions combine with AND. The timeline's `ruleChanges(filter:)` takes `from`, `to`, `tags`, `statuses` and `stages`.",
    ],
    examples: [
      {
        id: 'filter',
        title: 'Labour migration since 2024',
        text: 'Articles tagged `labor-migration` released on or after 1 January 2024, in variables.',
        method: 'POST',
        document: `query Filtered($filter: ArticleFilter) {
  articles(first: 5, filter: $filter) {
    totalCount
    nodes { title releasedOn tags { slug } }
  }
}`,
        variables: { filter: { tags: { anyOf: ['labor-migration'] }, releasedFrom: '2024-01-01' } },
        show: 'body',
      },
    ],
  },
  {
    id: 'search',
    title: 'Search',
    paragraphs: [
      '`search(query:)` ranks articles by relevance and gives each edge a `snippet`: the text around the match, in parts, the matching ones `highlighted`. Words match whole after stemming ("refugees" finds "refugee"); when they find nothing, the last word is completed as a prefix. Text is searched literally. It takes the same `filter` as `articles`.',
    ],
    examples: [
      {
        id: 'search',
        title: 'Articles about refugees',
        text: 'The best three matches with their snippets.',
        method: 'POST',
        document: `query Search {
  search(query: "refugee", first: 3) {
    totalCount
    edges {
      snippet { text highlighted }
      node { title releasedOn }
    }
  }
}`,
        show: 'body',
      },
    ],
  },
  {
    id: 'errors',
    title: 'Read errors',
    paragraphs: [
      "Errors come in the answer's `errors` list, each with a `message` and a stable `extensions.code`, and for a field that failed, its `path`. A field that fails nulls its nearest nullable parent, so a failing `articles` leaves `data` null: ask for parts that may fail in a request of their own. A request that cannot run at all (a document that does not parse or fit the schema, a limit, a bad request) answers HTTP 400 with no `data`; 401, 403, 429 and 503 answer for the codes below. Mutations report invalid input as an `InvalidInputError` result listing every bad field, and write nothing.",
    ],
    table: {
      columns: ['code', 'when'],
      rows: [
        [
          'BAD_USER_INPUT',
          'an argument is out of range or malformed (page size, cursor, ID, date range)',
        ],
        ['NOT_FOUND', 'the record to change does not exist, or an unknown path'],
        [
          'QUERY_TOO_COMPLEX',
          'over a limit: cost, depth, fields, aliases, directives or tokens (the message names it; HTTP 400, nothing runs)',
        ],
        [
          'RATE_LIMITED',
          'a client without a valid token is over its rate (HTTP 429 with `Retry-After`); refused tokens count against the rate too',
        ],
        [
          'UNAUTHENTICATED',
          'a mutation without a token, or an unknown or revoked token (HTTP 401)',
        ],
        ['FORBIDDEN', 'the token lacks the scope the operation needs (HTTP 403)'],
        [
          'STORE_BUSY',
          "a write met another writer's lock (an import, say) and could not get it within 2 s; nothing was written: retry (HTTP 503 with `Retry-After`)",
        ],
        [
          'STORE_UNAVAILABLE',
          'the database cannot be reached or did not answer in time (PostgreSQL down or restarting); nothing was read or written: retry (HTTP 503 with `Retry-After`); `/healthz` answers 503 meanwhile',
        ],
        [
          'BAD_REQUEST',
          'the HTTP request itself is malformed: bad JSON, a GET parameter given twice, a GET without the CSRF preflight header, a persisted-query hash that does not match (HTTP 400)',
        ],
        ['GRAPHQL_PARSE_FAILED', 'the document does not parse (HTTP 400)'],
        [
          'GRAPHQL_VALIDATION_FAILED',
          'the document does not fit the schema: an unknown field, a missing argument (HTTP 400)',
        ],
        [
          'INTERNAL_SERVER_ERROR',
          'anything unexpected; logged with the request id, details never sent',
        ],
      ],
    },
    examples: [
      {
        id: 'bad-input',
        title: 'An argument out of range',
        text: 'HTTP 200: the request ran, and the field that failed says why in `errors`.',
        method: 'POST',
        document: `query TooMany {
  articles(first: 500) { totalCount }
}`,
        show: 'headers',
      },
      {
        id: 'validation-error',
        title: 'A field the schema does not have',
        text: 'HTTP 400 and no `data`: nothing ran.',
        method: 'POST',
        document: `query Misspelt {
  articles(first: 3) { nodes { titel } }
}`,
        show: 'headers',
      },
    ],
  },
  {
    id: 'limits',
    title: 'Limits',
    paragraphs: [
      "Before a document runs, its depth (nesting), breadth (fields) and cost (a list field costs its page size times what it selects) are counted through every fragment with the request's variables; over a limit it is refused with HTTP 400 and `QUERY_TOO_COMPLEX`, naming the limit, the value and the maximum. Aliases, directives and tokens in a document are bounded too.",
      'Send `"extensions": { "cost": true }` with a request (or `extensions={"cost":true}` on a GET) to get what it measured in the answer\'s `extensions.cost`: `complexity`, `depth` and `breadth`, with the `limits` they are held to. It is part of the request, not a header, so a cached GET answer always matches its URL.',
      "Each client without a token may make a burst of requests, refilled at a steady rate. Every answer that counts says where the client stands, in the IETF draft's header fields: `RateLimit-Limit` (the burst), `RateLimit-Remaining` (requests left now), `RateLimit-Reset` (seconds until the burst is whole again) and `RateLimit-Policy` (`<burst>;w=<seconds to refill it>`). Over the rate, the answer is HTTP 429 with `RATE_LIMITED` and `Retry-After` (seconds until the next request is allowed). Editors' requests with a token are not counted.",
    ],
    examples: [
      {
        id: 'cost',
        title: 'What a query costs',
        text: "The answer's `extensions.cost`.",
        method: 'POST',
        document: `query Costed {
  articles(first: 10) {
    nodes { title tags { name } }
  }
}`,
        extensions: { cost: true },
        show: 'body',
      },
      {
        id: 'too-costly',
        title: 'A query over the cost limit',
        text: '100 articles, each with 20 related articles and their 20: refused before it runs.',
        method: 'POST',
        document: `query TooCostly {
  articles(first: 100) {
    nodes { relatedArticles(first: 20) { relatedArticles(first: 20) { title } } }
  }
}`,
        show: 'headers',
      },
      {
        id: 'rate-limit',
        title: 'Where a client stands',
        text: 'The RateLimit header fields of an answer.',
        method: 'POST',
        document: '{ __typename }',
        show: 'headers',
      },
    ],
  },
  {
    id: 'caching',
    title: 'Cache with ETags',
    paragraphs: [
      'Reads may use GET with the query in the URL (`query`, `variables`, `operationName`, `extensions`, each given once) and the header `apollo-require-preflight: true`, which a browser cannot send cross-site without asking first (protection against cross-site request forgery). A GET answer carries an `ETag` derived from the request and the dataset version, and a `Cache-Control` that lets caches keep it briefly and then revalidate. Send the ETag back in `If-None-Match` to get `304 Not Modified` with no body and without running the query; every write to the archive (and midnight in Japan, as answers say what is still to come) changes it. Only a tag the server gave matches: `*` does not.',
    ],
    examples: [
      {
        id: 'etag',
        title: 'Ask again with the ETag',
        text: 'The first GET gives the ETag; the same GET with `If-None-Match` answers 304.',
        method: 'GET',
        document: '{ tags { slug name articleCount } }',
        show: 'revalidate',
      },
    ],
  },
];

/** Every example of the guide, in order. */
export const API_EXAMPLES: ApiExample[] = API_GUIDE.flatMap((section) => section.examples);
