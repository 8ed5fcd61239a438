// Preview images for shared links (Open Graph / Twitter cards): one per article, tag and outlet,
// and one for the site. Each is drawn once per dataset version and kept in a cache bounded in
// bytes; its ETag names the version, so a crawler's second visit costs a 304.

import { createHash } from 'node:crypto';
import { SERVER_PATHS } from '@jin/site';
import type { Store } from '@jin/store';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type CacheBudget, etagFor, matches, ResponseCache } from '../response-cache.ts';
import type { Card } from '../share-image/card.ts';
import { type CardKind, cardFor, SITE_CARD } from '../share-image/cards.ts';
import { CardRenderer } from '../share-image/render.ts';
import { QueueFullError, RenderQueue } from '../share-image/render-queue.ts';
import { notFound } from './errors.ts';
import type { Guard } from './guard.ts';

/** Changes when the cards' design does, so that clients' kept copies turn over with it. */
const DESIGN = '1';

/**
 * One image drawn at a time, in one worker thread: a drawing takes a core for tens to hundreds of
 * milliseconds, and the other core is left to pages and the API. A few more wait; past that the
 * answer is 503 with Retry-After.
 */
export const IMAGE_RENDERS = { concurrency: 1, waiting: 8 } as const;

const KINDS: readonly CardKind[] = ['articles', 'tags', 'outlets'];

export interface ShareImagesOptions {
  store: Store;
  guard: Guard;
  cache: CacheBudget;
  /** How many images are drawn at once and how many wait; IMAGE_RENDERS unless given. */
  renders?: { concurrency: number; waiting: number };
}

type ImageParams = { Params: { kind: string; file: string } };

export const shareImagesPlugin: FastifyPluginAsync<ShareImagesOptions> = async (
  app,
  { store, guard, cache: budget, renders = IMAGE_RENDERS },
) => {
  const cache = new ResponseCache(budget);
  const renderer = new CardRenderer();
  app.addHook('onClose', () => renderer.close());
  const queue = new RenderQueue(renders.concurrency, renders.waiting);
  // Requests for the same image while it is being drawn wait for that one drawing.
  const drawing = new Map<string, Promise<Buffer>>();

  const send = (reply: FastifyReply, etag: string, body: Buffer) =>
    reply
      .type('image/png')
      .header('etag', etag)
      .header('cache-control', 'public, max-age=300')
      .send(body);

  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    card: () => Promise<Card | null>,
  ) => {
    const version = await store.datasetVersion();
    const etag = etagFor(
      version,
      createHash('sha256').update(`${DESIGN}\0${key}`).digest('base64url').slice(0, 22),
    );
    if (matches(request.headers['if-none-match'], etag)) {
      return reply.code(304).header('etag', etag).send();
    }
    const kept = cache.get(version, key);
    if (kept) return send(reply, etag, kept.body);
    const found = await card();
    if (!found) return notFound(reply, `Nothing at ${request.url.split('?')[0]}.`);
    const drawingKey = `${version}\0${key}`;
    let png = drawing.get(drawingKey);
    if (!png) {
      png = queue.run(() => renderer.render(found));
      drawing.set(drawingKey, png);
      png.finally(() => drawing.delete(drawingKey)).catch(() => {});
    }
    let body: Buffer;
    try {
      body = await png;
    } catch (error) {
      if (!(error instanceof QueueFullError)) throw error;
      return reply
        .code(503)
        .header('retry-after', '1')
        .type('text/plain; charset=utf-8')
        .send(error.message);
    }
    cache.set(version, key, { etag, body });
    return send(reply, etag, body);
  };

  app.get(`${SERVER_PATHS.shareImages}/site.png`, { preHandler: guard }, (request, reply) =>
    answer(request, reply, 'site', async () => SITE_CARD),
  );
  app.get<ImageParams>(
    `${SERVER_PATHS.shareImages}/:kind/:file`,
    { preHandler: guard },
    async (request, reply) => {
      const { kind, file } = request.params;
      const slug = file.endsWith('.png') ? file.slice(0, -'.png'.length) : '';
      if (!KINDS.includes(kind as CardKind) || !slug) return notFound(reply);
      return answer(request, reply, `${kind}/${slug}`, () =>
        cardFor(store, kind as CardKind, slug),
      );
    },
  );
};
