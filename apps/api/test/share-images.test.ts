// Preview images as crawlers fetch them: decoded with a real PNG decoder, checked for size,
// caching headers, unknown addresses, the longest headline of the archive, and a flood.

import { loadArchive, seedStore } from '@jin/content';
import { SHARE_IMAGE_SIZE, shareImagePaths } from '@jin/site';
import type { Store } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import type { FastifyInstance } from 'fastify';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { IMAGE_RENDERS } from '../src/plugins/share-images.ts';
import { buildServer } from '../src/server.ts';

const archive = loadArchive();
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
  // An outlet whose name is written in Japanese.
  await store.upsertArticle({
    slug: 'japanese-outlet-article',
    title: '外国人労働者の受け入れ拡大へ 新制度「育成就労」',
    releasedOn: '2026-04-01',
    media: { name: '朝日新聞', slug: 'asahi-shimbun-ja' },
    summary: 'A report in Japanese.',
    tags: [archive.tags[0]?.slug ?? ''],
  });
  const config = loadConfig({
    PORT: '0',
    JIN_WEB_DIST: '/nonexistent',
    LOG_LEVEL: 'silent',
    JIN_RATE_LIMIT_BURST: '1000',
  });
  app = await buildServer(config, store, { logger: false });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

function decode(body: Buffer): PNG {
  return PNG.sync.read(body);
}

/** The colour of one pixel as `#rrggbb`. */
function pixel(png: PNG, x: number, y: number): string {
  const i = (png.width * y + x) * 4;
  return `#${[0, 1, 2].map((c) => (png.data[i + c] ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

const BACKGROUND = '#fbfaf7';
const BRAND = '#a8112a';

describe('preview images', () => {
  it('draws an article as a 1200×630 PNG with an ETag, and answers 304 for that ETag', async () => {
    const article = archive.articles[0];
    if (!article) throw new Error('the archive is empty');
    const res = await get(shareImagePaths.article(article.slug));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const png = decode(res.rawPayload);
    expect([png.width, png.height]).toEqual([SHARE_IMAGE_SIZE.width, SHARE_IMAGE_SIZE.height]);
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^".+"$/);

    const again = await get(shareImagePaths.article(article.slug), { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.byteLength).toBe(0);
    // A kept image is the same bytes under the same ETag.
    const kept = await get(shareImagePaths.article(article.slug));
    expect(kept.headers.etag).toBe(etag);
    expect(kept.rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it('gives each article its own ETag, and a new one once the dataset changes', async () => {
    const [a, b] = archive.articles;
    if (!a || !b) throw new Error('the archive is too small');
    const first = await get(shareImagePaths.article(a.slug));
    const other = await get(shareImagePaths.article(b.slug));
    expect(other.headers.etag).not.toBe(first.headers.etag);
    expect(other.rawPayload.equals(first.rawPayload)).toBe(false);

    await store.upsertArticle({ ...a, title: `${a.title} (updated)` });
    const after = await get(shareImagePaths.article(a.slug), {
      'if-none-match': String(first.headers.etag),
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(after.rawPayload.equals(first.rawPayload)).toBe(false);
    await store.upsertArticle(a);
  });

  it('draws tags, outlets and the site at 1200×630', async () => {
    const tag = archive.tags[0];
    const outlet = archive.media[0];
    if (!tag || !outlet) throw new Error('the archive has no tags or outlets');
    for (const path of [
      shareImagePaths.tag(tag.slug),
      shareImagePaths.outlet(outlet.slug),
      shareImagePaths.outlet('asahi-shimbun-ja'),
      shareImagePaths.site,
    ]) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      const png = decode(res.rawPayload);
      expect([png.width, png.height], path).toEqual([1200, 630]);
    }
  });

  it('answers 404 for unknown slugs and kinds', async () => {
    for (const path of [
      shareImagePaths.article('no-such-article'),
      shareImagePaths.tag('no-such-tag'),
      shareImagePaths.outlet('no-such-outlet'),
      '/og/people/someone.png',
      `/og/articles/${archive.articles[0]?.slug}.jpg`,
      '/og/articles/.png',
    ]) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(404);
    }
  });

  it('keeps the longest headline of the archive inside the card, above its footer', async () => {
    const longest = [...archive.articles].sort((a, b) => b.title.length - a.title.length)[0];
    if (!longest) throw new Error('the archive is empty');
    expect(longest.title.length).toBeGreaterThan(150);
    const png = decode((await get(shareImagePaths.article(longest.slug))).rawPayload);
    // The right margin (64 px) is bare paper from below the red rule to the bottom.
    for (let y = 20; y < png.height; y += 3) {
      for (let x = png.width - 60; x < png.width; x += 2) {
        expect(pixel(png, x, y), `pixel ${x},${y}`).toBe(BACKGROUND);
      }
    }
    // The footer is still there: the site's name in the brand colour, bottom right.
    let brand = 0;
    for (let y = 540; y < 610; y++) {
      for (let x = 700; x < 1140; x++) if (pixel(png, x, y) === BRAND) brand++;
    }
    expect(brand).toBeGreaterThan(500);
    // And the headline's text does not run into the footer's rule.
    let inked = 0;
    for (let x = 64; x < 1136; x++) if (pixel(png, x, 500) !== BACKGROUND) inked++;
    expect(inked).toBe(0);
  });

  it('turns a flood of distinct images away with 503 rather than queueing without bound', async () => {
    const slugs = archive.articles.slice(10, 50).map((a) => a.slug);
    let settled = 0;
    const flood = Promise.all(
      slugs.map((slug) =>
        get(shareImagePaths.article(slug)).then((res) => {
          settled++;
          return res;
        }),
      ),
    );
    // Images are drawn off the event loop: the site answers while the queue is still drawing.
    const health = await get('/healthz');
    expect(health.statusCode).toBe(200);
    const drawnBefore = settled;
    const answers = await flood;
    expect(drawnBefore).toBeLessThan(slugs.length);
    const drawn = answers.filter((r) => r.statusCode === 200);
    const refused = answers.filter((r) => r.statusCode === 503);
    expect(drawn.length + refused.length).toBe(slugs.length);
    expect(drawn.length).toBeGreaterThanOrEqual(IMAGE_RENDERS.concurrency + IMAGE_RENDERS.waiting);
    expect(refused.length).toBeGreaterThan(0);
    for (const res of refused) expect(res.headers['retry-after']).toBe('1');
    // A refused image can be had later.
    const again = slugs[answers.findIndex((r) => r.statusCode === 503)] ?? '';
    const later = await get(shareImagePaths.article(again));
    expect(later.statusCode).toBe(200);
  });
});
