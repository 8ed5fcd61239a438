// What every answer carries: its request id, helmet's security headers with the CSP, and CORS.

import type { IncomingMessage } from 'node:http';
import fastifyCors from '@fastify/cors';
import type { FastifyPluginAsync } from 'fastify';
import helmet from 'helmet';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Fastify's request-id options: a client's own id is kept only when it is short and plain. */
export const REQUEST_IDS = {
  requestIdHeader: false,
  genReqId: (request: IncomingMessage) => {
    const given = request.headers['x-request-id'];
    return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
  },
} as const;

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** The policy as a header value, for routes that send a variant of it. */
export const CSP_HEADER = Object.entries(CSP)
  .filter(([, value]) => value !== null)
  .map(
    ([key, value]) =>
      `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${(value as string[]).join(' ')}`,
  )
  .join(';');

export interface SecurityOptions {
  /** Origins allowed to call the API from a browser; none when empty. */
  corsOrigins: string[];
}

/** Helmet's security headers, configured once (not per request), for every answer. */
export const securityHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CSP },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  crossOriginEmbedderPolicy: false,
});

/** Header fields a browser script of an allowed origin may read. */
export const EXPOSED_HEADERS = ['etag', 'retry-after', 'x-request-id'];

/**
 * What @fastify/cors adds to an answer to a request without an Origin when origins are allowed
 * (the answer varies on Origin); nothing when none are. Checked against the plugin in tests.
 */
export function corsFieldsWithoutOrigin(corsOrigins: string[]): [string, string][] {
  if (corsOrigins.length === 0) return [];
  return [
    ['access-control-expose-headers', EXPOSED_HEADERS.join(', ')],
    ['vary', 'Origin'],
  ];
}

export const securityPlugin: FastifyPluginAsync<SecurityOptions> = async (app, { corsOrigins }) => {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
  await app.register(fastifyCors, {
    origin: corsOrigins.length > 0 ? corsOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'if-none-match'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
};
// Not encapsulated (as fastify-plugin would mark it): these hooks apply to every route.
Object.assign(securityPlugin, { [Symbol.for('skip-override')]: true });
