// Server rendering: the page's queries go to an in-process executor, the HTML carries the
// rendered page, its head and the data it was rendered with.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildManifest, Execute } from '@jin/site';
import { todayInJapan } from '@jin/site';
import { print } from 'graphql';
import type { RouteObject } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createApolloClient } from './app/apollo-client.ts';
import { createRoutes, type PageHandle } from './app/routes.tsx';
import { fillTemplate, pageAssets, renderPage, serializeState } from './entry-server.tsx';
import { TAG_PAGE_SIZE } from './features/tags/tags-query.ts';
import { articlePage, QUARTERS, range, ruleChangeConnection, STATISTICS } from './test/fixtures.ts';

const ORIGIN = 'https://news.example.org';

const WEB_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <title>Japan Immigration News</title>
    <meta
      name="description"
      content="The site."
    />
    <script type="module" src="/assets/app.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

interface Call {
  operationName: string | undefined;
  variables: Record<string, unknown>;
  query: string;
}

function executor(answer: (call: Call) => unknown) {
  const calls: Call[] = [];
  const execute: Execute = async ({ query, variables, operationName }) => {
    const call = { operationName, variables, query: print(query) };
    calls.push(call);
    return answer(call) as Awaited<ReturnType<Execute>>;
  };
  return { calls, execute };
}

/** What a tag page asks for besides the tag: the rule changes on it (none here). */
const noChanges = {
  comingUp: ruleChangeConnection([]),
  ruleChangeCount: { __typename: 'RuleChangeConnection', totalCount: 0 },
};

const tagData = (page: number, description = STATISTICS.description) => ({
  data: {
    ...noChanges,
    tag: {
      ...STATISTICS,
      description,
      articlesPerQuarter: QUARTERS,
      articlePage: articlePage(range(page * 20 - 19, Math.min(page * 20, 45)), {
        page,
        pageSize: TAG_PAGE_SIZE,
        totalCount: 45,
      }),
    },
  },
});

function stateOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/json" id="jin-state">([^<]*)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no state block');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe('renderPage', () => {
  it('renders a tag page with its data, title and description, and sends that data along', async () => {
    const { calls, execute } = executor(() => tagData(2));
    const result = await renderPage({
      url: '/tags/statistics?page=2',
      template: TEMPLATE,
      publicUrl: ORIGIN,
      execute,
    });

    expect(result.kind).toBe('page');
    if (result.kind !== 'page') return;
    expect(result.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.operationName).toBe('TagQuery');
    expect(calls[0]?.variables).toEqual({
      slug: 'statistics',
      page: 2,
      pageSize: TAG_PAGE_SIZE,
      today: todayInJapan(),
    });

    const { html } = result;
    expect(html).toContain('<title>Statistics articles · Japan Immigration News</title>');
    expect(html).toContain('<meta name="description" content="Articles about statistics." />');
    expect(html).toMatch(/<h1[^>]*>Statistics<\/h1>/);
    expect(html).toContain('Headline number 21');
    expect(html).toContain('Headline number 40');
    expect(html).not.toContain('Headline number 41');
    expect(html.replaceAll('<!-- -->', '')).toContain('45 articles · page 2 of 3');
    // The app's own script tag is kept, and the page is inside #root.
    expect(html).toContain('<script type="module" src="/assets/app.js"></script>');
    expect(html.indexOf('<div id="root">')).toBeLessThan(html.indexOf('Headline number 21'));

    const state = stateOf(html);
    // The cache's own keys: typename and id (the fixtures' ids already name their type).
    expect(Object.keys(state)).toContain('Tag:Tag:statistics');
    expect(Object.keys(state)).toContain('Article:Article:21');
    expect(Object.keys(state)).not.toContain('Article:Article:41');
  });

  it('keeps nothing of a rendered page alive: every preloaded query is disposed', async () => {
    // A preloaded query holds itself (and its client and cache) with a 30 s timer.
    const pending = new Map<unknown, number>();
    const set = vi.spyOn(globalThis, 'setTimeout');
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    try {
      const { execute } = executor(() => tagData(2));
      for (let i = 0; i < 3; i++) {
        const result = await renderPage({
          url: `/tags/statistics?page=2&v=${i}`,
          template: TEMPLATE,
          publicUrl: ORIGIN,
          execute,
        });
        expect(result.kind).toBe('page');
      }
      set.mock.calls.forEach(([, delay], i) => {
        if ((delay ?? 0) >= 30_000) pending.set(set.mock.results[i]?.value, delay as number);
      });
      expect(pending.size).toBeGreaterThan(0);
      for (const [id] of clear.mock.calls) pending.delete(id);
      expect([...pending.values()]).toEqual([]);
    } finally {
      set.mockRestore();
      clear.mockRestore();
    }
  });

  it('answers 404 with the not-found page for a slug that matches nothing', async () => {
    const { execute } = executor(() => ({ data: { tag: null, ...noChanges } }));
    const result = await renderPage({
      url: '/tags/nothing',
      template: TEMPLATE,
      publicUrl: ORIGIN,
      execute,
    });
    expect(result.kind).toBe('page');
    if (result.kind !== 'page') return;
    expect(result.status).toBe(404);
    expect(result.html).toContain('<title>Page not found · Japan Immigration News</title>');
    expect(result.html).toMatch(/<h1[^>]*>Page not found<\/h1>/);
  });

  it('answers 404 for an address no route matches, without running a query', async () => {
    const { calls, execute } = executor(() => ({ data: null }));
    const result = await renderPage({
      url: '/no/such/page',
      template: TEMPLATE,
      publicUrl: ORIGIN,
      execute,
    });
    expect(result.kind === 'page' && result.status).toBe(404);
    expect(calls).toHaveLength(0);
  });

  it('falls back to the app shell when the page data has errors or cannot be fetched', async () => {
    const failing = executor(() => ({ errors: [{ message: 'database is locked' }] }));
    const errors = await renderPage({
      url: '/tags',
      template: TEMPLATE,
      publicUrl: ORIGIN,
      execute: failing.execute,
    });
    expect(errors.kind).toBe('shell');

    const down: Execute = async () => {
      throw new Error('no connection');
    };
    const thrown = await renderPage({
      url: '/tags/statistics',
      template: TEMPLATE,
      publicUrl: ORIGIN,
      execute: down,
    });
    expect(thrown.kind).toBe('shell');
    expect(thrown.kind === 'shell' && thrown.reason).toContain('no connection');
  });

  it('puts markup from the data into the page as text only', async () => {
    const hostile = '</script><script>alert(1)</script><!--';
    const { execute } = executor(() => tagData(1, hostile));
    const result = await renderPage({
      url: '/tags/statistics',
      template: TEMPLATE,
      publicUrl: ORIGIN,
      execute,
    });
    if (result.kind !== 'page') throw new Error(`expected a page, got ${result.kind}`);
    // The app's script, the data block and the JSON-LD blocks; none from the data.
    const structured = [
      ...result.html.matchAll(/<script type="application\/ld\+json"[^>]*>([^<]*)<\/script>/g),
    ].map((m) => JSON.parse(m[1] ?? '') as { '@type': string; description?: string });
    expect(structured.map((s) => s['@type'])).toEqual(['CollectionPage', 'BreadcrumbList']);
    expect(structured[0]?.description).toBe(hostile);
    expect(result.html.match(/<script/g)).toHaveLength(2 + structured.length);
    expect(result.html).not.toContain('<script>alert(1)');
    expect(result.html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
    expect(
      (stateOf(result.html)['Tag:Tag:statistics'] as { description: string }).description,
    ).toBe(hostile);
  });
});

