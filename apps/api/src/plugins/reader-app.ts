// The built reader app: its static files, pages rendered on the server (the app shell when they
// cannot be), and the not-found answer for everything else.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { createContext, type Execute, type QueryLimits } from '@jin/schema';
import { API_PREFIXES, ASSETS_PATH, type BuildManifest } from '@jin/site';
import type { Store } from '@jin/store';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { PageRenderer } from '../pages.ts';
import { type RateLimiter, rateLimitHeaders } from '../rate-limit.ts';
import { matches } from '../response-cache.ts';
import { notFound } from './errors.ts';

/** The reader app's service worker, served at the site's root so that its scope is every page. */
const WORKER_FILE = 'sw.js';

/** Paths that are never pages of the reader app: the API's and the built assets'. */
const NOT_PAGES = [...API_PREFIXES, ASSETS_PATH];

export interface ReaderAppOptions {
  config: Config;
  store: Store;
  limits: QueryLimits;
  /** The API's rate limiter: rendering a page runs queries too. */
  limiter: RateLimiter;
  /** Runs the pages' queries: the executor the GraphQL route uses. */
  execute: Execute;
}

export const readerAppPlugin: FastifyPluginAsync<ReaderAppOptions> = async (
  app,
  { config, store, limits, limiter, execute },
) => {
  const indexPath = join(config.JIN_WEB_DIST, 'index.html');
  const workerPath = resolve(config.JIN_WEB_DIST, WORKER_FILE);
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  if (indexHtml !== null) {
    await app.register(fastifyStatic, {
      root: config.JIN_WEB_DIST,
      index: false,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        if (resolve(path) === workerPath) {
          // Checked on every visit, so a new version is found at once (and then waits for the
          // reader: see the app's register-worker.ts); its scope is the whole site.
          res.setHeader('cache-control', 'no-cache');
          res.setHeader('service-worker-allowed', '/');
          return;
        }
        res.setHeader(
          'cache-control',
          path.includes(`${join('/', 'assets', '/')}`)
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=3600',
        );
      },
    });
  }
  const pages =
    indexHtml === null
      ? null
      : PageRenderer.create({
          entryPath: config.JIN_WEB_SSR_ENTRY,
          template: indexHtml,
          manifest: readManifest(config.JIN_WEB_DIST),
          store,
          publicUrl: config.publicUrl,
          context: () => createContext(store, limits, null),
          execute,
          cache: {
            maxBytes: config.JIN_PAGE_CACHE_BYTES,
            maxEntryBytes: config.JIN_CACHE_MAX_ENTRY_BYTES,
          },
        });
  if (pages) {
    app.addHook('onListen', async () => {
      pages.load().catch((error: unknown) => {
        app.log.error({ err: error }, 'the server build failed to load; sending the app shell');
      });
    });
  }
  if (indexHtml !== null && pages === null) {
    app.log.warn(
      `no server build at ${config.JIN_WEB_SSR_ENTRY}: pages are rendered in the browser`,
    );
  }
  const sendShell = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);

  // Every GET that no other route takes is a page of the reader app. A route (rather than the
  // not-found handler) so that pages go through compression like every other answer.
  const readerPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (NOT_PAGES.some((p) => path === p || path.startsWith(`${p}/`))) return notFound(reply);
    if (indexHtml === null) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The reader app is not built yet: run `pnpm build`, then restart.');
    }
    if (pages === null) return sendShell(reply);
    const { version, etag, kept } = await pages.lookup(request.url);
    if (matches(request.headers['if-none-match'], etag)) {
      return reply.code(304).header('etag', etag).header('cache-control', 'no-cache').send();
    }
    let page = kept;
    if (!page) {
      // Rendering runs queries, so an anonymous client over its rate gets the shell instead.
      const quota = limiter.take(request.ip);
      // The shell answers 200 (the browser renders the page), so no Retry-After.
      if (quota) reply.headers(rateLimitHeaders({ ...quota, retryAfter: 0 }, limiter.policy));
      if (quota && quota.retryAfter > 0) return sendShell(reply);
      try {
        page = await pages.render(request.url, version, etag);
      } catch (error) {
        request.log.error({ err: error }, 'server render failed; sending the app shell');
        return sendShell(reply);
      }
    }
    if (page.kind === 'redirect') return reply.redirect(page.location, page.status);
    if (page.kind === 'shell') {
      request.log.warn({ reason: page.reason }, 'page not rendered on the server');
      return sendShell(reply);
    }
    if (page.status === 200) reply.header('etag', page.etag);
    return reply
      .code(page.status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(page.body);
  };
  app.get('/*', readerPage);
  // Without a prefix, this plugin's handler is the server's one not-found handler.
  app.setNotFoundHandler(async (_request, reply) => notFound(reply));
};

/** The reader app's build manifest, or undefined when the build has none. */
function readManifest(dist: string): BuildManifest | undefined {
  const path = join(dist, '.vite', 'manifest.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}
