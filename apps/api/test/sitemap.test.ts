// The sitemap and robots.txt as crawlers read them, through a strict XML parser.

import { loadArchive, seedStore } from '@jin/content';
import { seedStatistics } from '@jin/content/statistics';
import { SERVER_PATHS } from '@jin/site';
import type { Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { renderSitemaps } from '../src/sitemap.ts';

const PUBLIC_URL = 'https://news.example.org';
const archive = loadArchive();
let store: Store;
let app: FastifyInstance;
let listCalls = 0;

/** Counts the store's article list reads, to see how often the sitemap reads the archive. */
function counting(inner: Store): Store {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'listArticles') listCalls++;
        return value.apply(target, args);
      };
    },
  });
}

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
  await seedStatistics(store);
  const config = loadConfig({
    PORT: '0',
    JIN_WEB_DIST: '/nonexistent',
    JIN_PUBLIC_URL: PUBLIC_URL,
    LOG_LEVEL: 'silent',
  });
  app = await buildServer(config, counting(store), { logger: false });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

interface Entry {
  loc: string;
  lastmod?: string;
}

async function readSitemap(): Promise<{ entries: Entry[]; etag: string; type: string }> {
  const res = await app.inject({ method: 'GET', url: SERVER_PATHS.sitemap });
  expect(res.statusCode).toBe(200);
  expect(XMLValidator.validate(res.body)).toBe(true);
  const doc = new XMLParser({ isArray: (name) => name === 'url', parseTagValue: false }).parse(
    res.body,
  );
  return {
    entries: doc.urlset.url as Entry[],
    etag: String(res.headers.etag),
    type: String(res.headers['content-type']),
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

describe('sitemap', () => {
  it('lists every article, tag, outlet and series and the fixed pages, at the public address', async () => {
    const { entries, type } = await readSitemap();
    expect(type).toBe('application/xml; charset=utf-8');
    const locs = new Set(entries.map((e) => e.loc));
    expect(locs.size).toBe(entries.length);
    for (const article of archive.articles) {
      expect(locs.has(`${PUBLIC_URL}/articles/${article.slug}`), article.slug).toBe(true);
    }
    for (const tag of await store.listTags()) {
      expect(locs.has(`${PUBLIC_URL}/tags/${tag.item.slug}`), tag.item.slug).toBe(true);
    }
    for (const outlet of await store.listMedia()) {
      expect(locs.has(`${PUBLIC_URL}/media/${outlet.item.slug}`), outlet.item.slug).toBe(true);
    }
    const series = await store.listSeries();
    expect(series.length).toBeGreaterThan(5);
    for (const { slug } of series) {
      expect(locs.has(`${PUBLIC_URL}/numbers/${slug}`), slug).toBe(true);
    }
    const fixed = ['/', '/timeline', '/tags', '/media', '/numbers', '/developers'];
    for (const path of fixed) {
      expect(locs.has(`${PUBLIC_URL}${path}`), path).toBe(true);
    }
    const pages = archive.articles.length + (await store.listTags()).length + series.length;
    expect(entries.length).toBe(pages + (await store.listMedia()).length + fixed.length);
  });

  it('dates each page by its last change: an article when written, never before its release', async () => {
    const { entries } = await readSitemap();
    const byLoc = new Map(entries.map((e) => [e.loc, e.lastmod ?? '']));
    for (const article of archive.articles) {
      const lastmod = byLoc.get(`${PUBLIC_URL}/articles/${article.slug}`) ?? '';
      expect(lastmod, article.slug).toMatch(ISO);
      const stored = await store.getArticleBySlug(article.slug);
      const date = Date.parse(lastmod);
      expect(date).toBeGreaterThanOrEqual(Date.parse(`${article.releasedOn}T00:00:00Z`));
      expect(date).toBeGreaterThanOrEqual(Date.parse(stored?.updatedAt ?? ''));
    }
    // A tag's page changes with its newest-changed article.
    const tag = archive.tags.find((t) => archive.articles.some((a) => a.tags.includes(t.slug)));
    if (!tag) throw new Error('no tag has articles');
    const tagged = archive.articles.filter((a) => a.tags.includes(tag.slug));
    const newest = Math.max(
      ...tagged.map((a) => Date.parse(byLoc.get(`${PUBLIC_URL}/articles/${a.slug}`) ?? '')),
    );
    expect(Date.parse(byLoc.get(`${PUBLIC_URL}/tags/${tag.slug}`) ?? '')).toBe(newest);
  });

  it('moves an edited article’s date forward and changes the ETag; 304 until then', async () => {
    const first = await readSitemap();
    const again = await app.inject({
      method: 'GET',
      url: SERVER_PATHS.sitemap,
      headers: { 'if-none-match': first.etag },
    });
    expect(again.statusCode).toBe(304);

    const article = archive.articles[0];
    if (!article) throw new Error('the archive is empty');
    const loc = `${PUBLIC_URL}/articles/${article.slug}`;
    const before = first.entries.find((e) => e.loc === loc)?.lastmod ?? '';
    await new Promise((r) => setTimeout(r, 5));
    await store.upsertArticle({ ...article, title: `${article.title} (corrected)` });
    const after = await readSitemap();
    expect(after.etag).not.toBe(first.etag);
    const moved = after.entries.find((e) => e.loc === loc)?.lastmod ?? '';
    expect(Date.parse(moved)).toBeGreaterThan(Date.parse(before));
    await store.upsertArticle(article);
  });
});

describe('sitemap reads', () => {
  it('reads the archive once per dataset version, however many crawlers ask', async () => {
    await readSitemap();
    const before = listCalls;
    await readSitemap();
    await readSitemap();
    expect(listCalls).toBe(before);
  });

  it('has no parts while one file holds every page', async () => {
    for (const part of ['1', '0', 'x', '1e3']) {
      const res = await app.inject({ method: 'GET', url: `${SERVER_PATHS.sitemap}?part=${part}` });
      expect(res.statusCode, part).toBe(404);
    }
  });

  it('splits into an index of parts past the limit of one file, losing no page', async () => {
    const max = 50;
    const { main, parts } = await renderSitemaps(store, PUBLIC_URL, SERVER_PATHS.sitemap, max);
    const single = await renderSitemaps(store, PUBLIC_URL, SERVER_PATHS.sitemap);
    const parser = new XMLParser({
      isArray: (name) => name === 'url' || name === 'sitemap',
      parseTagValue: false,
    });
    const all = (parser.parse(single.main).urlset.url as Entry[]).map((e) => e.loc);
    expect(parts).toHaveLength(Math.ceil(all.length / max));
    const index = parser.parse(main).sitemapindex.sitemap as Entry[];
    expect(index.map((s) => s.loc)).toEqual(
      parts.map((_, i) => `${PUBLIC_URL}${SERVER_PATHS.sitemap}?part=${i + 1}`),
    );
    const listed: string[] = [];
    for (const [i, part] of parts.entries()) {
      expect(XMLValidator.validate(part)).toBe(true);
      const entries = parser.parse(part).urlset.url as Entry[];
      expect(entries.length).toBeLessThanOrEqual(max);
      listed.push(...entries.map((e) => e.loc));
      const newest = Math.max(...entries.map((e) => Date.parse(e.lastmod ?? '') || 0));
      expect(Date.parse(index[i]?.lastmod ?? '')).toBe(newest);
    }
    expect(listed).toEqual(all);
  });
});

describe('robots.txt', () => {
  it('allows crawling, keeps the API out and names the sitemap by its public address', async () => {
    const res = await app.inject({ method: 'GET', url: SERVER_PATHS.robots });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = res.body.split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain(`Disallow: ${SERVER_PATHS.graphql}`);
    expect(lines).toContain(`Sitemap: ${PUBLIC_URL}${SERVER_PATHS.sitemap}`);
    expect(lines.some((l) => l.startsWith('Disallow: /og'))).toBe(false);
  });
});
