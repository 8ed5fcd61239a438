// /sitemap.xml and /robots.txt, which points crawlers to it. The sitemap is made from the whole
// dataset, so it is sent like the feeds: an ETag on the dataset version, 304 on a match.

import { SERVER_PATHS } from '@jin/site';
import type { Store } from '@jin/store';
import type { FastifyPluginAsync } from 'fastify';
import { renderRobots, renderSitemap } from '../sitemap.ts';
import type { Guard } from './guard.ts';
import { sendVersioned } from './versioned-answer.ts';

export interface SitemapOptions {
  store: Store;
  publicUrl: string;
  guard: Guard;
}

export const sitemapPlugin: FastifyPluginAsync<SitemapOptions> = async (
  app,
  { store, publicUrl, guard },
) => {
  app.get(SERVER_PATHS.sitemap, { preHandler: guard }, (request, reply) =>
    sendVersioned(store, request, reply, {
      key: 'sitemap',
      type: 'application/xml; charset=utf-8',
      render: () => renderSitemap(store, publicUrl),
    }),
  );
  const robots = renderRobots(publicUrl, SERVER_PATHS.sitemap);
  app.get(SERVER_PATHS.robots, (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(robots),
  );
};
