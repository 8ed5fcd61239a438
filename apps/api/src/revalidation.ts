// The commonest request a busy API gets is a client asking whether a GET answer it holds is still
// current. When it is (the answer is kept for the dataset version and the client names its ETag),
// the 304 is written on the HTTP server's request event, before the framework builds a request,
// runs its hooks and routes: the same status and header fields the GraphQL route would send
// (security headers, CORS, rate-limit fields, ETag, Cache-Control, request id), from the same
// functions. Every other request, and any doubt, goes to the framework unchanged.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import { SERVER_PATHS } from '@jin/site';
import type { FastifyServerFactory } from 'fastify';
import { type RateLimiter, rateLimitHeaders } from './rate-limit.ts';

/** What the GraphQL route knows of its kept answers, handed over once it has them. */
export interface KeptAnswers {
  /**
   * The ETag of the answer kept for this query string (`?…`) and the current dataset version,
   * if one is kept and the request is one the route would answer from it; else undefined.
   */
  etagFor(search: string, headers: IncomingMessage['headers']): Promise<string | undefined>;
  cacheControl: string;
}

export interface RevalidationOptions {
  limiter: RateLimiter;
  /** Sets the security headers every answer carries (the security plugin's). */
  securityHeaders: (req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) => void;
  genReqId: (req: IncomingMessage) => string;
  trustProxy: boolean;
  /** The CORS fields of an answer to a request without an Origin (the security plugin's). */
  corsFields: [string, string][];
  /** Logs the request when request logging is on. */
  log?: (req: IncomingMessage, id: string, startedAt: number) => void;
}

const PREFIX = `${SERVER_PATHS.graphql}?`;
const TRUST_ALL = () => true;

export class Revalidation {
  private kept: KeptAnswers | null = null;
  private closing = false;
  /** Requests answered here, for tests. */
  answered = 0;

  constructor(private readonly options: RevalidationOptions) {}

  /** Called by the GraphQL route once its response cache exists. */
  attach(kept: KeptAnswers): void {
    this.kept = kept;
  }

  /** From the moment the server starts closing, every request goes the framework's way. */
  close(): void {
    this.closing = true;
  }

  /** Fastify's `serverFactory`: a node:http server whose requests pass through `handle`. */
  readonly serverFactory: FastifyServerFactory = (handler, opts) => {
    const server: Server = createServer((opts as { http?: object }).http ?? {}, (req, res) =>
      this.handle(req, res, handler),
    );
    // What Fastify sets on a server it creates itself.
    const o = opts as {
      keepAliveTimeout?: number;
      requestTimeout?: number;
      connectionTimeout?: number;
      maxRequestsPerSocket?: number;
    };
    if (o.keepAliveTimeout !== undefined) server.keepAliveTimeout = o.keepAliveTimeout;
    if (o.requestTimeout !== undefined) server.requestTimeout = o.requestTimeout;
    server.setTimeout(o.connectionTimeout ?? 0);
    if (o.maxRequestsPerSocket && o.maxRequestsPerSocket > 0) {
      server.maxRequestsPerSocket = o.maxRequestsPerSocket;
    }
    return server;
  };

  private handle(
    req: IncomingMessage,
    res: ServerResponse,
    next: (req: IncomingMessage, res: ServerResponse) => void,
  ): void {
    const { headers } = req;
    if (
      this.kept === null ||
      this.closing ||
      req.method !== 'GET' ||
      headers['if-none-match'] === undefined ||
      // Editors' requests are never answered from the cache; a refused token answers 401.
      headers.authorization !== undefined ||
      // A cross-origin request's CORS answer is the framework's to give.
      headers.origin !== undefined ||
      !req.url?.startsWith(PREFIX)
    ) {
      next(req, res);
      return;
    }
    this.tryNotModified(req, res).then(
      (done) => {
        if (!done) next(req, res);
      },
      () => next(req, res),
    );
  }

  private async tryNotModified(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const startedAt = performance.now();
    const kept = this.kept as KeptAnswers;
    const url = req.url as string;
    const etag = await kept.etagFor(url.slice(PREFIX.length - 1), req.headers);
    if (etag === undefined || this.closing) return false;
    await new Promise<void>((resolve, reject) =>
      this.options.securityHeaders(req, res, (error) => (error ? reject(error) : resolve())),
    );
    const { limiter, trustProxy } = this.options;
    // The client's address as the framework gives it (`request.ip`).
    const ip = trustProxy
      ? (proxyAddr.all(req, TRUST_ALL).at(-1) as string)
      : (req.socket.remoteAddress as string);
    const quota = limiter.take(ip);
    // A refused request is the route's to answer (429 with Retry-After); a refused take keeps no
    // token, so the route's own take is refused the same.
    if (quota && quota.retryAfter > 0) return false;
    const id = this.options.genReqId(req);
    for (const [name, value] of this.options.corsFields) res.setHeader(name, value);
    if (quota) {
      for (const [name, value] of Object.entries(rateLimitHeaders(quota, limiter.policy))) {
        res.setHeader(name, value);
      }
    }
    res.setHeader('etag', etag);
    res.setHeader('cache-control', kept.cacheControl);
    res.setHeader('x-request-id', id);
    res.writeHead(304);
    res.end();
    this.answered++;
    this.options.log?.(req, id, startedAt);
    return true;
  }
}
