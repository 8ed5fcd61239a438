// The feed routes, for the whole archive and for each tag; the documents come from ../feeds.ts.

import { SERVER_PATHS } from '@jin/site';
import type { Store } from '@jin/store';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FEED_TYPES, renderFeed } from '../feeds.ts';
import { notFound } from './errors.ts';
import type { Guard } from './guard.ts';
import { sendVersioned } from './versioned-answer.ts';

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
    return sendVersioned(store, request, reply, {
      key: `${kind}-${slug ?? ''}`,
      type: FEED_TYPES[kind],
      render: () => renderFeed(store, publicUrl, { format: kind, tag: slug }),
      missing: `No tag "${slug}".`,
    });
  };
  app.get<FeedParams>(`${SERVER_PATHS.feeds}/:format`, { preHandler: guard }, feedRoute);
  app.get<FeedParams>(`${SERVER_PATHS.feeds}/tags/:slug/:format`, { preHandler: guard }, feedRoute);
};
