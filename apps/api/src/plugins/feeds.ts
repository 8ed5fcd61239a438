// The feed routes, for the whole archive and for each tag; the documents come from ../feeds.ts.

import type { Store } from '@jin/store';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FEED_TYPES, renderFeed } from '../feeds.ts';
import { matches } from '../response-cache.ts';
import { notFound } from './errors.ts';
import type { Guard } from './guard.ts';

type FeedParams = { Params: { slug?: string; format: string } };

export interface FeedsOptions {
  store: Store;
  publicUrl: string;
  guard: Guard;
}

export const feedsPlugin: FastifyPluginAsync<FeedsOptions> = async (
  app,
  { store, publicUrl, guard },
) => {
  const feedRoute = async (request: FastifyRequest<FeedParams>, reply: FastifyReply) => {
    const { slug, format } = request.params;
    if (format !== 'atom.xml' && format !== 'rss.xml') return notFound(reply);
    const kind = format === 'atom.xml' ? 'atom' : 'rss';
    const etag = `"${await store.datasetVersion()}-${kind}-${slug ?? ''}"`;
    if (matches(request.headers['if-none-match'], etag))
      return reply.code(304).header('etag', etag).send();
    const xml = await renderFeed(store, publicUrl, { format: kind, tag: slug });
    if (xml === null) return notFound(reply, `No tag "${slug}".`);
    return reply
      .type(FEED_TYPES[kind])
      .header('etag', etag)
      .header('cache-control', 'public, max-age=300')
      .send(xml);
  };
  app.get<FeedParams>('/feeds/:format', { preHandler: guard }, feedRoute);
  app.get<FeedParams>('/feeds/tags/:slug/:format', { preHandler: guard }, feedRoute);
};
