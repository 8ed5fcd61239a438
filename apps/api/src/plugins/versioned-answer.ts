// Documents made from the whole dataset (feeds, calendars): an ETag on the dataset version, 304
// when the client already has this version's copy, and public caching for a few minutes.

import type { Store } from '@jin/store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagFor, matches } from '../response-cache.ts';
import { notFound } from './errors.ts';

export interface VersionedDocument {
  /** Names the document among the others of the same dataset version. */
  key: string;
  type: string;
  /** The document, or null when what it is about does not exist. */
  render: () => Promise<string | null>;
  /** The 404 message when `render` finds nothing. */
  missing?: string;
  /** Offered as a download under this file name. */
  filename?: string;
}

export async function sendVersioned(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  document: VersionedDocument,
): Promise<FastifyReply> {
  const etag = etagFor(await store.datasetVersion(), document.key);
  if (matches(request.headers['if-none-match'], etag)) {
    return reply.code(304).header('etag', etag).send();
  }
  const body = await document.render();
  if (body === null) return notFound(reply, document.missing);
  if (document.filename) {
    reply.header('content-disposition', `attachment; filename="${document.filename}"`);
  }
  return reply
    .type(document.type)
    .header('etag', etag)
    .header('cache-control', 'public, max-age=300')
    .send(body);
}
