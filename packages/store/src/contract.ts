// The behaviour every Store implementation must show. Run it with a factory for a fresh,
// empty store: `runStoreContract('sqlite memory', () => openSqliteStore())`.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidQueryError, NotFoundError } from './errors.ts';
import { MAX_FILTER_MEDIA, MAX_FILTER_TAGS, MAX_QUERY_CHARS, MAX_QUERY_WORDS } from './limits.ts';
import type { Article, ArticleFilter, ArticleInput, ArticleOrder, Store } from './types.ts';

const TAGS = ['policy', 'workers', 'refugees', 'students', 'statistics'].map((slug) => ({
  slug,
  name: slug[0]?.toUpperCase() + slug.slice(1),
  description: `Articles about ${slug}.`,
}));
const OUTLETS = ['Kyodo News', 'The Japan Times', 'The Mainichi', 'NHK World'];
const WORDS = ['visa', 'quota', 'trainee', 'asylum', 'campus', 'census', 'wage', 'permit'];

/** A small deterministic archive: many shared dates, every tag combination, four outlets. */
export function fixtureArticles(count = 47): ArticleInput[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, (_, i) => {
    const tags = TAGS.filter(() => next() < 0.35).map((t) => t.slug);
    if (tags.length === 0) tags.push(TAGS[i % TAGS.length]?.slug as string);
    const word = WORDS[i % WORDS.length] as string;
    return {
      slug: `article-${i}`,
      title: `Article ${i} on ${word} rules`,
      // Only six distinct dates, so keyset order must break ties by id.
      releasedOn: `2024-0${1 + (i % 6)}-1${i % 3}`,
      media: { name: OUTLETS[i % OUTLETS.length] as string },
      summary: `First paragraph about ${word} number ${i}.\n\n- point one\n- point two`,
      sourceUrl: i % 5 === 0 ? null : `https://example.org/news/${i}`,
      tags,
    };
  });
}

export async function seed(store: Store, inputs = fixtureArticles()): Promise<void> {
  for (const tag of TAGS) await store.upsertTag(tag);
  await store.importArticles(inputs);
}

/** Oracle: the full ordered list of slugs matching `filter`, computed without the store. */
function expected(all: Article[], filter: ArticleFilter, order: 'newest' | 'oldest'): string[] {
  const matches = all.filter((a) => {
    const tags = a.tags.map((t) => t.slug);
    if (filter.tags?.anyOf && !filter.tags.anyOf.some((t) => tags.includes(t))) return false;
    if (filter.tags?.allOf && !filter.tags.allOf.every((t) => tags.includes(t))) return false;
    if (filter.media && !filter.media.includes(a.media.slug)) return false;
    if (filter.releasedFrom && a.releasedOn < filter.releasedFrom) return false;
    if (filter.releasedTo && a.releasedOn > filter.releasedTo) return false;
    return true;
  });
  matches.sort((x, y) =>
    x.releasedOn === y.releasedOn ? x.id - y.id : x.releasedOn < y.releasedOn ? -1 : 1,
  );
  if (order === 'newest') matches.reverse();
  return matches.map((a) => a.slug);
}

/** Every slug of a list, read page by page in one direction. */
export async function walk(
  store: Store,
  filter: ArticleFilter,
  order: ArticleOrder,
  size: number,
  direction: 'forward' | 'backward',
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: Parameters<Store['listArticles']>[0]['after'];
  for (let guard = 0; guard < 1000; guard++) {
    const slice =
      direction === 'forward'
        ? await store.listArticles({ filter, order, first: size, after: cursor })
        : await store.listArticles({ filter, order, last: size, before: cursor });
    const slugs = slice.hits.map((h) => h.article.slug);
    if (direction === 'forward') seen.push(...slugs);
    else seen.unshift(...slugs);
    const more = direction === 'forward' ? slice.hasNextPage : slice.hasPreviousPage;
    if (!more) return seen;
    cursor = (direction === 'forward' ? slice.hits.at(-1) : slice.hits[0])?.key;
  }
  throw new Error('pagination did not end');
}

export function runStoreContract(name: string, open: () => Store | Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let all: Article[];
    beforeEach(async () => {
      store = await open();
      await seed(store);
      all = (await store.getArticlesByIds(fixtureArticles().map((_, i) => i + 1))).filter(
        (a): a is Article => a !== null,
      );
    });
    afterEach(async () => {
      await store.close();
    });

    it('stores articles with their tags in order and outlets normalised', async () => {
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
      const got = await store.getArticlesByIds([3, 999, 1, 3]);
      expect(got.map((a) => a?.slug ?? null)).toEqual([
        'article-2',
        null,
        'article-0',
        'article-2',
      ]);
      expect(await store.getArticleById(12345)).toBeNull();
      expect(await store.getArticleBySlug('nope')).toBeNull();
    });

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

    for (const [label, filter] of filters) {
      for (const order of ['newest', 'oldest'] as const) {
        it(`walks ${label}, ${order}, forward and backward at every page size`, async () => {
          const want = expected(all, filter, order);
          expect(await store.countArticles(filter)).toBe(want.length);
          for (const size of [1, 2, 3, 7, 50]) {
            expect(await walk(store, filter, order, size, 'forward')).toEqual(want);
            expect(await walk(store, filter, order, size, 'backward')).toEqual(want);
          }
        });
      }
      it(`pages ${label} by page number, early and late pages alike`, async () => {
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

    it('searches literally, ranks title matches first and highlights the words', async () => {
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

    it('keeps filtered counts right through writes', async () => {
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

    it('refuses filters over the argument limits, naming the argument', async () => {
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
      await expect(
        store.listArticles({ after: rel.hits[0]?.key, first: 1 }),
      ).rejects.toBeInstanceOf(InvalidQueryError);
    });

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

    it('indexes a large import for search, all or nothing, and single writes after it', async () => {
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

    it('re-importing the same archive changes nothing, not even the version', async () => {
      const version = await store.datasetVersion();
      expect(await store.importArticles(fixtureArticles())).toEqual({
        created: 0,
        updated: 0,
        unchanged: 47,
      });
      expect(await store.datasetVersion()).toBe(version);
    });

    it('updates in place, keeping the id, and moves counts with the change', async () => {
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

    it('counts articles per tag and per outlet', async () => {
      const tags = await store.listTags();
      for (const { item, articleCount } of tags) {
        expect(articleCount).toBe(
          all.filter((a) => a.tags.some((t) => t.slug === item.slug)).length,
        );
      }
      const media = await store.getMediaBySlugs(['kyodo-news', 'missing']);
      expect(media[0]?.articleCount).toBe(all.filter((a) => a.media.slug === 'kyodo-news').length);
      expect(media[1]).toBeNull();
      expect((await store.getTagsBySlugs(['refugees']))[0]?.item.name).toBe('Refugees');
    });

    it('renames an outlet and sets its homepage; its articles follow', async () => {
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

    it('finds related articles by shared tags, most shared first', async () => {
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

    it('deletes an article with its tag links and bumps the version', async () => {
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
  });
}
