import { describe, expect, it } from 'vitest';
import { applyHeadTags, HEAD_TAG_MARK, headTags, headTagsHtml } from './head-tags.ts';
import { canonicalPath } from './use-document-meta.ts';

const ORIGIN = 'https://news.example.org';

describe('canonicalPath', () => {
  it('keeps the search words and a page number past the first, and drops filters', () => {
    expect(canonicalPath('/', '?tags=students&media=nhk')).toBe('/');
    expect(canonicalPath('/tags/students', '?page=1')).toBe('/tags/students');
    expect(canonicalPath('/tags/students', '?page=3&x=1')).toBe('/tags/students?page=3');
    expect(canonicalPath('/search', '?tags=a&q=visa+fees')).toBe('/search?q=visa+fees');
  });
});

describe('headTags', () => {
  const article = headTags(
    {
      title: 'A <b>"headline"</b> · Site',
      name: 'A <b>"headline"</b>',
      description: 'About it.',
      status: 200,
      path: '/articles/a',
      share: {
        type: 'article',
        image: '/og/articles/a.png',
        publishedTime: '2026-01-30',
        tags: ['Students', 'Visas'],
        structuredData: [{ '@type': 'WebPage', name: '</script><script>alert(1)</script>' }],
      },
    },
    ORIGIN,
  );

  it('gives an article its canonical address, card, image, date and tags', () => {
    const html = headTagsHtml(article);
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/articles/a" ${HEAD_TAG_MARK} />`);
    expect(html).toContain('property="og:type" content="article"');
    expect(html).toContain(
      'property="og:title" content="A &lt;b&gt;&quot;headline&quot;&lt;/b&gt;"',
    );
    expect(html).toContain(`property="og:image" content="${ORIGIN}/og/articles/a.png"`);
    expect(html).toContain('property="og:image:width" content="1200"');
    expect(html).toContain('property="og:image:height" content="630"');
    expect(html).toContain('property="article:published_time" content="2026-01-30"');
    expect(html.match(/property="article:tag"/g)).toHaveLength(2);
    expect(html).toContain('name="twitter:card" content="summary_large_image"');
  });

  it('writes JSON-LD that cannot end its script element and reads back unchanged', () => {
    const html = headTagsHtml(article);
    const json = /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/.exec(html)?.[1];
    expect(json).not.toContain('<');
    expect(JSON.parse(json ?? '')).toEqual({
      '@type': 'WebPage',
      name: '</script><script>alert(1)</script>',
    });
  });

  it('gives a page that is not found no address of its own and no structured data', () => {
    const tags = headTags(
      { title: 'Page not found', description: 'x', status: 404, path: '/x' },
      ORIGIN,
    );
    const html = headTagsHtml(tags);
    expect(html).not.toContain('canonical');
    expect(html).not.toContain('og:url');
    expect(html).toContain(`content="${ORIGIN}/og/site.png"`);
  });

  it('replaces the previous page’s tags in the document head', () => {
    document.head.innerHTML = '<meta name="description" content="kept" />';
    applyHeadTags(article);
    applyHeadTags(
      headTags({ title: 'Tags', description: 'All tags.', status: 200, path: '/tags' }, ORIGIN),
    );
    expect(document.head.querySelectorAll('link[rel="canonical"]')).toHaveLength(1);
    expect(document.head.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href).toBe(
      `${ORIGIN}/tags`,
    );
    expect(document.head.querySelectorAll('meta[property="article:tag"]')).toHaveLength(0);
    expect(document.head.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(0);
    expect(document.head.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'kept',
    );
  });
});
