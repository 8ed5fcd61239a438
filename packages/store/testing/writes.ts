// Writes: validation, imports, updates, outlet edits and deletes.

import { expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../src/errors.ts';
import type { Article, ArticleInput } from '../src/types.ts';
import { type ContractContext, fixtureArticles } from './fixture.ts';

export function writeTests(ctx: ContractContext): void {
  const invalid: [string, Partial<ArticleInput>, string][] = [
    ['empty title', { title: '   ' }, 'title'],
    ['impossible date', { releasedOn: '2024-02-30' }, 'releasedOn'],
    ['malformed URL', { sourceUrl: 'not a url' }, 'sourceUrl'],
    ['javascript URL', { sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
    ['no tags', { tags: [] }, 'tags'],
    ['unknown tag', { tags: ['policy', 'made-up'] }, 'tags.1'],
    ['bad slug', { slug: 'Not A Slug' }, 'slug'],
    ['empty summary', { summary: '' }, 'summary'],
  ];
  for (const [label, patch, field] of invalid) {
    it(`rejects ${label} naming the field, writing nothing`, async () => {
      const { store } = ctx;
      const version = await store.datasetVersion();
      const base = { ...(fixtureArticles()[1] as ArticleInput), slug: 'fresh' };
      const error = await store.upsertArticle({ ...base, ...patch }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).field).toBe(field);
      expect(await store.countArticles()).toBe(47);
      expect(await store.datasetVersion()).toBe(version);
    });
  }

  it('imports all or nothing and names the failing record', async () => {
    const { store } = ctx;
    const batch = fixtureArticles(3).map((a, i) => ({ ...a, slug: `batch-${i}` }));
    (batch[2] as ArticleInput).releasedOn = '2023-13-01';
    const error = await store.importArticles(batch).catch((e: unknown) => e);
    expect((error as InvalidInputError).index).toBe(2);
    expect(await store.getArticleBySlug('batch-0')).toBeNull();
    (batch[2] as ArticleInput).releasedOn = '2023-12-01';
    const version = await store.datasetVersion();
    expect(await store.importArticles(batch, { dryRun: true })).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    expect(await store.getArticleBySlug('batch-0')).toBeNull();
    expect(await store.datasetVersion()).toBe(version);
    expect(await store.importArticles(batch)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await store.countArticles()).toBe(50);
  });

  it('re-importing the same archive changes nothing, not even the version', async () => {
    const { store } = ctx;
    const version = await store.datasetVersion();
    expect(await store.importArticles(fixtureArticles())).toEqual({
      created: 0,
      updated: 0,
      unchanged: 47,
    });
    expect(await store.datasetVersion()).toBe(version);
  });

  it('updates in place, keeping the id, and moves counts with the change', async () => {
    const { store } = ctx;
    const before = (await store.getArticleBySlug('article-5')) as Article;
    const tagsBefore = await store.listTags();
    const version = await store.datasetVersion();
    const { article, change } = await store.upsertArticle({
      ...(fixtureArticles()[5] as ArticleInput),
      title: 'Changed title',
      releasedOn: '2030-01-01',
      tags: ['students'],
    });
    expect(change).toBe('updated');
    expect(article.id).toBe(before.id);
    expect(article.createdAt).toBe(before.createdAt);
    expect(await store.datasetVersion()).not.toBe(version);
    expect((await store.listArticles({ first: 1 })).hits[0]?.article.slug).toBe('article-5');
    const students = await store.listArticles({
      filter: { tags: { anyOf: ['students'] } },
      first: 1,
    });
    expect(students.hits[0]?.article.title).toBe('Changed title');
    const tagsAfter = await store.listTags();
    const count = (list: typeof tagsAfter, slug: string) =>
      list.find((t) => t.item.slug === slug)?.articleCount;
    const wasStudent = before.tags.some((t) => t.slug === 'students');
    expect(count(tagsAfter, 'students')).toBe(
      (count(tagsBefore, 'students') ?? 0) + (wasStudent ? 0 : 1),
    );
    expect(
      (await store.listArticles({ filter: { query: 'changed' }, first: 5 })).hits,
    ).toHaveLength(1);
  });

  it('renames an outlet and sets its homepage; its articles follow', async () => {
    const { store, all } = ctx;
    const version = await store.datasetVersion();
    const renamed = await store.updateMedia('kyodo-news', {
      name: 'Kyodo News Agency',
      homepage: 'https://english.kyodonews.net/',
    });
    expect(renamed).toEqual({
      slug: 'kyodo-news',
      name: 'Kyodo News Agency',
      homepage: 'https://english.kyodonews.net/',
    });
    expect(await store.datasetVersion()).not.toBe(version);
    const article = all.find((a) => a.media.slug === 'kyodo-news') as Article;
    expect((await store.getArticleById(article.id))?.media.name).toBe('Kyodo News Agency');
    // The new name is now how the outlet is matched.
    const { article: added } = await store.upsertArticle({
      ...(fixtureArticles()[0] as ArticleInput),
      slug: 'via-new-name',
      media: { name: 'KYODO NEWS AGENCY' },
    });
    expect(added.media.slug).toBe('kyodo-news');

    const cleared = await store.updateMedia('kyodo-news', { homepage: null });
    expect(cleared.homepage).toBeNull();
    expect(cleared.name).toBe('Kyodo News Agency');
    const unchanged = await store.datasetVersion();
    await store.updateMedia('kyodo-news', { name: 'Kyodo News Agency' });
    expect(await store.datasetVersion()).toBe(unchanged);
  });

  it('refuses to rename an outlet onto another, or one that does not exist', async () => {
    const { store } = ctx;
    const version = await store.datasetVersion();
    const clash = await store
      .updateMedia('kyodo-news', { name: 'japan times' })
      .catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(InvalidInputError);
    expect((clash as InvalidInputError).field).toBe('name');
    const bad = await store
      .updateMedia('kyodo-news', { homepage: 'javascript:alert(1)' })
      .catch((e: unknown) => e);
    expect((bad as InvalidInputError).field).toBe('homepage');
    await expect(store.updateMedia('no-such-outlet', { name: 'X' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await store.getMediaBySlugs(['kyodo-news']))[0]?.item.name).toBe('Kyodo News');
    expect(await store.datasetVersion()).toBe(version);
  });

  it("creates an editor's article: a free slug from the title, the outlet by slug or name", async () => {
    const { store } = ctx;
    const draft = {
      title: 'Article 3 on asylum rules',
      releasedOn: '2025-05-01',
      media: 'kyodo-news',
      summary: 'A paragraph.',
      tags: ['refugees'],
    };
    const first = await store.createArticle(draft);
    expect(first.slug).toBe('article-3-on-asylum-rules');
    expect(first.media.name).toBe('Kyodo News');
    const second = await store.createArticle({ ...draft, media: 'NHK WORLD' });
    expect(second.slug).toBe('article-3-on-asylum-rules-2');
    expect(second.media.slug).toBe('nhk-world');
    const version = await store.datasetVersion();
    const taken = await store
      .createArticle({ ...draft, slug: 'article-3', title: ' ' })
      .catch((e: unknown) => e);
    expect((taken as InvalidInputError).issues).toEqual([
      { field: 'slug', message: '"article-3" is already in use' },
    ]);
    const invalid = await store
      .createArticle({ ...draft, title: ' ', tags: ['nope'] })
      .catch((e: unknown) => e);
    expect((invalid as InvalidInputError).issues.map((i) => i.field)).toEqual(['title']);
    expect(await store.countArticles()).toBe(49);
    expect(await store.datasetVersion()).toBe(version);
  });

  it('updates an article from a patch, keeping what the patch leaves out', async () => {
    const { store, all } = ctx;
    const before = all[7] as Article;
    const via = { ...(fixtureArticles()[7] as ArticleInput), readVia: { name: 'The Mainichi' } };
    await store.upsertArticle(via);
    const version = await store.datasetVersion();
    const after = await store.updateArticle(before.id, { title: 'Patched', media: 'NHK World' });
    expect(after).toMatchObject({
      id: before.id,
      slug: before.slug,
      title: 'Patched',
      releasedOn: before.releasedOn,
      summary: before.summary,
      sourceUrl: before.sourceUrl,
      tags: before.tags,
      media: { slug: 'nhk-world' },
      readVia: { slug: 'the-mainichi' },
    });
    expect(await store.datasetVersion()).not.toBe(version);
    // The outlet it was read via went with its link.
    const relinked = await store.updateArticle(before.id, { sourceUrl: null });
    expect(relinked).toMatchObject({ sourceUrl: null, readVia: null, title: 'Patched' });
    const unchanged = await store.datasetVersion();
    await store.updateArticle(before.id, {});
    expect(await store.datasetVersion()).toBe(unchanged);
    const bad = await store.updateArticle(before.id, { tags: [] }).catch((e: unknown) => e);
    expect((bad as InvalidInputError).field).toBe('tags');
    await expect(store.updateArticle(999_999, { title: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await store.datasetVersion()).toBe(unchanged);
  });

  it('deletes an article with its tag links and bumps the version', async () => {
    const { store, all } = ctx;
    const version = await store.datasetVersion();
    const article = all[10] as Article;
    expect(await store.deleteArticle(article.id)).toBe(true);
    expect(await store.deleteArticle(article.id)).toBe(false);
    expect(await store.getArticleById(article.id)).toBeNull();
    expect(await store.countArticles()).toBe(46);
    expect(await store.datasetVersion()).not.toBe(version);
    const tag = article.tags[0]?.slug as string;
    expect(await store.countArticles({ tags: { anyOf: [tag] } })).toBe(
      all.filter((a) => a.id !== article.id && a.tags.some((t) => t.slug === tag)).length,
    );
  });
}
