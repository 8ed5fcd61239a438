// Pages rendered on the server: the reader app's server build (a stand-in here, see
// fixtures/server-entry.cjs) renders with queries run in-process; the server keeps rendered pages
// per dataset version, answers 304 to a matching ETag, and falls back to the app shell.

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchive, seedStore } from '@jin/content';
import type { Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { listenOnLoopback, webDistFixture } from './processes.ts';

const dist = webDistFixture();
const ENTRY = fileURLToPath(new URL('./fixtures/server-entry.cjs', import.meta.url));
const SHELL = '<!doctype html><title>reader app</title><div id="root"></div>';

let store: Store;
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, loadArchive());
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    JIN_WEB_DIST: dist,
    JIN_WEB_SSR_ENTRY: ENTRY,
    JIN_RATE_LIMIT_RPS: '0.001',
    JIN_RATE_LIMIT_BURST: '12',
    LOG_LEVEL: 'silent',
  });
  app = await buildServer(config, store, { logger: false });
  url = await listenOnLoopback(app);
});

afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

const renderOf = (body: string) => Number(/\(render (\d+)\)/.exec(body)?.[1] ?? Number.NaN);

describe('server-rendered pages', () => {
  it('renders with live data, keeps the page, and answers 304 until the data changes', async () => {
    const tags = (await store.listTags()).length;
    const first = await fetch(`${url}/tags`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('content-encoding')).toMatch(/^(br|gzip)$/);
    const body = await first.text();
    expect(body).toContain(`<p>${tags} tags at /tags (render `);
    expect(body).toContain('<title>reader app</title>');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);

    // Kept: the same page again is not rendered again.
    const again = await fetch(`${url}/tags`);
    expect(await again.text()).toBe(body);
    expect(again.headers.get('etag')).toBe(etag);
    const notModified = await fetch(`${url}/tags`, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');

    // Another address is another page with another ETag.
    const other = await fetch(`${url}/tags?page=2`);
    expect(await other.text()).toContain('tags at /tags?page=2');
    expect(other.headers.get('etag')).not.toBe(etag);

    // A write changes the dataset version: the ETag no longer matches and the page is rendered anew.
    await store.upsertTag({ slug: 'new-tag', name: 'New Tag', description: 'A tag made here.' });
    const changed = await fetch(`${url}/tags`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    const changedBody = await changed.text();
    expect(changedBody).toContain(`<p>${tags + 1} tags at /tags`);
    expect(renderOf(changedBody)).toBeGreaterThan(renderOf(body));
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('sends a not-found page with 404 and without an ETag, and does not keep it', async () => {
    const first = await fetch(`${url}/missing`);
    expect(first.status).toBe(404);
    expect(first.headers.get('etag')).toBeNull();
    const second = await fetch(`${url}/missing`);
    expect(renderOf(await second.text())).toBeGreaterThan(renderOf(await first.text()));
  });

  it('follows a redirect the app asks for', async () => {
    const response = await fetch(`${url}/old`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/new');
  });

  it('sends the app shell when the page cannot be rendered, and keeps serving', async () => {
    for (const path of ['/down', '/boom']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(SHELL);
      expect(response.headers.get('etag'), path).toBeNull();
    }
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('sends the shell instead of rendering for a client over its rate, but still kept pages', async () => {
    const bodies: string[] = [];
    for (let i = 0; i < 15; i++) bodies.push(await (await fetch(`${url}/page-${i}`)).text());
    expect(bodies.at(-1)).toBe(SHELL);
    expect(bodies.filter((b) => b === SHELL).length).toBeGreaterThan(0);
    // A page kept earlier is still sent rendered.
    expect(await (await fetch(`${url}/tags`)).text()).toContain('tags at /tags');
    // Other methods never reach the pages.
    expect((await fetch(`${url}/tags`, { method: 'POST' })).status).toBe(404);
  });

  it('sends the app shell when the server build cannot be used', async () => {
    const broken = join(dist, 'broken-entry.cjs');
    writeFileSync(broken, 'module.exports = { somethingElse: 1 };\n');
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      JIN_WEB_DIST: dist,
      JIN_WEB_SSR_ENTRY: broken,
      LOG_LEVEL: 'silent',
    });
    const other = await buildServer(config, store, { logger: false });
    try {
      const otherUrl = await listenOnLoopback(other);
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${otherUrl}/tags`);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe(SHELL);
      }
    } finally {
      await other.close();
    }
  });
});
