// Reads: single articles, bad arguments, tag and outlet counts, related articles.

import { expect, it } from 'vitest';
import { InvalidQueryError } from '../src/errors.ts';
import {
  MAX_FILTER_MEDIA,
  MAX_FILTER_TAGS,
  MAX_QUERY_CHARS,
  MAX_QUERY_WORDS,
} from '../src/limits.ts';
import type { Article, ArticleFilter, ArticleInput } from '../src/types.ts';
import { type ContractContext, fixtureArticles } from './fixture.ts';

export function readTests(ctx: ContractContext): void {
  it('stores articles with their tags in order and outlets normalised', async () => {
    const { store, all } = ctx;
    expect(all).toHaveLength(47);
    const input = fixtureArticles()[3] as ArticleInput;
    const article = (await store.getArticleBySlug('article-3')) as Article;
    expect(article.title).toBe(input.title);
    expect(article.tags.map((t) => t.slug)).toEqual(input.tags);
    expect(article.summary).toBe(input.summary);
    await store.upsertArticle({ ...input, slug: 'shouting', media: { name: 'KYODO NEWS' } });
    const shouting = (await store.getArticleBySlug('shouting')) as Article;
    expect(shouting.media).toEqual({ slug: 'kyodo-news', name: 'Kyodo News', homepage: null });
    await store.upsertArticle({ ...input, slug: 'jt', media: { name: 'Japan Times' } });
    expect((await store.getArticleBySlug('jt'))?.media.slug).toBe('the-japan-times');
    expect(await store.listMedia()).toHaveLength(4);
  });

  it('keeps the outlet a copy was read through, and counts a change of it as an update', async () => {
    const { store } = ctx;
    const input = fixtureArticles()[3] as ArticleInput;
    expect((await store.getArticleBySlug('article-3'))?.readVia).toBeNull();
    const via = { ...input, readVia: { name: 'NHK World' } };
    expect((await store.upsertArticle(via)).change).toBe('updated');
    const read = (await store.getArticleBySlug('article-3')) as Article;
    expect(read.readVia).toEqual({ slug: 'nhk-world', name: 'NHK World', homepage: null });
    const listed = await store.listArticles({ filter: { media: [read.media.slug] }, first: 50 });
    expect(listed.hits.find((h) => h.article.slug === 'article-3')?.article.readVia?.slug).toBe(
      'nhk-world',
    );
    expect((await store.upsertArticle(via)).change).toBe('unchanged');
    expect((await store.upsertArticle({ ...via, readVia: null })).change).toBe('updated');
    expect((await store.getArticleBySlug('article-3'))?.readVia).toBeNull();
  });

  it('reads many articles by id in request order with nulls for unknown ids', async () => {
    const { store } = ctx;
    const got = await store.getArticlesByIds([3, 999, 1, 3]);
    expect(got.map((a) => a?.slug ?? null)).toEqual(['article-2', null, 'article-0', 'article-2']);
    expect(await store.getArticleById(12345)).toBeNull();
    expect(await store.getArticleBySlug('nope')).toBeNull();
  });

  it('refuses filters over the argument limits, naming the argument', async () => {
    const { store } = ctx;
    const many = (n: number) => Array.from({ length: n }, (_, i) => `tag-${i}`);
    const refused: [ArticleFilter, RegExp][] = [
      [{ tags: { anyOf: many(MAX_FILTER_TAGS + 1) } }, /tags\.anyOf takes at most/],
      [{ tags: { allOf: many(MAX_FILTER_TAGS + 1) } }, /tags\.allOf takes at most/],
      [{ media: many(MAX_FILTER_MEDIA + 1) }, /media takes at most/],
      [{ query: 'x'.repeat(MAX_QUERY_CHARS + 1) }, /at most 200 characters/],
      [{ query: many(MAX_QUERY_WORDS + 1).join(' ') }, /words; at most/],
    ];
    for (const [filter, message] of refused) {
      await expect(store.countArticles(filter)).rejects.toThrow(message);
      await expect(store.listArticles({ filter, first: 1 })).rejects.toThrow(message);
      await expect(store.pageArticles({ filter, page: 1, pageSize: 1 })).rejects.toThrow(message);
    }
    const allowed = { tags: { anyOf: many(MAX_FILTER_TAGS) } };
    expect(await store.countArticles(allowed)).toBe(0);
  });

  it('rejects bad reads with a query error', async () => {
    const { store } = ctx;
    await expect(store.listArticles({ first: 101 })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(store.listArticles({ first: -1 })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(store.pageArticles({ page: 0, pageSize: 10 })).rejects.toBeInstanceOf(
      InvalidQueryError,
    );
    await expect(
      store.countArticles({ releasedFrom: '2024-05-01', releasedTo: '2024-01-01' }),
    ).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(store.countArticles({ releasedFrom: '2024-02-30' })).rejects.toBeInstanceOf(
      InvalidQueryError,
    );
    const rel = await store.listArticles({
      filter: { query: 'visa' },
      order: 'relevance',
      first: 1,
    });
    await expect(store.listArticles({ after: rel.hits[0]?.key, first: 1 })).rejects.toBeInstanceOf(
      InvalidQueryError,
    );
  });

  it('counts articles per tag and per outlet', async () => {
    const { store, all } = ctx;
    const tags = await store.listTags();
    for (const { item, articleCount } of tags) {
      expect(articleCount).toBe(all.filter((a) => a.tags.some((t) => t.slug === item.slug)).length);
    }
    const media = await store.getMediaBySlugs(['kyodo-news', 'missing']);
    expect(media[0]?.articleCount).toBe(all.filter((a) => a.media.slug === 'kyodo-news').length);
    expect(media[1]).toBeNull();
    expect((await store.getTagsBySlugs(['refugees']))[0]?.item.name).toBe('Refugees');
  });

  it('finds related articles by shared tags, most shared first', async () => {
    const { store, all } = ctx;
    const [related] = await store.relatedArticles([1], 5);
    const own = new Set(all[0]?.tags.map((t) => t.slug));
    const shared = (a: Article) => a.tags.filter((t) => own.has(t.slug)).length;
    expect(related?.length).toBe(5);
    expect(related?.some((a) => a.id === 1)).toBe(false);
    const counts = related?.map(shared) ?? [];
    expect(counts.every((c) => c > 0)).toBe(true);
    expect([...counts].sort((x, y) => y - x)).toEqual(counts);
    const best = Math.max(...all.filter((a) => a.id !== 1).map(shared));
    expect(counts[0]).toBe(best);
  });
}
