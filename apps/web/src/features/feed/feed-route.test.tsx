import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { comingUp, connection, filterOptions, range, ruleChange } from '../../test/fixtures.ts';
import { renderApp, withoutAct } from '../../test/render-app.tsx';
import { FEED_PAGE_SIZE, FeedQuery } from './feed-query.ts';

const feed = (variables: Record<string, unknown>, data: ReturnType<typeof connection>) => ({
  request: { query: FeedQuery, variables: { first: FEED_PAGE_SIZE, ...variables } },
  result: { data: { articles: data } },
});

describe('the feed', () => {
  it('lists the newest articles with date, outlet, headline, excerpt and tags', async () => {
    renderApp('/', [
      feed({}, connection(range(1, 2), { totalCount: 2 })),
      filterOptions(),
      comingUp(),
    ]);

    const first = await screen.findByRole('link', { name: 'Headline number 1' });
    expect(first).toHaveAttribute('href', '/articles/article-1');
    const item = first.closest('article') as HTMLElement;
    expect(within(item).getByText('27 Nov 2025')).toHaveAttribute('datetime', '2025-11-27');
    expect(within(item).getByRole('link', { name: 'The Japan Times' })).toHaveAttribute(
      'href',
      '/media/japan-times',
    );
    expect(within(item).getByText('Opening words of article 1.')).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'Statistics' })).toHaveAttribute(
      'href',
      '/tags/statistics',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Latest news' })).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 2 articles')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Latest news · Japan Immigration News'));
  });

  it('loads the next page by cursor and appends it without repeats', async () => {
    const user = userEvent.setup();
    renderApp('/', [
      feed({}, connection(range(1, 3), { hasNextPage: true, totalCount: 5 })),
      filterOptions(),
      comingUp(),
      // The second page repeats item 3, as a list that shifted between requests would.
      feed({ after: 'cursor-3' }, connection(range(3, 5), { totalCount: 5 })),
    ]);

    await screen.findByRole('link', { name: 'Headline number 1' });
    expect(screen.getByText('Showing 3 of 5 articles')).toBeInTheDocument();
    await withoutAct(async () => {
      await user.click(screen.getByRole('button', { name: 'Load more' }));
      await screen.findByRole('link', { name: 'Headline number 5' });
    });
    const titles = screen
      .getAllByRole('heading', { level: 2 })
      .map((h) => h.textContent)
      .filter((t) => t?.startsWith('Headline'));
    expect(titles).toEqual([1, 2, 3, 4, 5].map((n) => `Headline number ${n}`));
    expect(screen.getByText('Showing 5 of 5 articles')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    // Keyboard users continue from the first new article.
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Headline number 4' })).toHaveFocus(),
    );
  });

  it('reads tag filters from the URL, sends them and shows them as removable', async () => {
    renderApp('/?tags=statistics', [
      feed(
        { filter: { tags: { anyOf: ['statistics'] } } },
        connection(range(7, 7), { totalCount: 1 }),
      ),
      filterOptions(),
      comingUp(),
    ]);

    await screen.findByRole('link', { name: 'Headline number 7' });
    expect(screen.getByRole('heading', { level: 1, name: 'Filtered news' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Remove filter Statistics' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.getByRole('checkbox', { name: 'Statistics' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Visa Rules' })).not.toBeChecked();
  });

  it('writes chosen filters into the URL and fetches only the list again', async () => {
    const user = userEvent.setup();
    // One answer for the options: a second request for them would find none and fail the page.
    const { router } = renderApp('/', [
      feed({}, connection(range(1, 1))),
      filterOptions(),
      comingUp(),
      feed(
        { filter: { tags: { anyOf: ['visa-rules'] }, media: ['japan-times'] } },
        connection(range(2, 2)),
      ),
    ]);

    await screen.findByRole('link', { name: 'Headline number 1' });
    await user.click(screen.getByRole('checkbox', { name: 'Visa Rules' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outlet' }), 'japan-times');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await screen.findByRole('link', { name: 'Headline number 2' });
    expect(router.state.location.search).toBe('?tags=visa-rules&media=japan-times');
  });

  it('shows the next three rule changes to take effect beside the news', async () => {
    renderApp('/', [
      feed({}, connection(range(1, 1))),
      filterOptions(),
      comingUp([
        ruleChange('first-change', '2030-04-01', { upcoming: true, statement: 'First.' }),
        ruleChange('second-change', '2030-06', { upcoming: true, statement: 'Second.' }),
        ruleChange('third-change', 'FY2031', {
          upcoming: true,
          stage: 'ENACTED',
          statement: 'Third.',
        }),
      ]),
    ]);

    const box = await screen.findByRole('complementary', { name: 'Coming up' });
    expect(
      within(box)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Takes effect 1 April 2030First.',
      'Takes effect June 2030Second.',
      'Enacted by the Diet fiscal 2031 (April 2031 to March 2032)Third.',
    ]);
    expect(within(box).getByRole('link', { name: 'First.' })).toHaveAttribute(
      'href',
      '/timeline#first-change',
    );
    expect(within(box).getByRole('link', { name: 'The timeline of rule changes' })).toHaveAttribute(
      'href',
      '/timeline',
    );
  });

  it('has no Coming up box when no change is still to come', async () => {
    renderApp('/', [feed({}, connection(range(1, 1))), filterOptions(), comingUp([])]);
    await screen.findByRole('link', { name: 'Headline number 1' });
    expect(screen.queryByRole('complementary', { name: 'Coming up' })).toBeNull();
  });
});
