// The Atom and RSS feeds through a strict XML parser and a feed parser, with hostile data.
// Kept whole: its cases share the hostile fixture archive and the parsers' setup.

import type { Tag } from '@jin/store';
import { openSqliteStore, type SqliteStore } from '@jin/store/sqlite';
import { parseFeed } from '@rowanmanning/feed-parser';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFeed, summaryHtml } from '../src/feeds.ts';

const BASE = 'https://news.example.org';
/** Characters XML 1.0 cannot carry at all; the feeds drop them. */
const CONTROL = '\u0001\u000b\u001f\ufffe';
const HOSTILE = `]]> and ]]> <script>alert(1)</script> &amp; & "dq" 'sq' a < b 🗾😀`;

const hostileTag: Tag = {
  slug: 'hostile',
  name: `Tag ${HOSTILE} t${CONTROL}u`,
  description: `About ${HOSTILE} d${CONTROL}e`,
};
const plainTag: Tag = { slug: 'plain', name: 'Plain', description: 'Plain things.' };
const outlet = `Outlet ${HOSTILE} m${CONTROL}n`;
const clean = (s: string) => s.replaceAll(CONTROL, '');

const articles = [
  {
    slug: 'hostile-one',
    title: `One ${HOSTILE} x${CONTROL}y`,
    releasedOn: '2026-03-02',
    media: { name: outlet },
    summary: `Body ${HOSTILE} s${CONTROL}t\n\n- item <b>bold</b> ]]>`,
    tags: ['hostile'],
  },
  {
    slug: 'hostile-two',
    title: `Two ]]>]]><script>x</script>]]> ${CONTROL}`,
    releasedOn: '2026-03-01',
    media: { name: outlet },
    summary: 'Second </content></entry><entry><title>injected</title> body.',
    tags: ['plain', 'hostile'],
  },
  {
    slug: 'plain-three',
    title: 'A plain third article',
    releasedOn: '2026-02-28',
    media: { name: 'Plain Outlet' },
    summary: 'Nothing special.',
    tags: ['plain'],
  },
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  alwaysCreateTextNode: true,
  // Decodes character references (&#13; and the like) as XML requires.
  htmlEntities: true,
  isArray: (name) => ['entry', 'item', 'category', 'link', 'atom:link', 'author'].includes(name),
});

type Node = Record<string, any>;

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const keepXmlChars = (s: string) =>
  [...s].filter((c) => isXmlChar(c.codePointAt(0) as number)).join('');

/** Strictly parses a feed, checking what the validator does not: characters and references. */
function strictParse(xml: string): Node {
  expect(XMLValidator.validate(xml, { allowBooleanAttributes: false })).toBe(true);
  const bad = [...xml].filter((c) => !isXmlChar(c.codePointAt(0) as number));
  expect(bad).toEqual([]);
  // Only the predefined entities and character references: anything else is undeclared.
  const refs = xml.match(/&[^;]*;?/g) ?? [];
  for (const ref of refs) expect(ref).toMatch(/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/);
  return parser.parse(xml) as Node;
}

const text = (node: Node | undefined) => node?.['#text'] as string;

/** Every element name anywhere in the tree. */
function elementNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) elementNames(n, names);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@_') || key === '#text') continue;
      names.add(key);
      elementNames(value, names);
    }
  }
  return names;
}

/**
 * The feed parser reads all element text as HTML, decoding entity references once more after
 * XML has; a literal "&amp;" in a text title therefore reads back from it as "&".
 */
const asFeedParserReads = (s: string) => s.replaceAll('&amp;', '&');

let store: SqliteStore;
beforeAll(async () => {
  store = openSqliteStore();
  await store.upsertTag(hostileTag);
  await store.upsertTag(plainTag);
  for (const article of articles) await store.upsertArticle(article);
});
afterAll(() => store.close());

const render = async (format: 'atom' | 'rss', tag?: string) =>
  (await renderFeed(store, BASE, { format, tag })) as string;

const cases = [
  { name: 'whole archive', tag: undefined, slugs: ['hostile-one', 'hostile-two', 'plain-three'] },
  { name: 'tag', tag: 'hostile', slugs: ['hostile-one', 'hostile-two'] },
];

