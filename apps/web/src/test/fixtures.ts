// Response data shaped like the API's, with every field any fragment of the app selects.

import { todayInJapan } from '@jin/site';
import { ArticleFiltersQuery } from '../components/article-filters-query.ts';
import { ComingUpQuery } from '../features/feed/feed-query.ts';

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

/** A tag's articles per quarter, as the tag page asks for them (with a quarter of none between). */
export const QUARTERS = [
  { __typename: 'QuarterCount' as const, quarter: '2024-Q3', count: 2 },
  { __typename: 'QuarterCount' as const, quarter: '2025-Q1', count: 5 },
];
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
    ruleChanges: [] as unknown[],
    stories: [] as unknown[],
    series: [] as unknown[],
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

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as precisely as announced, as the API describes it: `2027-04-01`, `2027-04`, `FY2027`, `2028`. */
export function partialDate(value: string) {
  const base = { __typename: 'PartialDate' as const, value };
  const fiscal = /^FY(\d{4})$/.exec(value);
  if (fiscal) {
    const year = Number(fiscal[1]);
    return {
      ...base,
      precision: 'FISCAL_YEAR' as const,
      start: `${year}-04-01`,
      end: `${year + 1}-03-31`,
      label: `fiscal ${year} (April ${year} to March ${year + 1})`,
    };
  }
  const [year, month, day] = value.split('-');
  if (!month) {
    return {
      ...base,
      precision: 'YEAR' as const,
      start: `${year}-01-01`,
      end: `${year}-12-31`,
      label: `${year}`,
    };
  }
  const name = `${MONTH_NAMES[Number(month) - 1]} ${year}`;
  if (!day) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return {
      ...base,
      precision: 'MONTH' as const,
      start: `${value}-01`,
      end: `${value}-${last}`,
      label: name,
    };
  }
  return {
    ...base,
    precision: 'DAY' as const,
    start: value,
    end: value,
    label: `${Number(day)} ${name}`,
  };
}

/** A rule change with every field any fragment selects; in force on `effective` by default. */
export function ruleChange(
  slug: string,
  effective: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    __typename: 'RuleChange' as const,
    id: `RuleChange:${slug}`,
    slug,
    statement: `What changes under ${slug}.`,
    stage: 'IN_FORCE',
    upcoming: false,
    effective: partialDate(effective),
    statuses: [] as { __typename: 'ResidenceStatus'; slug: string; name: string }[],
    tags: [] as ReturnType<typeof tag>[],
    history: [
      {
        __typename: 'RuleChangeStageRecord' as const,
        stage: 'IN_FORCE',
        date: partialDate(effective),
      },
    ],
    articles: [] as ReturnType<typeof article>[],
    ...overrides,
  };
}

export const residenceStatus = (slug: string, name: string) => ({
  __typename: 'ResidenceStatus' as const,
  slug,
  name,
});

export function ruleChangeConnection(
  changes: ReturnType<typeof ruleChange>[],
  { hasNextPage = false, hasPreviousPage = false, totalCount = changes.length } = {},
) {
  return {
    __typename: 'RuleChangeConnection' as const,
    edges: changes.map((node) => ({
      __typename: 'RuleChangeEdge' as const,
      cursor: `cursor-${node.slug}`,
      node,
    })),
    pageInfo: {
      __typename: 'PageInfo' as const,
      hasNextPage,
      hasPreviousPage,
      startCursor: changes.length ? `cursor-${changes[0]?.slug}` : null,
      endCursor: changes.length ? `cursor-${changes.at(-1)?.slug}` : null,
    },
    totalCount,
  };
}

/** The front page's "Coming up" box, as the API would answer it today. */
export const comingUp = (changes: ReturnType<typeof ruleChange>[] = []) => ({
  request: { query: ComingUpQuery, variables: { today: todayInJapan() } },
  result: { data: { ruleChanges: ruleChangeConnection(changes) } },
});