describe("preloading a page's own modules", () => {
  const manifest: BuildManifest = {
    'index.html': { file: 'assets/app.js', imports: ['_shared.js'] },
    '_shared.js': { file: 'assets/shared.js' },
    'src/features/tags/tag-route.tsx': {
      file: 'assets/tag-route.js',
      imports: ['_shared.js', '_table.js'],
      css: ['assets/tag-route.css'],
    },
    '_table.js': { file: 'assets/table.js', imports: ['_shared.js'] },
  };

  it('lists the route module and what it imports, except what index.html already loads', () => {
    const template = TEMPLATE.replace(
      '</head>',
      '<link rel="modulepreload" crossorigin href="/assets/shared.js"></head>',
    );
    const assets = pageAssets(manifest, ['src/features/tags/tag-route.tsx'], template);
    expect(assets.modules).toEqual(['/assets/tag-route.js', '/assets/table.js']);
    expect(assets.head).toBe('<link rel="stylesheet" crossorigin href="/assets/tag-route.css">');
    expect(pageAssets(manifest, ['src/unknown.tsx'], template)).toEqual({ head: '', modules: [] });
  });

  it('names them in the page for after its first paint, and links their styles in the head', async () => {
    const { execute } = executor(() => tagData(1));
    const result = await renderPage({
      url: '/tags/statistics',
      template: TEMPLATE,
      publicUrl: ORIGIN,
      execute,
      manifest,
    });
    if (result.kind !== 'page') throw new Error(`expected a page, got ${result.kind}`);
    const head = result.html.slice(0, result.html.indexOf('</head>'));
    // No module is asked for before the page is painted.
    expect(head).not.toContain('modulepreload');
    expect(head).toContain('<link rel="stylesheet" crossorigin href="/assets/tag-route.css">');
    const listed = /<script type="application\/json" id="jin-modules">([^<]*)<\/script>/.exec(
      result.html,
    )?.[1];
    expect(JSON.parse(listed ?? 'null')).toEqual([
      '/assets/tag-route.js',
      '/assets/shared.js',
      '/assets/table.js',
    ]);
  });

  it('names a module that exists for every lazily loaded page', () => {
    const pages: RouteObject[] = [];
    const walk = (routes: RouteObject[]) => {
      for (const route of routes) {
        if (route.lazy) pages.push(route);
        walk(route.children ?? []);
      }
    };
    walk(createRoutes(createApolloClient()));
    expect(pages.length).toBeGreaterThanOrEqual(7);
    for (const route of pages) {
      const chunk = (route.handle as PageHandle | undefined)?.chunk ?? '';
      expect(chunk, `route ${route.id}`).toMatch(/^src\/features\/.+-route\.tsx$/);
      expect(existsSync(join(WEB_DIR, chunk)), chunk).toBe(true);
    }
  });
});

describe('serializeState', () => {
  it('leaves nothing that can end the script element, and parses back to the same value', () => {
    const value = { text: '</script><!-- \u2028 \u2029 <b>&' };
    const json = serializeState(value);
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('fillTemplate', () => {
  it('escapes the title and description, and refuses a template without an empty #root', () => {
    const meta = { title: 'A "quoted" <title>', description: 'x" onload="y', status: 200 };
    const html = fillTemplate(TEMPLATE, meta, '<p>page</p>', '{}');
    expect(html).toContain('<title>A &quot;quoted&quot; &lt;title&gt;</title>');
    expect(html).toContain('<meta name="description" content="x&quot; onload=&quot;y" />');
    expect(html).toContain('<div id="root"><p>page</p></div>');
    expect(() => fillTemplate('<html><body></body></html>', meta, '', '{}')).toThrow(/#root/);
  });
});
