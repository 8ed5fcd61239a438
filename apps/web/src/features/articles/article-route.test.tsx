import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  article,
  articlePage,
  range,
  ruleChange,
  STATISTICS,
  VISA_RULES,
} from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import { ArticleQuery } from './article-query.ts';
import { TAG_TABLE_PAGE_SIZE, TagArticlesPageQuery } from './tag-articles-section.tsx';

const blocks = [
  { __typename: 'SummaryParagraph', text: 'The government approved the plan on Friday.' },
  { __typename: 'SummaryHeading', text: 'Key points' },
  { __typename: 'SummaryList', ordered: false, items: ['Caps rise', 'Fees fall'] },
  { __typename: 'SummaryList', ordered: true, items: ['First step', 'Second step'] },
];

const withTables = (a: ReturnType<typeof article>) => ({
  ...a,
  summaryBlocks: blocks,
  tags: [
    { ...STATISTICS, firstPage: articlePage(range(1, 10), { totalCount: 25 }) },
    { ...VISA_RULES, firstPage: articlePage([article(40), article(41)], { totalCount: 2 }) },
  ],
  relatedArticles: [article(41)],
});

const articleMock = (data: unknown, slug = 'article-1') => ({
  request: { query: ArticleQuery, variables: { slug } },
  result: { data: { article: data } },
});

