// Who is asking, and whether an anonymous client is over its rate: run before the GraphQL and
// feed routes do any work.

import type { ApiToken, TokenStore } from '@jin/store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../auth.ts';
import { type RateLimiter, rateLimitHeaders } from '../rate-limit.ts';
import { tooMany } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The editor's token, set by the guard; null for anonymous requests. */
    viewer: ApiToken | null;
  }
}

/** Used when the server is given no token store: every token is refused. */
export const NO_TOKENS: TokenStore = {
  createToken: async () => {
    throw new Error('tokens are not available');
  },
  findActiveToken: async () => null,
  listTokens: async () => [],
  revokeToken: async () => false,
};

export type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * A preHandler that sets `request.viewer`, or answers 429 or 401 itself. Every answer that counts
 * against the client's rate says what is left of it (the RateLimit header fields).
 */
export function createGuard(tokens: TokenStore, limiter: RateLimiter): Guard {
  return async (request, reply) => {
    const auth = await authenticate(request.headers.authorization, tokens);
    if (auth.kind === 'token') {
      request.viewer = auth.token;
      return;
    }
    // Anonymous requests and refused tokens alike count against the client's rate, so
    // guessing tokens costs what any other request costs.
    const quota = limiter.take(request.ip);
    if (quota) {
      reply.headers(rateLimitHeaders(quota, limiter.policy));
      if (quota.retryAfter > 0) return tooMany(reply, quota.retryAfter);
    }
    if (auth.kind === 'invalid') {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ errors: [{ message: auth.reason, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  };
}
