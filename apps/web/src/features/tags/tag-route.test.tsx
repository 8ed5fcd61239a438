import { todayInJapan } from '@jin/site';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  articlePage,
  QUARTERS,
  range,
  ruleChange,
  ruleChangeConnection,
  STATISTICS,
  tag,
  VISA_RULES,
} from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import { TAG_PAGE_SIZE, TagQuery, TagsQuery } from './tags-query.ts';

/** The rule changes a tag page shows besides its articles: none unless given. */
const noChanges = {
  comingUp: ruleChangeConnection([]),
  ruleChangeCount: { __typename: 'RuleChangeConnection', totalCount: 0 },
};

const tagMock = (page: number, from: number, to: number) => ({
  request: {
    query: TagQuery,
    variables: { slug: 'statistics', page, pageSize: TAG_PAGE_SIZE, today: todayInJapan() },
  },
  result: {
    data: {
      ...noChanges,
      tag: {
        ...STATISTICS,
        articlesPerQuarter: QUARTERS,
        articlePage: articlePage(range(from, to), {
          page,
          pageSize: TAG_PAGE_SIZE,
          totalCount: 45,
        }),
      },
    },
  },
});

describe('the tag page', () => {
  // The page's module (with its chart's scales) is compiled once, here, so the first test's time
  // is its own and not the compiler's on a busy machine.
  beforeAll(() => import('./tag-route.tsx'), 60_000);

  it('reads the page number from ?page=N and links the other pages', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/tags/statistics?page=2', [
      tagMock(2, 21, 40),
      tagMock(3, 41, 45),
    ]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
    expect(screen.getByText('Articles about statistics.')).toBeInTheDocument();
    expect(screen.getByText('45 articles · page 2 of 3')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'News Articles including Statistics' });
    expect(within(table).getByRole('link', { name: 'Headline number 21' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    expect(screen.getByRole('link', { name: 'Atom feed for Statistics' })).toHaveAttribute(
      'href',
      '/feeds/tags/statistics/atom.xml',
    );

    const pages = screen.getByRole('navigation', { name: /Pages of/ });
    expect(within(pages).getByRole('link', { name: 'Page 2' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(pages).getByRole('link', { name: 'Page 1' })).toHaveAttribute(
      'href',
      '/tags/statistics',
    );
    await user.click(within(pages).getByRole('link', { name: 'Next' }));

    expect(await screen.findByRole('link', { name: 'Headline number 41' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=3');
  });

  it('says so when the page number is past the end', async () => {
    renderApp('/tags/statistics?page=9', [
      {
        request: {
          query: TagQuery,
          variables: { slug: 'statistics', page: 9, pageSize: 20, today: todayInJapan() },
        },
        result: {
          data: {
            ...noChanges,
            tag: {
              ...STATISTICS,
              articlesPerQuarter: QUARTERS,
              articlePage: articlePage([], { page: 9, totalCount: 45, pageSize: 20 }),
            },
          },
        },
      },
    ]);
    expect(await screen.findByText(/There is no page 9; this list has 3 pages/)).toBeVisible();
  });

  it('shows the next rule changes on the tag, with a link to its timeline', async () => {
    renderApp('/tags/statistics', [
      {
        ...tagMock(1, 1, 20),
        request: {
          query: TagQuery,
          variables: {
            slug: 'statistics',
            page: 1,
            pageSize: TAG_PAGE_SIZE,
            today: todayInJapan(),
          },
        },
        result: {
          data: {
            ...tagMock(1, 1, 20).result.data,
            comingUp: ruleChangeConnection(
              [
                ruleChange('survey-2030', '2030-06', {
                  upcoming: true,
                  statement: 'A new survey starts.',
                }),
              ],
              { totalCount: 1 },
            ),
            ruleChangeCount: { __typename: 'RuleChangeConnection', totalCount: 4 },
          },
        },
      },
    ]);

    const box = await screen.findByRole('region', { name: 'Coming up on Statistics' });
    expect(within(box).getByText('Takes effect')).toBeInTheDocument();
    expect(within(box).getByText('June 2030')).toHaveAttribute('datetime', '2030-06');
    expect(within(box).getByRole('link', { name: 'A new survey starts.' })).toHaveAttribute(
      'href',
      '/timeline#survey-2030',
    );
    expect(
      within(box).getByRole('link', { name: 'All 4 rule changes on Statistics, on the timeline' }),
    ).toHaveAttribute('href', '/timeline?tag=statistics');
  });

  it('is a 404 page for an unknown tag', async () => {
    renderApp('/tags/nope', [
      {
        request: {
          query: TagQuery,
          variables: { slug: 'nope', page: 1, pageSize: 20, today: todayInJapan() },
        },
        result: { data: { tag: null, ...noChanges } },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(screen.getByText(/There is no tag at this address/)).toBeInTheDocument();
  });
});

describe('the tags page', () => {
  it('lists every tag with its description and article count', async () => {
    renderApp('/tags', [
      {
        request: { query: TagsQuery },
        result: { data: { tags: [STATISTICS, VISA_RULES, tag('students', 'Students', 1)] } },
      },
    ]);
    const link = await screen.findByRole('link', { name: 'Visa Rules' });
    expect(link).toHaveAttribute('href', '/tags/visa-rules');
    const card = link.closest('li') as HTMLElement;
    expect(within(card).getByText('4 articles')).toBeInTheDocument();
    expect(within(card).getByText('Articles about visa rules.')).toBeInTheDocument();
    expect(screen.getByText('1 article')).toBeInTheDocument();
  });

  it('charts the tag’s articles per quarter, a quarter without any as zero', async () => {
    renderApp('/tags/statistics', [tagMock(1, 1, 20)]);
    const chart = await screen.findByRole('img', { name: /Articles on Statistics per quarter/ });
    expect(chart.querySelectorAll('rect')).toHaveLength(3);
    const rows = within(screen.getByRole('table', { name: 'Articles on Statistics per quarter' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(['2024-Q32', '2024-Q40', '2025-Q15']);
    expect(QUARTERS).toHaveLength(2);
  });
});