const expectedFor = (slug: string) => {
  const a = articles.find((x) => x.slug === slug) as (typeof articles)[number];
  return {
    title: clean(`${a.title.trim()} (${a.media.name})`),
    outlet: clean(a.media.name),
    labels: a.tags.map((t) => clean(t === 'hostile' ? hostileTag.name : plainTag.name)),
    terms: a.tags,
    link: `${BASE}/articles/${slug}`,
    date: new Date(`${a.releasedOn}T00:00:00Z`),
    html: summaryHtml(clean(a.summary)),
  };
};

async function latestUpdate(slugs: string[]): Promise<Date> {
  const stored = await Promise.all(slugs.map((s) => store.getArticleBySlug(s)));
  return new Date(Math.max(...stored.map((a) => Date.parse(a?.updatedAt ?? ''))));
}

describe('feeds with hostile text', () => {
  it('returns null for an unknown tag', async () => {
    expect(await renderFeed(store, BASE, { format: 'atom', tag: 'no-such-tag' })).toBeNull();
    expect(await renderFeed(store, BASE, { format: 'rss', tag: 'no-such-tag' })).toBeNull();
  });

  for (const { name, tag, slugs } of cases) {
    const feedTitle = tag
      ? `${clean(hostileTag.name)} — Japan Immigration News`
      : 'Japan Immigration News';
    const page = tag ? `${BASE}/tags/${tag}` : `${BASE}/`;
    const self = `${BASE}/feeds${tag ? `/tags/${tag}` : ''}`;

    it(`writes a well-formed Atom feed for the ${name} that reads back exactly`, async () => {
      const xml = await render('atom', tag);
      expect(xml).not.toContain('<script');
      const doc = strictParse(xml).feed as Node;
      expect(doc['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(text(doc.title)).toBe(feedTitle);
      expect(doc.title['@_type']).toBe('text');
      expect(text(doc.id)).toBe(page);
      expect(text(doc.updated)).toBe((await latestUpdate(slugs)).toISOString());
      expect(doc.link.map((l: Node) => [l['@_rel'], l['@_href']])).toEqual([
        ['alternate', page],
        ['self', `${self}/atom.xml`],
      ]);
      const names = elementNames(doc);
      expect(names.has('script')).toBe(false);
      expect(names.has('b')).toBe(false);
      expect(doc.entry).toHaveLength(slugs.length);
      for (const [i, slug] of slugs.entries()) {
        const want = expectedFor(slug);
        const entry = doc.entry[i] as Node;
        expect(
          Object.keys(entry)
            .filter((k) => !k.startsWith('@_') && k !== '#text')
            .sort(),
        ).toEqual(['author', 'category', 'content', 'id', 'link', 'title', 'updated']);
        expect(text(entry.title)).toBe(want.title);
        expect(entry.title['@_type']).toBe('text');
        expect(text(entry.id)).toBe(want.link);
        expect(entry.link[0]['@_href']).toBe(want.link);
        expect(entry.link[0]['@_rel']).toBe('alternate');
        expect(text(entry.updated)).toBe(want.date.toISOString());
        expect(entry.author.map((a: Node) => text(a.name))).toEqual([want.outlet]);
        expect(entry.category.map((c: Node) => c['@_label'])).toEqual(want.labels);
        expect(entry.category.map((c: Node) => c['@_term'])).toEqual(want.terms);
        expect(entry.content['@_type']).toBe('html');
        expect(text(entry.content)).toBe(want.html);
      }

      const feed = parseFeed(xml);
      expect(feed.title).toBe(asFeedParserReads(feedTitle));
      expect(feed.url).toBe(page);
      expect(feed.self).toBe(`${self}/atom.xml`);
      expect(feed.items).toHaveLength(slugs.length);
      for (const [i, slug] of slugs.entries()) {
        const want = expectedFor(slug);
        const item = feed.items[i];
        expect(item?.title).toBe(asFeedParserReads(want.title));
        expect(item?.url).toBe(want.link);
        expect(item?.id).toBe(want.link);
        expect(item?.updated?.getTime()).toBe(want.date.getTime());
        expect(item?.authors.map((a) => a.name)).toEqual([asFeedParserReads(want.outlet)]);
        // Attribute values are not decoded a second time: labels read back exactly.
        expect(item?.categories.map((c) => c.label)).toEqual(want.labels);
        expect(item?.categories.map((c) => c.term)).toEqual(want.terms);
      }
    });

    it(`writes a well-formed RSS 2.0 feed for the ${name} that reads back exactly`, async () => {
      const xml = await render('rss', tag);
      expect(xml).not.toContain('<script');
      const root = strictParse(xml).rss as Node;
      expect(root['@_version']).toBe('2.0');
      const channel = root.channel as Node;
      expect(text(channel.title)).toBe(feedTitle);
      expect(channel.link.map(text)).toEqual([page]);
      expect(text(channel.language)).toBe('en');
      expect(text(channel.description)).toBe(
        tag
          ? clean(hostileTag.description)
          : 'News about Japan’s immigration and foreign-resident policy, with original summaries.',
      );
      expect(text(channel.lastBuildDate)).toBe((await latestUpdate(slugs)).toUTCString());
      expect(channel['atom:link'][0]['@_href']).toBe(`${self}/rss.xml`);
      expect(channel['atom:link'][0]['@_rel']).toBe('self');
      expect(elementNames(root).has('script')).toBe(false);
      expect(channel.item).toHaveLength(slugs.length);
      for (const [i, slug] of slugs.entries()) {
        const want = expectedFor(slug);
        const item = channel.item[i] as Node;
        expect(text(item.title)).toBe(want.title);
        expect(item.link.map(text)).toEqual([want.link]);
        expect(text(item.guid)).toBe(want.link);
        expect(item.guid['@_isPermaLink']).toBe('true');
        expect(text(item.pubDate)).toBe(want.date.toUTCString());
        expect(text(item['dc:creator'])).toBe(want.outlet);
        expect(item.category.map((c: Node) => text(c))).toEqual(want.labels);
        expect(text(item.description)).toBe(want.html);
      }

      const feed = parseFeed(xml);
      expect(feed.title).toBe(asFeedParserReads(feedTitle));
      expect(feed.url).toBe(page);
      expect(feed.self).toBe(`${self}/rss.xml`);
      expect(feed.language).toBe('en');
      expect(feed.items).toHaveLength(slugs.length);
      for (const [i, slug] of slugs.entries()) {
        const want = expectedFor(slug);
        const item = feed.items[i];
        expect(item?.title).toBe(asFeedParserReads(want.title));
        expect(item?.url).toBe(want.link);
        expect(item?.published?.getTime()).toBe(want.date.getTime());
        expect(item?.authors.map((a) => a.name)).toEqual([asFeedParserReads(want.outlet)]);
        expect(item?.categories.map((c) => c.label)).toEqual(want.labels.map(asFeedParserReads));
      }
    });
  }

  it('round-trips random titles through Atom and RSS', async () => {
    const special = fc.constantFrom(
      '&',
      '&amp;',
      '&#13;',
      '&nbsp;',
      '<',
      '>',
      ']]>',
      '"',
      "'",
      '\r',
      '\r\n',
      '\t',
      '\n',
      '\u0000',
      '\u0001',
      '\u001f',
      '\u007f',
      '\u0085',
      '\ufffe',
      '\uffff',
      '😀',
    );
    const unit = fc.oneof(special, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const title = fc.string({ unit, minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(title, async (raw) => {
        await store.upsertArticle({
          ...articles[2],
          slug: 'random',
          releasedOn: '2030-01-01',
          title: raw,
        } as (typeof articles)[number]);
        const stored = await store.getArticleBySlug('random');
        const want = keepXmlChars(`${stored?.title} (Plain Outlet)`);
        const atom = strictParse(await render('atom')).feed as Node;
        expect(text(atom.entry[0].title)).toBe(want);
        const rss = strictParse(await render('rss')).rss as Node;
        expect(text(rss.channel.item[0].title)).toBe(want);
      }),
      { numRuns: 200 },
    );
  });
});
