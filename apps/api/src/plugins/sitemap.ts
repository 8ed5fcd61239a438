// /sitemap.xml (and its parts, for an archive past one file) and /robots.txt, which points
// crawlers to it. The sitemap reads the whole archive, so it is made once per dataset version
// and kept (one copy); it is sent like the feeds, with an ETag on the version and 304 on a match.

import { SERVER_PATHS } from '@jin/site';
import type { Store } from '@jin/store';
import type { FastifyPluginAsync } from 'fastify';
import { MAX_SITEMAP_URLS, renderRobots, renderSitemaps, type SitemapFiles } from '../sitemap.ts';
import type { Guard } from './guard.ts';
import { sendVersioned } from './versioned-answer.ts';

export interface SitemapOptions {
  store: Store;
  publicUrl: string;
  guard: Guard;
  /** Pages one file lists; the protocol's 50,000 unless given. */
  maxUrls?: number;
}

type SitemapQuery = { Querystring: { part?: string } };

export const sitemapPlugin: FastifyPluginAsync<SitemapOptions> = async (
  app,
  { store, publicUrl, guard, maxUrls = MAX_SITEMAP_URLS },
) => {
  let kept: { version: string; files: Promise<SitemapFiles> } | null = null;
  const files = async (): Promise<SitemapFiles> => {
    const version = await store.datasetVersion();
    if (kept?.version !== version) {
      const made = renderSitemaps(store, publicUrl, SERVER_PATHS.sitemap, maxUrls);
      kept = { version, files: made };
      // A failed attempt is not kept: the next request tries again.
      made.catch(() => {
        if (kept?.files === made) kept = null;
      });
    }
    return kept.files;
  };

  app.get<SitemapQuery>(SERVER_PATHS.sitemap, { preHandler: guard }, (request, reply) => {
    const part = request.query.part;
    const number = part === undefined ? 0 : /^[1-9]\d{0,5}$/.test(part) ? Number(part) : -1;
    return sendVersioned(store, request, reply, {
      key: `sitemap-${number}`,
      type: 'application/xml; charset=utf-8',
      render: async () => {
        const { main, parts } = await files();
        return number === 0 ? main : (parts[number - 1] ?? null);
      },
      missing: `The sitemap has no part ${part}.`,
    });
  });
  const robots = renderRobots(publicUrl, SERVER_PATHS.sitemap);
  app.get(SERVER_PATHS.robots, (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(robots),
  );
};
