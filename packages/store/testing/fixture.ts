// Fixture archive, seeding and the independent answers the contract checks a store against.

import type { Article, ArticleFilter, ArticleInput, ArticleOrder, Store } from '../src/types.ts';

/** The store under test and the seeded archive as it reads back, fresh for every test. */
export interface ContractContext {
  readonly store: Store;
  readonly all: Article[];
}

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
export function expected(
  all: Article[],
  filter: ArticleFilter,
  order: 'newest' | 'oldest',
): string[] {
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
