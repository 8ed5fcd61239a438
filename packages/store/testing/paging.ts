// Paging: keyset walks in both directions, numbered pages, and counts that survive writes.

import { expect, it } from 'vitest';
import { InvalidInputError } from '../src/errors.ts';
import type { Article, ArticleFilter, ArticleInput } from '../src/types.ts';
import { type ContractContext, expected, fixtureArticles, walk } from './fixture.ts';

// Shared by the walks and the count checks so both cover the same filter shapes.
const filters: [string, ArticleFilter][] = [
  ['no filter', {}],
  ['any of two tags', { tags: { anyOf: ['refugees', 'students'] } }],
  ['one tag', { tags: { anyOf: ['workers'] } }],
  ['all of two tags', { tags: { allOf: ['policy', 'workers'] } }],
  ['media', { media: ['the-mainichi', 'nhk-world'] }],
  ['date range', { releasedFrom: '2024-02-11', releasedTo: '2024-05-10' }],
  [
    'any of three tags from one outlet up to a date',
    {
      tags: { anyOf: ['refugees', 'students', 'policy'] },
      media: ['kyodo-news', 'nhk-world'],
      releasedTo: '2024-04-10',
    },
  ],
  ['all of three tags', { tags: { allOf: ['statistics', 'policy', 'workers'] } }],
  [
    'everything combined',
    {
      tags: { anyOf: ['policy', 'statistics'], allOf: ['workers'] },
      media: ['kyodo-news', 'the-mainichi'],
      releasedFrom: '2024-02-01',
    },
  ],
];

