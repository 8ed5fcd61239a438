// Documents known by id: the reader app's build lists them (TRUSTED_DOCUMENTS_FILE); the server
// answers a GET that names one by id, without its text, parsed and validated once at start.

import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArchive, seedStore } from '@jin/content';
import { schema } from '@jin/schema';
import { TRUSTED_DOCUMENTS_FILE } from '@jin/site';
import { openSqliteStore } from '@jin/store/sqlite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.ts';
import { documentStore, loadKnownDocuments } from '../src/trusted-documents.ts';
import { listenOnLoopback, shellOnlyConfig, webDistFixture } from './processes.ts';

const FEED = 'query Feed($first: Int) { articles(first: $first) { nodes { slug } } }';
const TAGS = 'query Tags { tags { slug } }';
const BROKEN = 'query Broken { articles { noSuchField } }';
const idOf = (text: string) => createHash('sha256').update(text).digest('hex');

const dist = webDistFixture();
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  writeFileSync(
    join(dist, TRUSTED_DOCUMENTS_FILE),
    JSON.stringify(
      Object.fromEntries([FEED, TAGS, BROKEN].map((text) => [`sha256:${idOf(text)}`, text])),
    ),
  );
  const store = openSqliteStore();
  await seedStore(store, loadArchive());
  const config = shellOnlyConfig(dist);
  app = await buildServer(config, store, { logger: false });
  url = await listenOnLoopback(app);
});

afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

/** A GET naming a document by id only, as the reader app sends it. */
function byId(id: string, variables: object = {}, headers: Record<string, string> = {}) {
  const params = new URLSearchParams({
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }),
  });
  return fetch(`${url}/graphql?${params}`, {
    headers: { 'apollo-require-preflight': 'true', ...headers },
  });
}

describe('documents known by id', () => {
  it('answers a known id over GET without the document, with an ETag and 304 after', async () => {
    const response = await byId(idOf(FEED), { first: 2 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.articles.nodes).toHaveLength(2);
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(response.headers.get('cache-control')).toMatch(/public/);
    const again = await byId(idOf(FEED), { first: 2 }, { 'if-none-match': etag as string });
    expect(again.status).toBe(304);
    // Other variables: another answer, another tag.
    const three = await byId(idOf(FEED), { first: 3 });
    expect(((await three.json()) as any).data.articles.nodes).toHaveLength(3);
    expect(three.headers.get('etag')).not.toBe(etag);
  });

  it('answers an unknown id with a clear error, and caches nothing', async () => {
    const response = await byId('f'.repeat(64));
    const body = (await response.json()) as any;
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/No document is known by this id.*send the document/),
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      },
    ]);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('still runs any other document sent as text, under the same limits', async () => {
    const other = '{ mediaOutlets { slug } }';
    const ok = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: other }),
    });
    expect(((await ok.json()) as any).data.mediaOutlets.length).toBeGreaterThan(0);
    const deep = `{ articles(first: 1) { nodes { ${'relatedArticles { '.repeat(20)}slug${' }'.repeat(20)} } } }`;
    const refused = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: deep }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('does not know a listed document that fails validation', async () => {
    const body = (await (await byId(idOf(BROKEN))).json()) as any;
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('the known documents at start', () => {
  it('are parsed and validated once, and handed out as the same document every time', async () => {
    const known = loadKnownDocuments(dist, schema, { rules: [], maxTokens: 1000 });
    expect([...known.texts.keys()].sort()).toEqual([idOf(FEED), idOf(TAGS)].sort());
    expect(known.refused).toEqual([
      { id: idOf(BROKEN), reason: expect.stringMatching(/noSuchField/) },
    ]);
    const store = documentStore(known);
    // Apollo asks with its own prefix before the hash of the text.
    const first = await store.get(`schema-hash:${idOf(TAGS)}`);
    expect(first).toBe(known.documents.get(idOf(TAGS)));
    expect(await store.get(`other-prefix:${idOf(TAGS)}`)).toBe(first);
    expect(await store.get(`schema-hash:${idOf('{ tags { name } }')}`)).toBeUndefined();
  });
});
