// Response data shaped like the API's, with every field any fragment of the app selects.

import { ArticleFiltersQuery } from '../components/article-filters-query.ts';

export const tag = (slug: string, name: string, articleCount = 3) => ({
  __typename: 'Tag' as const,
  id: `Tag:${slug}`,
  slug,
  name,
  description: `Articles about ${name.toLowerCase()}.`,
  articleCount,
});

export const media = (slug: string, name: string) => ({
  __typename: 'Media' as const,
  id: `Media:${slug}`,
  slug,
  name,
  homepage: `https://${slug}.example`,
  articleCount: 12,
});

export const STATISTICS = tag('statistics', 'Statistics', 25);
export const VISA_RULES = tag('visa-rules', 'Visa Rules', 4);
export const JAPAN_TIMES = media('japan-times', 'The Japan Times');

export function article(n: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Article' as const,
    id: `Article:${n}`,
    articleId: n,
    slug: `article-${n}`,
    title: `Headline number ${n}`,
    headlineVerified: true,
    releasedOn: `2025-11-${String(28 - (n % 27)).padStart(2, '0')}`,
    dateApproximate: false,
    readingTimeMinutes: 2,
    sourceUrl: `https://news.example/${n}`,
    summary: `Summary of article ${n}.`,
    excerpt: `Opening words of article ${n}.`,
    description: `Opening words of article ${n}.`,
    media: JAPAN_TIMES,
    readVia: null as ReturnType<typeof media> | null,
    tags: [STATISTICS],
    ...overrides,
  };
}

export function connection(
  articles: ReturnType<typeof article>[],
  { hasNextPage = false, totalCount = articles.length, snippets = false } = {},
) {
  return {
    __typename: 'ArticleConnection' as const,
    edges: articles.map((a) => ({
      __typename: 'ArticleEdge' as const,
      cursor: `cursor-${a.articleId}`,
      node: a,
      snippet: snippets
        ? [
            { __typename: 'SnippetPart' as const, text: 'New ', highlighted: false },
            { __typename: 'SnippetPart' as const, text: 'visa', highlighted: true },
            {
              __typename: 'SnippetPart' as const,
              text: ` rules, item ${a.articleId} …`,
              highlighted: false,
            },
          ]
        : null,
    })),
    pageInfo: {
      __typename: 'PageInfo' as const,
      hasNextPage,
      endCursor: articles.length ? `cursor-${articles.at(-1)?.articleId}` : null,
    },
    totalCount,
  };
}

export function articlePage(
  articles: ReturnType<typeof article>[],
  { page = 1, pageSize = 10, totalCount = articles.length } = {},
) {
  return {
    __typename: 'ArticlePage' as const,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(totalCount / pageSize)),
    totalCount,
    items: articles.map((a) => ({ __typename: 'ArticleHit' as const, article: a, snippet: null })),
  };
}

export const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => article(from + i));

/** The filter options (tags and outlets) as the API would answer them. */
export const filterOptions = (
  tags: ReturnType<typeof tag>[] = [STATISTICS, VISA_RULES],
  mediaOutlets: ReturnType<typeof media>[] = [JAPAN_TIMES],
) => ({ request: { query: ArticleFiltersQuery }, result: { data: { tags, mediaOutlets } } });
