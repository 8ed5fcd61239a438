// Renders a page on the server: the route's loaders run against the API in-process, the page is
// rendered to HTML with the data they fetched, and that data goes along in the page so the
// browser hydrates it without asking again.

import { ApolloClient, ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { unwrapQueryRef } from '@apollo/client/react/internal';
import type { BuildManifest, RenderedPage, RenderPageOptions, ServerEntry } from '@jin/site';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { from } from 'rxjs';
import { createCache } from './app/apollo-client.ts';
import { MODULES_ELEMENT_ID, STATE_ELEMENT_ID } from './app/page-data.ts';
import { createRoutes, type PageHandle } from './app/routes.tsx';
import { headTags, headTagsHtml, scriptJson } from './lib/head-tags.ts';
import { SITE_DESCRIPTION, SITE_NAME } from './lib/site.ts';
import { type PageMeta, PageMetaContext } from './lib/use-document-meta.ts';

/** JSON for a `<script type="application/json">` block: nothing in it can close the element. */
export const serializeState = scriptJson;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a page's own route needs beyond what index.html already loads. */
export interface PageAssets {
  /** Stylesheet links for the head: a rendered page is styled before any script runs. */
  head: string;
  /** Addresses of the route's modules, which the browser fetches once the page is painted. */
  modules: string[];
}

/** The page's own modules and styles, from the build manifest, less what index.html loads. */
export function pageAssets(
  manifest: BuildManifest,
  chunks: string[],
  template: string,
): PageAssets {
  const files = new Set<string>();
  const styles = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const chunk of chunks) visit(chunk);
  const missing = (file: string) => !template.includes(`"/${file}"`);
  return {
    head: [...styles]
      .filter(missing)
      .map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`)
      .join('\n    '),
    modules: [...files].filter(missing).map((f) => `/${f}`),
  };
}

/** Puts the rendered page, its head, its data and its module list into the built index.html. */
export function fillTemplate(
  template: string,
  meta: PageMeta,
  html: string,
  state: string,
  assets: PageAssets = { head: '', modules: [] },
) {
  const title = `<title>${escapeHtml(meta.title)}</title>`;
  const description = [
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    headTagsHtml(headTags(meta, meta.origin ?? '')),
  ].join('\n    ');
  const data = [
    `<script type="application/json" id="${STATE_ELEMENT_ID}">${state}</script>`,
    ...(assets.modules.length
      ? [
          `<script type="application/json" id="${MODULES_ELEMENT_ID}">${serializeState(assets.modules)}</script>`,
        ]
      : []),
  ];
  const root = `<div id="root">${html}</div>\n    ${data.join('\n    ')}`;
  const filled = template
    .replace(/<title>[^<]*<\/title>/, () => title)
    .replace(/<meta\s+name="description"[^>]*>/, () => description)
    .replace(/<div id="root"><\/div>/, () => root)
    .replace(/<\/head>/, () => (assets.head ? `  ${assets.head}\n  </head>` : '</head>'));
  if (!filled.includes(STATE_ELEMENT_ID)) throw new Error('index.html has no empty #root element');
  return filled;
}

/**
 * Disposes the queries the loaders preloaded. A preloaded query otherwise keeps itself, its
 * client and its cache alive for 30 s in case a component still wants it, which on a server
 * rendering many pages a second holds hundreds of megabytes.
 */
function releaseQueries(data: unknown, depth = 0): void {
  if (!data || typeof data !== 'object' || depth > 3) return;
  const query = unwrapQueryRef(data as Parameters<typeof unwrapQueryRef>[0]);
  if (query) {
    // Retaining clears the timer; letting go of the only hold disposes the query.
    query.retain()();
    return;
  }
  for (const value of Object.values(data)) releaseQueries(value, depth + 1);
}

export async function renderPage(options: RenderPageOptions): Promise<RenderedPage> {
  const link = new ApolloLink((operation) =>
    from(
      options.execute({
        query: operation.query,
        variables: operation.variables,
        operationName: operation.operationName,
      }),
    ),
  );
  const client = new ApolloClient({ link, cache: createCache(), ssrMode: true });
  const handler = createStaticHandler(createRoutes(client));
  const context = await handler.query(new Request(new URL(options.url, 'http://localhost')));
  if (context instanceof Response) {
    const location = context.headers.get('location');
    if (location && context.status >= 300 && context.status < 400) {
      return { kind: 'redirect', status: context.status, location };
    }
    return { kind: 'shell', reason: `a loader answered with status ${context.status}` };
  }
  if (context.errors) {
    const first = Object.values(context.errors)[0];
    return { kind: 'shell', reason: first instanceof Error ? first.message : String(first) };
  }

  const meta: PageMeta = {
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    status: 200,
    origin: options.publicUrl.replace(/\/+$/, ''),
  };
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <StrictMode>
      <PageMetaContext value={meta}>
        <ApolloProvider client={client}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </ApolloProvider>
      </PageMetaContext>
    </StrictMode>,
  );
  const state = serializeState(client.extract());
  releaseQueries(context.loaderData);
  client.stop();
  const chunks = context.matches
    .map((match) => (match.route.handle as PageHandle | undefined)?.chunk)
    .filter((chunk): chunk is string => !!chunk);
  const assets = options.manifest
    ? pageAssets(options.manifest, chunks, options.template)
    : undefined;
  return {
    kind: 'page',
    status: meta.status === 200 ? context.statusCode : meta.status,
    html: fillTemplate(options.template, meta, html, state, assets),
  };
}

// The API calls this build through the contract declared in @jin/site.
renderPage satisfies ServerEntry['renderPage'];
