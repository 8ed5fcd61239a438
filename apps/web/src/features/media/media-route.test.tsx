import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { articlePage, JAPAN_TIMES, media, range } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import { MEDIA_PAGE_SIZE, MediaListQuery, MediaQuery } from './media-query.ts';

describe('the outlet pages', () => {
  it('list outlets with their article counts', async () => {
    renderApp('/media', [
      {
        request: { query: MediaListQuery },
        result: {
          data: {
            mediaOutlets: [JAPAN_TIMES, { ...media('nhk', 'NHK'), homepage: 'javascript:x' }],
          },
        },
      },
    ]);
    const link = await screen.findByRole('link', { name: 'The Japan Times' });
    expect(link).toHaveAttribute('href', '/media/japan-times');
    expect(
      within(link.closest('li') as HTMLElement).getByText('japan-times.example'),
    ).toBeVisible();
    expect(screen.getAllByText('12 articles')).toHaveLength(2);
  });

  it('show one outlet with its articles, newest first', async () => {
    renderApp('/media/japan-times', [
      {
        request: {
          query: MediaQuery,
          variables: { slug: 'japan-times', page: 1, pageSize: MEDIA_PAGE_SIZE },
        },
        result: {
          data: {
            media: { ...JAPAN_TIMES, articlePage: articlePage(range(1, 3), { pageSize: 20 }) },
          },
        },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'The Japan Times' })).toBeVisible();
    const table = screen.getByRole('table', { name: 'Articles from The Japan Times' });
    expect(within(table).getAllByRole('link', { name: /Headline number/ })).toHaveLength(3);
    expect(screen.getByRole('link', { name: /japan-times\.example/ })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
  });
});