describe('the article page', () => {
  it('shows the facts, the summary as paragraphs, headings and lists, and the source', async () => {
    renderApp('/articles/article-1', [
      articleMock(
        withTables(
          article(1, { headlineVerified: false, dateApproximate: true, releasedOn: '2026-11-28' }),
        ),
      ),
    ]);

    const h1 = await screen.findByRole('heading', { level: 1, name: 'Headline number 1' });
    expect(h1).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('The government approved the plan on Friday.').tagName).toBe('P');
    expect(screen.getByRole('heading', { level: 3, name: 'Key points' })).toBeInTheDocument();
    const [bullets, numbered] = screen
      .getAllByRole('list')
      .filter((l) => l.closest('.summary')) as [HTMLElement, HTMLElement];
    expect(bullets.tagName).toBe('UL');
    expect(
      within(bullets)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Caps rise', 'Fees fall']);
    expect(numbered.tagName).toBe('OL');

    const facts = screen.getByText('Release Date').closest('dl') as HTMLElement;
    expect(within(facts).getByText('28 Nov 2026')).toBeInTheDocument();
    expect(within(facts).getByRole('link', { name: 'The Japan Times' })).toHaveAttribute(
      'href',
      '/media/japan-times',
    );
    expect(within(facts).getByText('2 min')).toBeInTheDocument();
    expect(screen.getByText(/headline could not be confirmed/)).toBeInTheDocument();
    expect(screen.getByText('The release date is approximate.')).toBeInTheDocument();

    const source = screen.getByRole('link', {
      name: /Read the original article at The Japan Times/,
    });
    expect(source).toHaveAttribute('href', 'https://news.example/1');
    expect(source).toHaveAttribute('rel', 'noopener noreferrer');
    expect(source).toHaveAttribute('target', '_blank');
    const related = screen.getByRole('region', { name: 'Related articles' });
    expect(within(related).getByRole('link', { name: 'Headline number 41' })).toHaveAttribute(
      'href',
      '/articles/article-41',
    );
  });

  it('has a table per tag, each paging on its own', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/articles/article-1', [
      articleMock(withTables(article(1))),
      {
        request: {
          query: TagArticlesPageQuery,
          variables: { slug: 'statistics', page: 2, pageSize: TAG_TABLE_PAGE_SIZE },
        },
        result: {
          data: {
            tag: {
              ...STATISTICS,
              articlePage: articlePage(range(11, 20), { page: 2, totalCount: 25 }),
            },
          },
        },
      },
    ]);

    const stats = (await screen.findByRole('table', {
      name: 'News Articles including Statistics',
    })) as HTMLElement;
    const visa = screen.getByRole('table', { name: 'News Articles including Visa Rules' });
    expect(
      within(stats)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Released on', 'Article Title (Media)', 'Tags', 'Save']);
    // The article being read is in its own tag's list, unlinked.
    expect(stats.querySelector('[aria-current="page"]')).toHaveTextContent(
      'Headline number 1 (this article)',
    );
    expect(within(stats).queryByRole('link', { name: 'Headline number 1' })).toBeNull();
    expect(within(stats).getByRole('link', { name: 'Headline number 2' })).toBeInTheDocument();
    expect(within(stats).getAllByRole('link', { name: 'The Japan Times' })).toHaveLength(10);
    expect(within(visa).getAllByRole('row')).toHaveLength(3);

    const pages = screen.getByRole('navigation', {
      name: 'Pages of articles including Statistics',
    });
    expect(within(pages).getByRole('link', { name: 'Page 1' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.queryByRole('navigation', { name: /including Visa Rules/ })).toBeNull();
    await user.click(within(pages).getByRole('link', { name: 'Page 2' }));

    expect(await within(stats).findByRole('link', { name: 'Headline number 11' })).toBeVisible();
    expect(within(stats).queryByRole('link', { name: 'Headline number 2' })).toBeNull();
    expect(router.state.location.search).toBe('?statistics-page=2');
    expect(within(pages).getByRole('link', { name: 'Page 2' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // The other table did not move.
    expect(within(visa).getByRole('link', { name: 'Headline number 40' })).toBeInTheDocument();
  });

  it('names the outlet whose site the link is on when the article was read in a syndicated copy', async () => {
    renderApp('/articles/article-1', [
      articleMock(
        withTables(
          article(1, {
            sourceUrl: 'https://www.nippon.com/en/news/yjj1/',
            readVia: {
              __typename: 'Media',
              id: 'Media:nippon-com',
              slug: 'nippon-com',
              name: 'Nippon.com',
            },
          }),
        ),
      ),
    ]);
    const source = await screen.findByRole('link', {
      name: /Read the article at Nippon.com \(from The Japan Times\)/,
    });
    expect(source).toHaveAttribute('href', 'https://www.nippon.com/en/news/yjj1/');
    expect(screen.queryByRole('link', { name: /Read the original/ })).toBeNull();
  });

  it('renders markup in the data as text and never links unsafe sources', async () => {
    const hostile = withTables(
      article(1, {
        title: '<img src=x onerror=alert(1)>',
        sourceUrl: 'javascript:alert(1)',
      }),
    );
    hostile.summaryBlocks = [
      { __typename: 'SummaryParagraph', text: '<script>alert(1)</script>' },
      { __typename: 'SummaryList', ordered: false, items: ['<img src=x onerror=alert(2)>'] },
    ];
    const { container } = renderApp('/articles/article-1', [articleMock(hostile)]);

    await screen.findByRole('heading', { level: 1, name: '<img src=x onerror=alert(1)>' });
    expect(screen.getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(screen.getByText('<img src=x onerror=alert(2)>')).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.queryByRole('link', { name: /Read the original/ })).toBeNull();
    expect(screen.getByText(/address of the original article is not known/)).toBeInTheDocument();
  });

  it('lists the rule changes it reports and, per story, the articles before and after it', async () => {
    const story = (slug: string, title: string, earlier: number[], later: number[]) => ({
      __typename: 'ArticleStory',
      story: {
        __typename: 'Story',
        id: `Story:${slug}`,
        slug,
        title,
        summary: `Follows ${title.toLowerCase()}.`,
      },
      earlier: earlier.map((n) => article(n)),
      later: later.map((n) => article(n)),
    });
    renderApp('/articles/article-5', [
      articleMock(
        withTables(
          article(5, {
            ruleChanges: [
              ruleChange('caps-raised', 'FY2027', {
                stage: 'CABINET_DECIDED',
                statement: 'The caps on foreign workers rise.',
              }),
              ruleChange('new-status', '2027-04', {
                upcoming: true,
                statement: 'A new status replaces the old one.',
              }),
            ],
            stories: [
              story('trainee-reform', 'The end of the trainee program', [2, 3], [7]),
              story('first-story', 'A story this article starts', [], [8, 9]),
            ],
          }),
        ),
        'article-5',
      ),
    ]);

    const changes = await screen.findByRole('region', { name: 'Rule changes reported here' });
    const items = within(changes).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Decided by the cabinet fiscal 2027 (April 2027 to March 2028)The caps on foreign workers rise.',
      'Takes effect April 2027A new status replaces the old one.',
    ]);
    expect(
      within(changes).getByRole('link', { name: 'A new status replaces the old one.' }),
    ).toHaveAttribute('href', '/timeline#new-status');
    expect(within(items[1] as HTMLElement).getByText('April 2027')).toHaveAttribute(
      'datetime',
      '2027-04',
    );

    const reform = screen.getByRole('region', {
      name: 'The story so far: The end of the trainee program',
    });
    expect(within(reform).getByText('Follows the end of the trainee program.')).toBeInTheDocument();
    const steps = within(reform).getAllByRole('listitem');
    expect(
      steps.map((li) => within(li).queryByRole('link')?.getAttribute('href') ?? li.textContent),
    ).toEqual([
      '/articles/article-2',
      '/articles/article-3',
      'This article',
      '/articles/article-7',
    ]);
    expect(steps[2]).toHaveAttribute('aria-current', 'page');
    const first = screen.getByRole('region', {
      name: 'The story so far: A story this article starts',
    });
    expect(
      within(first)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Headline number 8', 'Headline number 9']);
  });

  it('has no rule-change or story section for an article that is in neither', async () => {
    renderApp('/articles/article-1', [articleMock(withTables(article(1)))]);
    await screen.findByRole('heading', { level: 1, name: 'Headline number 1' });
    expect(screen.queryByRole('region', { name: 'Rule changes reported here' })).toBeNull();
    expect(screen.queryByText('The story so far')).toBeNull();
  });

  it('is a 404 page when no article has the slug', async () => {
    renderApp('/articles/nothing-here', [articleMock(null, 'nothing-here')]);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/There is no article at this address/)).toBeInTheDocument();
  });
});
