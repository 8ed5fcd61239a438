// Search: literal matching, ranking, highlighting, prefix completion and hostile input.

import { expect, it } from 'vitest';
import { InvalidInputError } from '../src/errors.ts';
import type { ArticleInput } from '../src/types.ts';
import { type ContractContext, fixtureArticles, walk } from './fixture.ts';

export function searchTests(ctx: ContractContext): void {
  it('searches literally, ranks title matches first and highlights the words', async () => {
    const { store } = ctx;
    await store.upsertArticle({
      ...(fixtureArticles()[0] as ArticleInput),
      slug: 'census-title',
      title: 'Census census census of residents',
      summary: 'Nothing else here.',
    });
    const slice = await store.listArticles({
      filter: { query: 'census' },
      order: 'relevance',
      first: 3,
    });
    expect(slice.hits[0]?.article.slug).toBe('census-title');
    const all = await walk(store, { query: 'census' }, 'relevance', 2, 'forward');
    expect(all).toHaveLength(7);
    expect(new Set(all).size).toBe(7);
    expect(await walk(store, { query: 'census' }, 'relevance', 3, 'backward')).toEqual(all);
    const highlighted = slice.hits[1]?.snippet?.filter((p) => p.highlighted).map((p) => p.text);
    expect(highlighted?.every((t) => t.toLowerCase() === 'census')).toBe(true);
    expect(highlighted?.length).toBeGreaterThan(0);
    const dated = await store.listArticles({
      filter: { query: 'census', tags: { anyOf: ['workers'] } },
      first: 50,
    });
    for (const hit of dated.hits) {
      expect(hit.article.tags.map((t) => t.slug)).toContain('workers');
      expect(`${hit.article.title} ${hit.article.summary}`.toLowerCase()).toContain('census');
    }
    expect(await store.countArticles({ query: 'census' })).toBe(7);
  });

  it('matches whole words, and completes the last word when they find nothing', async () => {
    const { store } = ctx;
    const campus = await store.countArticles({ query: 'campus' });
    expect(campus).toBeGreaterThan(0);
    expect(await store.countArticles({ query: 'camp' })).toBe(campus);
    expect(await store.countArticles({ query: 'rules camp' })).toBe(campus);
    const found = await store.listArticles({ filter: { query: 'camp' }, order: 'relevance' });
    expect(found.hits).toHaveLength(campus);
    expect(found.hits[0]?.snippet?.some((p) => p.highlighted && /^campus$/i.test(p.text))).toBe(
      true,
    );
    // "wage" is a whole word here, so it is not widened to "wagering".
    const wage = await store.countArticles({ query: 'wage' });
    await store.upsertArticle({
      ...(fixtureArticles()[0] as ArticleInput),
      slug: 'on-wagering',
      title: 'On wagering',
      summary: 'Nothing else.',
    });
    expect(await store.countArticles({ query: 'wage' })).toBe(wage);
    expect(await store.countArticles({ query: 'wag' })).toBe(wage + 1);
    expect(await store.countArticles({ query: 'zzzz' })).toBe(0);
  });

  it('never fails on hostile search input', async () => {
    const { store } = ctx;
    const inputs = [
      'multi-agent',
      'title:x',
      '"unbalanced',
      'AND OR NOT',
      '*',
      '🙂🙂',
      '入管法 改正',
      'NEAR(a b)',
      "'; DROP TABLE articles; --",
      '^visa',
      '',
    ];
    for (const query of inputs) {
      const slice = await store.listArticles({ filter: { query }, order: 'relevance', first: 5 });
      expect(Array.isArray(slice.hits)).toBe(true);
      await store.pageArticles({ filter: { query }, page: 1, pageSize: 5 });
      await store.countArticles({ query });
    }
    expect(
      (await store.listArticles({ filter: { query: 'visa-rules' }, first: 50 })).hits.length,
    ).toBe(6);
    expect((await store.listArticles({ filter: { query: 'VISA' }, first: 50 })).hits.length).toBe(
      6,
    );
    expect(await store.countArticles()).toBe(47);
  });

  it('indexes a large import for search, all or nothing, and single writes after it', async () => {
    const { store } = ctx;
    const large = (word: string) =>
      Array.from({ length: 150 }, (_, i) => ({
        ...(fixtureArticles()[i % 47] as ArticleInput),
        slug: `${word}-${i}`,
        title: `The ${word} report, part ${i}`,
      }));
    const failing = large('wombat');
    (failing[149] as ArticleInput).tags = [];
    await expect(store.importArticles(failing)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.countArticles({ query: 'wombat' })).toBe(0);

    expect((await store.importArticles(large('quokka'), { dryRun: true })).created).toBe(150);
    expect(await store.countArticles({ query: 'quokka' })).toBe(0);
    expect((await store.importArticles(large('quokka'))).created).toBe(150);
    expect(await store.countArticles({ query: 'quokka' })).toBe(150);
    const { hits } = await store.listArticles({
      filter: { query: 'quokka report' },
      order: 'relevance',
      first: 5,
    });
    expect(hits).toHaveLength(5);
    expect(hits[0]?.snippet?.some((part) => part.highlighted)).toBe(true);

    await store.upsertArticle({
      ...(fixtureArticles()[0] as ArticleInput),
      slug: 'numbat',
      title: 'A numbat',
    });
    expect(await store.countArticles({ query: 'numbat' })).toBe(1);
  });
}
