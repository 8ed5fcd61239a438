import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ArticleToSave } from './saved-article.ts';
import { openSavedStore } from './saved-store.ts';

let databases = 0;
/** A database of its own for each test. */
const fresh = () => `jin-saved-test-${++databases}`;

function article(n: number): ArticleToSave {
  return {
    id: `QXJ0aWNsZTo${n}`,
    slug: `article-${n}`,
    title: `Headline ${n}`,
    media: { slug: 'nhk', name: 'NHK' },
    releasedOn: `2026-11-${String(n).padStart(2, '0')}`,
    dateApproximate: false,
    summary: `Summary ${n}`,
    tags: [{ slug: 'visas', name: 'Visas' }],
  };
}

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));

describe('saved articles store', () => {
  it('lists saved articles newest saved first, whatever their release dates', async () => {
    const store = openSavedStore(fresh());
    await store.save(article(3), at(1));
    await store.save(article(1), at(3));
    await store.save(article(2), at(2));
    const listed = await store.list();
    expect(listed.map((a) => a.slug)).toEqual(['article-1', 'article-2', 'article-3']);
    expect(listed[0]).toEqual({ ...article(1), savedAt: '2026-12-07T09:03:00.000Z' });
  });

  it('keeps them across openings of the database (a reload)', async () => {
    const name = fresh();
    await openSavedStore(name).save(article(1), at(1));
    await openSavedStore(name).save(article(2), at(2));
    const reopened = openSavedStore(name);
    expect((await reopened.list()).map((a) => a.id)).toEqual([article(2).id, article(1).id]);
    expect(await reopened.has(article(1).id)).toBe(true);
    expect(await reopened.has('QXJ0aWNsZTo5OQ')).toBe(false);
  });

  it('saving again replaces the kept copy and moves it to the top', async () => {
    const store = openSavedStore(fresh());
    await store.save(article(1), at(1));
    await store.save(article(2), at(2));
    await store.save({ ...article(1), title: 'Corrected headline' }, at(5));
    const listed = await store.list();
    expect(listed).toHaveLength(2);
    expect(listed[0]?.title).toBe('Corrected headline');
    expect(listed[0]?.savedAt).toBe('2026-12-07T09:05:00.000Z');
  });

  it('removes one article, and clears them all', async () => {
    const store = openSavedStore(fresh());
    for (const n of [1, 2, 3]) await store.save(article(n), at(n));
    await store.remove(article(2).id);
    expect((await store.list()).map((a) => a.slug)).toEqual(['article-3', 'article-1']);
    expect(await store.has(article(2).id)).toBe(false);
    await store.clear();
    expect(await store.list()).toEqual([]);
  });

  it('keeps only the fields of a saved article, not the rest of a GraphQL object', async () => {
    const store = openSavedStore(fresh());
    const fromApi = {
      ...article(1),
      __typename: 'Article',
      readingTimeMinutes: 4,
      media: { ...article(1).media, __typename: 'Media', id: 'TWVkaWE6MQ' },
      tags: [{ slug: 'visas', name: 'Visas', id: 'VGFnOjE', __typename: 'Tag' }],
    };
    const saved = await store.save(fromApi, at(1));
    expect(saved).toEqual({ ...article(1), savedAt: '2026-12-07T09:01:00.000Z' });
    expect(await store.list()).toEqual([saved]);
  });

  it('refuses an article without its id, slug or headline', async () => {
    const store = openSavedStore(fresh());
    await expect(store.save({ ...article(1), slug: '' })).rejects.toThrow(/slug/);
    expect(await store.list()).toEqual([]);
  });
});
