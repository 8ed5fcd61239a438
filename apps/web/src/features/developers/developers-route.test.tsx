import { API_EXAMPLES, API_GUIDE, GUIDE_INTRO } from '@jin/site/api-guide';
import { curlCommand } from '@jin/site/api-guide/curl';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render-app.tsx';

describe('the API guide page', () => {
  it('shows every section and every example exactly as the guide holds them', async () => {
    const { container } = renderApp('/developers', []);
    expect(await screen.findByRole('heading', { level: 1, name: 'Use the API' })).toBeVisible();
    const contents = screen.getByRole('navigation', { name: 'On this page' });
    for (const section of API_GUIDE) {
      expect(screen.getByRole('heading', { level: 2, name: section.title })).toHaveAttribute(
        'id',
        section.id,
      );
      expect(within(contents).getByRole('link', { name: section.title })).toHaveAttribute(
        'href',
        `#${section.id}`,
      );
    }
    const shown = (kind: string) =>
      [...container.querySelectorAll(`pre[data-kind="${kind}"]`)].map((pre) => pre.textContent);
    expect(shown('graphql')).toEqual(API_EXAMPLES.map((example) => example.document));
    expect(shown('curl')).toEqual(API_EXAMPLES.map(curlCommand));
    expect(shown('variables')).toEqual(
      API_EXAMPLES.filter((e) => e.variables).map((e) => JSON.stringify(e.variables, null, 2)),
    );
    for (const example of API_EXAMPLES) {
      expect(screen.getByRole('heading', { level: 3, name: example.title })).toHaveAttribute(
        'id',
        example.id,
      );
    }
    // Backticked text is code: the intro names the endpoint.
    expect(GUIDE_INTRO[0]).toContain('`/graphql`');
    expect(
      within(container.querySelector('.lede') as HTMLElement).getByText('/graphql').tagName,
    ).toBe('CODE');
  });

  it('is linked from every page', async () => {
    renderApp('/developers', []);
    await screen.findByRole('heading', { level: 1, name: 'Use the API' });
    expect(screen.getByRole('link', { name: 'API guide' })).toHaveAttribute('href', '/developers');
  });
});
