// The GraphiQL explorer, bundled with the API so it works offline. Its script, styles and editor
// workers are served as separate same-origin files, so the page needs no inline script.

import { SERVER_PATHS } from '@jin/site';
import type { FastifyInstance } from 'fastify';

const EXPLORER_PATH = SERVER_PATHS.explorer;

const DEFAULT_QUERY = `# Japan Immigration News — public GraphQL API.
# Open the documentation panel to browse every type and field.

query LatestArticles {
  articles(first: 5) {
    totalCount
    edges {
      cursor
      node {
        releasedOn
        title
        media { name }
        tags { name }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const page = (favicon: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Japan Immigration News — GraphQL explorer</title>
    <link rel="icon" href="${favicon}" />
    <link rel="stylesheet" href="${EXPLORER_PATH}/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>The explorer needs JavaScript.</noscript>
    <div id="root"></div>
    <script src="${EXPLORER_PATH}/setup.js"></script>
    <script src="${EXPLORER_PATH}/graphiql.js"></script>
    <script src="${EXPLORER_PATH}/start.js"></script>
  </body>
</html>
`;

const setup = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    return '${EXPLORER_PATH}/workers/' + (label === 'editorWorkerService' ? 'editor' : label) + '.js';
  },
};
`;

const start = `YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${JSON.stringify({
  endpoint: SERVER_PATHS.graphql,
  title: 'Japan Immigration News',
  defaultQuery: DEFAULT_QUERY,
})});
`;

const JS = 'text/javascript; charset=utf-8';

/**
 * The explorer bundle is about 9 MB of script; it is loaded on the first request for the
 * explorer rather than at start, so a server nobody explores does not carry it in memory.
 */
let bundle: Promise<{ page: string; files: Record<string, [string, string]> }> | undefined;
function loadBundle() {
  bundle ??= import('@graphql-yoga/render-graphiql/graphiql').then((g) => ({
    page: page(g.favicon),
    files: {
      'graphiql.css': ['text/css; charset=utf-8', g.css],
      'setup.js': [JS, setup],
      'graphiql.js': [JS, g.js],
      'start.js': [JS, start],
      'workers/editor.js': [JS, g.editorWorkerService],
      'workers/json.js': [JS, g.jsonWorker],
      'workers/graphql.js': [JS, g.graphqlWorker],
    },
  }));
  return bundle;
}

const FILE_NAMES = [
  'graphiql.css',
  'setup.js',
  'graphiql.js',
  'start.js',
  'workers/editor.js',
  'workers/json.js',
  'workers/graphql.js',
];

/** The explorer's editor adds style elements at run time, so styles (never scripts) may be inline. */
export function registerExplorer(app: FastifyInstance, csp: string): void {
  const explorerCsp = csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
  app.get(EXPLORER_PATH, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('content-security-policy', explorerCsp)
      .send((await loadBundle()).page),
  );
  for (const name of FILE_NAMES) {
    app.get(`${EXPLORER_PATH}/${name}`, async (_request, reply) => {
      const [type, body] = (await loadBundle()).files[name] as [string, string];
      return reply.type(type).header('cache-control', 'public, max-age=3600').send(body);
    });
  }
}
