import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { connection, filterOptions, JAPAN_TIMES, range, STATISTICS } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import { SEARCH_PAGE_SIZE, SearchQuery } from './search-query.ts';

describe('search', () => {
  it('asks for words when the query is empty, without fetching', async () => {
    renderApp('/search', []);
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    expect(screen.getByText(/Type one or more words/)).toBeInTheDocument();
  });

  it('shows ranked results with the matched words marked', async () => {
    const user = userEvent.setup();
    const { container, router } = renderApp('/search?q=visa&tags=statistics', [
      {
        request: {
          query: SearchQuery,
          variables: {
            query: 'visa',
            first: SEARCH_PAGE_SIZE,
            filter: { tags: { anyOf: ['statistics'] } },
          },
        },
        result: {
          data: { search: connection(range(5, 6), { snippets: true, totalCount: 2 }) },
        },
      },
      {
        request: {
          query: SearchQuery,
          variables: {
            query: 'quasi refugees',
            first: SEARCH_PAGE_SIZE,
            filter: { tags: { anyOf: ['statistics'] } },
          },
        },
        result: { data: { search: connection([]) } },
      },
      // Asked for once: the second search reads the options from the cache.
      filterOptions([STATISTICS], [JAPAN_TIMES]),
    ]);

    expect(await screen.findByText(/2 articles match/)).toHaveTextContent(
      '2 articles match “visa”',
    );
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual(['Headline number 5', 'Headline number 6']);
    const marks = container.querySelectorAll('.snippet mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['visa', 'visa']);
    expect(marks[0]?.closest('p')).toHaveTextContent('New visa rules, item 5 …');
    expect(screen.getByRole('link', { name: 'Remove filter Statistics' })).toBeInTheDocument();

    const box = within(screen.getByRole('main')).getByRole('searchbox', { name: 'Words to find' });
    await user.clear(box);
    await user.type(box, 'quasi refugees{Enter}');

    expect(await screen.findByText(/No articles match/)).toBeInTheDocument();
    expect(screen.getByText(/Try fewer or different words/)).toBeInTheDocument();
    // The new query kept the filter.
    expect(new URLSearchParams(router.state.location.search).getAll('tags')).toEqual([
      'statistics',
    ]);
  });
});
