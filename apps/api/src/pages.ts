// The reader app's pages rendered on the server, so a visitor sees the page in the first
// response instead of after the app's code has loaded and fetched. The render comes from the
// app's server build (apps/web/dist-ssr/entry-server.cjs); its queries run here, in-process,
// against the schema.
// Rendered pages are kept per address for the current dataset version. Without the server build,
// or when a page's data cannot be loaded, the app shell is sent and the browser renders the page.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { compileFunction } from 'node:vm';
import type { Context, Execute } from '@jin/schema';
import type { BuildManifest, ServerEntry } from '@jin/site';
import type { Store } from '@jin/store';
import { answerVersion, type CacheBudget, etagFor, ResponseCache } from './response-cache.ts';

export type PageResponse =
  | { kind: 'page'; status: number; body: Buffer; etag: string }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'shell'; reason: string };

export interface PageRendererOptions {
  entryPath: string;
  template: string;
  /** The browser build's manifest, so pages can name their own modules for the browser. */
  manifest?: BuildManifest;
  store: Store;
  /** The site's public origin, for the pages' canonical and preview addresses. */
  publicUrl: string;
  context: () => Context;
  /** The server's executor, the one its GraphQL route uses. */
  execute: Execute;
  /** Bytes of rendered pages kept, and the largest page kept. */
  cache: CacheBudget;
}

export class PageRenderer {
  private readonly cache: ResponseCache;
  private readonly templateHash: string;
  private entry: Promise<ServerEntry> | null = null;

  private constructor(private readonly options: PageRendererOptions) {
    this.cache = new ResponseCache(options.cache);
    this.templateHash = createHash('sha256').update(options.template).digest('base64url');
  }

  /**
   * The renderer, or null when the app has no server build. The build itself is loaded by
   * `load()`, which the server calls once it is listening, so loading it does not delay the
   * start; a page asked for before then waits for it.
   */
  static create(options: PageRendererOptions): PageRenderer | null {
    return existsSync(options.entryPath) ? new PageRenderer(options) : null;
  }

  load(): Promise<ServerEntry> {
    this.entry ??= readFile(this.options.entryPath, 'utf8').then((source) => {
      // The server build is one CommonJS file whose only requires are Node's built-ins. It is
      // compiled here rather than imported, because the API's TypeScript loader would rewrite all
      // of it on import, at a cost in memory and start-up time (figures in bench history).
      const path = this.options.entryPath;
      const run = compileFunction(
        source,
        ['exports', 'require', 'module', '__filename', '__dirname'],
        { filename: path },
      );
      const module: { exports: Record<string, unknown> } = { exports: {} };
      run(module.exports, createRequire(path), module, path, dirname(path));
      const entry = module.exports as unknown as ServerEntry;
      if (typeof entry.renderPage !== 'function') {
        throw new Error(`${path} does not export renderPage`);
      }
      return entry;
    });
    return this.entry;
  }

  /**
   * For the current dataset version: the ETag the page at this address has, and the rendered page
   * if it is kept. One read of the version serves the whole request.
   */
  async lookup(url: string): Promise<{ version: string; etag: string; kept?: PageResponse }> {
    const version = await answerVersion(this.options.store);
    const hit = this.cache.get(version, url);
    if (hit) return { version, etag: hit.etag, kept: { kind: 'page', status: 200, ...hit } };
    const hash = createHash('sha256')
      .update(this.templateHash)
      .update('\0')
      .update(url)
      .digest('base64url')
      .slice(0, 22);
    return { version, etag: etagFor(version, hash) };
  }

  /** Renders the page at this address for the dataset version and ETag `lookup` gave. */
  async render(url: string, version: string, etag: string): Promise<PageResponse> {
    const context = this.options.context();
    const entry = await this.load();
    const result = await entry.renderPage({
      url,
      template: this.options.template,
      publicUrl: this.options.publicUrl,
      ...(this.options.manifest ? { manifest: this.options.manifest } : {}),
      execute: async ({ query, variables, operationName }) => {
        const executed = await this.options.execute({
          document: query,
          variableValues: variables,
          operationName,
          contextValue: context,
        });
        return {
          ...(executed.data !== undefined ? { data: executed.data } : {}),
          ...(executed.errors ? { errors: executed.errors.map((e) => e.toJSON()) } : {}),
        };
      },
    });
    if (result.kind !== 'page') return result;
    const body = Buffer.from(result.html);
    // Only complete pages are kept: a 404 for a mistyped address is cheap to render again and
    // would otherwise let anyone fill the cache.
    if (result.status === 200) this.cache.set(version, url, { etag, body });
    return { kind: 'page', status: result.status, body, etag };
  }
}