export function pagingTests(ctx: ContractContext): void {
  for (const [label, filter] of filters) {
    for (const order of ['newest', 'oldest'] as const) {
      it(`walks ${label}, ${order}, forward and backward at every page size`, async () => {
        const { store, all } = ctx;
        const want = expected(all, filter, order);
        expect(await store.countArticles(filter)).toBe(want.length);
        for (const size of [1, 2, 3, 7, 50]) {
          expect(await walk(store, filter, order, size, 'forward')).toEqual(want);
          expect(await walk(store, filter, order, size, 'backward')).toEqual(want);
        }
      });
    }
    it(`pages ${label} by page number, early and late pages alike`, async () => {
      const { store, all } = ctx;
      const want = expected(all, filter, 'newest');
      const pageSize = 4;
      const pageCount = Math.max(1, Math.ceil(want.length / pageSize));
      for (let page = 1; page <= pageCount + 1; page++) {
        const got = await store.pageArticles({ filter, page, pageSize });
        expect(got.totalCount).toBe(want.length);
        expect(got.pageCount).toBe(pageCount);
        expect(got.hits.map((h) => h.article.slug)).toEqual(
          want.slice((page - 1) * pageSize, page * pageSize),
        );
      }
    });
  }

  it('keeps the count and every numbered page right through writes, failures and dry runs', async () => {
    const { store } = ctx;
    const check = async () => {
      const ids = Array.from({ length: 400 }, (_, i) => i + 1);
      const now = (await store.getArticlesByIds(ids)).filter((a): a is Article => a !== null);
      expect(await store.countArticles()).toBe(now.length);
      for (const order of ['newest', 'oldest'] as const) {
        const want = expected(now, {}, order);
        const pageSize = 7;
        const pageCount = Math.max(1, Math.ceil(want.length / pageSize));
        for (let page = 1; page <= pageCount + 1; page++) {
          const got = await store.pageArticles({ order, page, pageSize });
          expect(got.totalCount).toBe(want.length);
          expect(got.pageCount).toBe(pageCount);
          expect(got.hits.map((h) => h.article.slug)).toEqual(
            want.slice((page - 1) * pageSize, page * pageSize),
          );
        }
      }
      return now.length;
    };
    const base = fixtureArticles()[0] as ArticleInput;
    expect(await check()).toBe(47);
    await store.upsertArticle({ ...base, slug: 'lone', releasedOn: '2025-11-03' });
    expect(await check()).toBe(48);
    // Enough rows that an engine may take a bulk path, over months old and new.
    const batch = (word: string) =>
      fixtureArticles(120).map((a, i) => ({
        ...a,
        slug: `${word}-${i}`,
        releasedOn: `20${20 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}`,
      }));
    const failing = batch('failing');
    (failing[119] as ArticleInput).tags = [];
    await expect(store.importArticles(failing)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.upsertArticle({ ...base, slug: 'bad', title: '' })).rejects.toThrow();
    expect((await store.importArticles(batch('dry'), { dryRun: true })).created).toBe(120);
    expect((await store.importArticles(batch('dry').slice(0, 3), { dryRun: true })).created).toBe(
      3,
    );
    expect(await check()).toBe(48);
    expect((await store.importArticles(batch('bulk'))).created).toBe(120);
    expect(await check()).toBe(168);

    // Dates move to a month of their own, within a month, and back into a busy one.
    const lone = (await store.getArticleBySlug('lone')) as Article;
    await store.upsertArticle({ ...base, slug: 'lone', releasedOn: '2031-07-15' });
    await store.upsertArticle({ ...base, slug: 'bulk-5', releasedOn: '2025-06-02' });
    const moved = fixtureArticles()[4] as ArticleInput;
    await store.upsertArticle({ ...moved, releasedOn: '2020-01-01' });
    expect(await check()).toBe(168);
    // Deleting the only article of a month, then others.
    expect(await store.deleteArticle(lone.id)).toBe(true);
    for (const slug of ['article-0', 'bulk-0', 'bulk-7']) {
      await store.deleteArticle(((await store.getArticleBySlug(slug)) as Article).id);
    }
    expect(await check()).toBe(164);
    await store.upsertArticle({ ...base, slug: 'lone-again', releasedOn: '2031-07-16' });
    expect(await check()).toBe(165);
  });

  it('reports previous and next pages exactly', async () => {
    const { store } = ctx;
    const first = await store.listArticles({ first: 5 });
    expect(first.hasPreviousPage).toBe(false);
    expect(first.hasNextPage).toBe(true);
    const second = await store.listArticles({ first: 5, after: first.hits.at(-1)?.key });
    expect(second.hasPreviousPage).toBe(true);
    const tail = await store.listArticles({ last: 5 });
    expect(tail.hasNextPage).toBe(false);
    expect(tail.hasPreviousPage).toBe(true);
    const none = await store.listArticles({ filter: { tags: { anyOf: ['unknown'] } }, first: 5 });
    expect(none.hits).toEqual([]);
  });

  it('pages on from a cursor whose article was deleted, in either direction', async () => {
    const { store } = ctx;
    for (const order of ['newest', 'relevance'] as const) {
      const filter = { query: 'rules' };
      const all = await walk(store, filter, order, 50, 'forward');
      const first = await store.listArticles({ filter, order, first: 5 });
      const gone = first.hits.at(-1) as (typeof first.hits)[number];
      const next = await store.listArticles({ filter, order, first: 5, after: gone.key });
      await store.deleteArticle(gone.article.id);
      const again = await store.listArticles({ filter, order, first: 5, after: gone.key });
      expect(again.hits.map((h) => h.article.slug)).toEqual(next.hits.map((h) => h.article.slug));
      expect(again.hasPreviousPage).toBe(true);
      expect(again.hasNextPage).toBe(true);
      const back = await store.listArticles({ filter, order, last: 3, before: gone.key });
      expect(back.hits.map((h) => h.article.slug)).toEqual(all.slice(1, 4));
      expect(back.hasNextPage).toBe(true);
      expect(back.hasPreviousPage).toBe(true);
      const end = await store.listArticles({
        filter,
        order,
        last: 5,
        before: first.hits[0]?.key,
      });
      expect(end.hits).toEqual([]);
      expect(end.hasNextPage).toBe(true);
      expect(end.hasPreviousPage).toBe(false);
      await store.upsertArticle({
        ...(fixtureArticles()[0] as ArticleInput),
        ...gone.article,
        tags: gone.article.tags.map((t) => t.slug),
        media: { name: gone.article.media.name },
      });
    }
  });

  it('keeps filtered counts right through writes', async () => {
    const { store } = ctx;
    const counted: ArticleFilter[] = filters.map(([, filter]) => filter);
    const check = async () => {
      const ids = Array.from({ length: 400 }, (_, i) => i + 1);
      const now = (await store.getArticlesByIds(ids)).filter((a): a is Article => a !== null);
      for (const filter of counted) {
        expect(await store.countArticles(filter)).toBe(expected(now, filter, 'newest').length);
      }
    };
    await check();
    const [first, second] = fixtureArticles();
    await store.upsertArticle({
      ...(first as ArticleInput),
      tags: ['statistics', 'policy', 'workers'],
      media: { name: 'NHK World' },
      releasedOn: '2024-03-01',
    });
    await check();
    const gone = await store.getArticleBySlug((second as ArticleInput).slug);
    await store.deleteArticle(gone?.id as number);
    await check();
  });
}
