// The reads of the worst cases: every read the schema allows, at its largest arguments (100 a
// page, 5 tags, 20 outlets, 10 words, pages 90% deep), timed in the store.

import type { ArticleFilter } from '@jin/store';
import type { SqliteStore } from '@jin/store/sqlite';
import { sample } from '../shared/stats.ts';

export interface WorstRead {
  name: string;
  medianMs: number;
  maxMs: number;
}

export const tags = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `topic-${from + i}`);
export const COMMON = tags(1, 5);
const RARE = tags(20, 5);
const MEDIA = Array.from({ length: 20 }, (_, i) => `outlet-${i + 1}`);
const YEAR = { releasedFrom: '2013-01-01', releasedTo: '2013-12-31' };
const WORDS = 'refugee visa policy worker immigration japan foreign minister government the';

/** The reads, each at the largest arguments the schema takes (100 a page, 5 tags, 10 words). */
function reads(store: SqliteStore, size: number): [string, () => Promise<unknown>][] {
  const deep = Math.max(1, Math.floor((size * 0.9) / 100));
  const list =
    (filter: ArticleFilter, order: 'newest' | 'relevance' = 'newest') =>
    () =>
      store.listArticles({ filter, order, first: 100 });
  const page =
    (filter: ArticleFilter, order: 'newest' | 'relevance' = 'newest') =>
    () =>
      store.pageArticles({ filter, order, page: deep, pageSize: 100 });
  const count = (filter: ArticleFilter) => () => store.countArticles(filter);
  return [
    ['feed page of 100', list({})],
    ['any of 5 common tags', list({ tags: { anyOf: COMMON } })],
    ['all of 5 common tags', list({ tags: { allOf: COMMON } })],
    ['all of 5 rare tags', list({ tags: { allOf: RARE } })],
    ['any of 5 and all of 5 tags', list({ tags: { anyOf: RARE, allOf: COMMON } })],
    ['20 outlets, 5 tags, a year', list({ tags: { anyOf: COMMON }, media: MEDIA, ...YEAR })],
    ['count: any of 5 common tags', count({ tags: { anyOf: COMMON } })],
    ['count: 20 outlets and 5 tags', count({ tags: { anyOf: COMMON }, media: MEDIA })],
    ['numbered page 90% deep', page({})],
    ['numbered page 90% deep, any of 5 tags', page({ tags: { anyOf: COMMON } })],
    ['search, common word', list({ query: 'refugee' }, 'relevance')],
    ['search, 10 words', list({ query: WORDS }, 'relevance')],
    [
      'search, common word, all of 5 tags',
      list({ query: 'refugee', tags: { allOf: COMMON } }, 'relevance'),
    ],
    [
      'search, 2 words, any of 3 tags',
      list({ query: 'refugee visa', tags: { anyOf: tags(1, 3) } }, 'relevance'),
    ],
    [
      'search, newest first, any of 2 tags',
      list({ query: 'refugee visa', tags: { anyOf: tags(2, 2) } }),
    ],
    ['search count, any of 5 tags', count({ query: 'refugee visa', tags: { anyOf: COMMON } })],
    ['search page 90% deep', page({ query: 'refugee' }, 'relevance')],
    ['search, short prefix', list({ query: 'zzq re' }, 'relevance')],
    [
      'related: 100 articles, 20 each',
      () =>
        store.relatedArticles(
          Array.from({ length: 100 }, (_, i) => 1 + ((i * 997) % size)),
          20,
        ),
    ],
    ['tags and outlets with counts', async () => [await store.listTags(), await store.listMedia()]],
  ];
}

/** Median and slowest of `times` runs after one warm-up. */
export async function timeReads(
  store: SqliteStore,
  size: number,
  times: number,
): Promise<WorstRead[]> {
  const timed: WorstRead[] = [];
  for (const [name, run] of reads(store, size)) {
    const summary = await sample(run, {
      warmup: 1,
      iterations: times,
      budgetMs: 0,
      minIterations: times,
    });
    timed.push({ name, medianMs: summary.median, maxMs: summary.max });
  }
  return timed;
}
