// The store alone, in this process: the reads behind every page, at the full synthetic size.

import type { ArticleKey } from '@jin/store';
import { SqliteStore } from '@jin/store/sqlite';
import { BIG_TAG, type Dataset, databaseBytes } from '../shared/datasets.ts';
import { SEARCH_WORD } from '../shared/queries.ts';
import type { Context } from '../shared/section.ts';
import { type Summary, sample, sampleTogether } from '../shared/stats.ts';

export interface StoreResult {
  size: number;
  loadSeconds: number;
  fileMb: number;
  /** Articles the full-text query matches: every one of them is ranked. */
  fullTextMatches: number;
  ops: Record<StoreOp, Summary>;
}

export type StoreOp = 'firstPage' | 'deepPage' | 'tagLastPage' | 'fullText' | 'bySlug' | 'related';

export const STORE_OPS: Record<StoreOp, string> = {
  firstPage: 'keyset page of 20 with tags and media (first page)',
  deepPage: 'keyset page 20 levels deep (the 20th page, by cursor)',
  tagLastPage: 'tag table, last page (most common tag)',
  fullText: `full-text "${SEARCH_WORD}", by relevance, first 20`,
  bySlug: 'article by slug',
  related: 'related articles (5)',
};

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`store check failed: ${what}`);
}

/** One closure per read, each checked once so that a broken read cannot pass as a fast one. */
async function storeReads(store: SqliteStore, size: number) {
  const slug = `synthetic-${Math.ceil(size / 2)}`;
  const article = await store.getArticleBySlug(slug);
  expect(article !== null, `${slug} exists`);
  const id = article?.id as number;

  let after: ArticleKey | undefined;
  for (let page = 1; page < 20; page++) {
    const slice = await store.listArticles({ first: 20, after });
    after = slice.hits.at(-1)?.key;
  }
  const tagFilter = { tags: { anyOf: [BIG_TAG] } };
  const { pageCount } = await store.pageArticles({ filter: tagFilter, page: 1, pageSize: 20 });

  const reads = {
    firstPage: () => store.listArticles({ first: 20 }),
    deepPage: () => store.listArticles({ first: 20, after }),
    tagLastPage: () => store.pageArticles({ filter: tagFilter, page: pageCount, pageSize: 20 }),
    fullText: () =>
      store.listArticles({ filter: { query: SEARCH_WORD }, order: 'relevance', first: 20 }),
    bySlug: () => store.getArticleBySlug(slug),
    related: () => store.relatedArticles([id], 5),
  } satisfies Record<StoreOp, () => Promise<unknown>>;

  const first = await reads.firstPage();
  expect(first.hits.length === Math.min(20, size), 'first page has 20 articles');
  expect((first.hits[0]?.article.tags.length ?? 0) > 0, 'articles carry tags');
  if (size >= 400) expect((await reads.deepPage()).hits.length === 20, 'page 20 has 20 articles');
  expect((await reads.tagLastPage()).hits.length > 0, 'the last tag page is not empty');
  const found = await reads.fullText();
  expect(found.hits.length > 0 && found.hits[0]?.snippet !== null, 'search finds with snippets');
  expect(((await reads.related())[0]?.length ?? 0) > 0, 'related articles exist');
  return { reads, pageCount };
}

export async function benchStore({ settings, datasets }: Context): Promise<StoreResult> {
  const dataset: Dataset = await datasets.get(settings.storeSize);
  const store = new SqliteStore({ path: dataset.path });
  try {
    const { reads } = await storeReads(store, dataset.size);
    // The first and the 20th page are compared with each other, so they are timed alternately.
    const { firstPage, deepPage, ...others } = reads;
    const ops = (await sampleTogether({ firstPage, deepPage }, settings.storeSampling)) as Record<
      StoreOp,
      Summary
    >;
    for (const [op, read] of Object.entries(others) as [StoreOp, () => Promise<unknown>][]) {
      ops[op] = await sample(read, settings.storeSampling);
    }
    return {
      size: dataset.size,
      loadSeconds: dataset.loadSeconds,
      fileMb: databaseBytes(dataset.path) / 2 ** 20,
      fullTextMatches: await store.countArticles({ query: SEARCH_WORD }),
      ops,
    };
  } finally {
    await store.close();
  }
}
