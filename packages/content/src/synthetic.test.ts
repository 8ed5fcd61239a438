import { openSqliteStore } from '@jin/store/sqlite';
import { describe, expect, it } from 'vitest';
import { loadSynthetic, SYNTHETIC_TAGS, syntheticArticles } from './synthetic.ts';

describe('synthetic archive', () => {
  it('is deterministic for a seed and different across seeds', () => {
    const a = [...syntheticArticles({ count: 50, seed: 1 })];
    const b = [...syntheticArticles({ count: 50, seed: 1 })];
    const c = [...syntheticArticles({ count: 50, seed: 2 })];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('skews tags, spreads dates over years and loads into a store at scale', async () => {
    const store = openSqliteStore();
    expect(await loadSynthetic(store, { count: 6000, seed: 3 })).toBe(6000);
    expect(await store.countArticles()).toBe(6000);
    const counts = (await store.listTags()).map((t) => t.articleCount);
    const first =
      (await store.getTagsBySlugs([SYNTHETIC_TAGS[0]?.slug as string]))[0]?.articleCount ?? 0;
    const last =
      (await store.getTagsBySlugs([SYNTHETIC_TAGS.at(-1)?.slug as string]))[0]?.articleCount ?? 0;
    expect(first).toBeGreaterThan(last * 5);
    expect(counts.every((n) => n > 0)).toBe(true);
    const years = new Set(
      (await store.pageArticles({ page: 1, pageSize: 100, order: 'oldest' })).hits
        .concat((await store.pageArticles({ page: 1, pageSize: 100 })).hits)
        .map((h) => h.article.releasedOn.slice(0, 4)),
    );
    expect(years.has('2012') && years.has('2025')).toBe(true);
    const media = await store.listMedia();
    expect(media.length).toBeGreaterThan(100);
    const late = await store.pageArticles({ page: 59, pageSize: 100 });
    expect(late.hits).toHaveLength(100);
    expect(late.pageCount).toBe(60);
    await store.close();
  });
});
