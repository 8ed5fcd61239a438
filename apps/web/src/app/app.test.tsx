import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FEED_PAGE_SIZE, FeedQuery } from '../features/feed/feed-query.ts';
import { TagsQuery } from '../features/tags/tags-query.ts';
import { comingUp, connection, filterOptions, range, STATISTICS } from '../test/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';

describe('the app frame', () => {
  it('has landmarks, a skip link, navigation and feed links on every page', async () => {
    renderApp('/tags', [
      { request: { query: TagsQuery }, result: { data: { tags: [STATISTICS] } } },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Tags' });
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute(
      'href',
      '#main',
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav).toHaveTextContent('LatestTimelineNumbersTagsOutlets');
    expect(screen.getByRole('link', { name: 'Tags' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Atom feed' })).toHaveAttribute(
      'href',
      '/feeds/atom.xml',
    );
    expect(screen.getByRole('link', { name: 'RSS feed' })).toHaveAttribute(
      'href',
      '/feeds/rss.xml',
    );
    expect(screen.getByRole('link', { name: 'API explorer' })).toHaveAttribute('href', '/graphiql');
  });

  it('shows a 404 page for an unknown address', async () => {
    renderApp('/no/such/page', []);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(document.title).toBe('Page not found · Japan Immigration News');
  });

  it('offers Retry when the API cannot be reached, and recovers', async () => {
    const user = userEvent.setup();
    renderApp('/', [
      {
        request: { query: FeedQuery, variables: { first: FEED_PAGE_SIZE } },
        error: new TypeError('Failed to fetch'),
      },
      {
        request: { query: FeedQuery, variables: { first: FEED_PAGE_SIZE } },
        result: { data: { articles: connection(range(1, 1)) } },
      },
      filterOptions(),
      comingUp(),
    ]);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'The news service cannot be reached' }),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Headline number 1' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
