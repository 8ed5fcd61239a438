// Atom and RSS 2.0 feeds of the newest articles, for the whole archive and for each tag.

import {
  type Article,
  type ArticleFilter,
  parseSummary,
  partialDateLabel,
  type RuleChange,
  STAGE_LABELS,
  type Store,
} from '@jin/store';
import { create } from 'xmlbuilder2';
import { stageArticles } from './calendar.ts';

const FEED_SIZE = 50;
const ATOM_NS = 'http://www.w3.org/2005/Atom';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const RIGHTS = 'Summaries written for Japan Immigration News; headlines belong to their outlets.';

export interface FeedRequest {
  format: 'atom' | 'rss';
  tag?: string | undefined;
}

export const FEED_TYPES = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
} as const;

interface FeedDocument {
  title: string;
  description: string;
  /** The page the feed follows. */
  link: string;
  /** The feed itself, without the format's file name. */
  feedBase: string;
  updated: Date;
  articles: Article[];
  articleLink: (article: Article) => string;
}

/** Returns the feed document, or null when the tag does not exist. */
export async function renderFeed(
  store: Store,
  publicUrl: string,
  request: FeedRequest,
): Promise<string | null> {
  let title = 'Japan Immigration News';
  let description =
    'News about Japan’s immigration and foreign-resident policy, with original summaries.';
  let filter: ArticleFilter = {};
  let path = '/';
  if (request.tag) {
    const [tag] = await store.getTagsBySlugs([request.tag]);
    if (!tag) return null;
    title = `${tag.item.name} — Japan Immigration News`;
    description = tag.item.description;
    filter = { tags: { allOf: [tag.item.slug] } };
    path = `/tags/${tag.item.slug}`;
  }
  const { hits } = await store.listArticles({ filter, first: FEED_SIZE });
  const articles = hits.map((h) => h.article);
  const doc: FeedDocument = {
    title,
    description,
    link: `${publicUrl}${path}`,
    feedBase: `${publicUrl}/feeds${request.tag ? `/tags/${request.tag}` : ''}`,
    updated: latestUpdate(articles),
    articles,
    articleLink: (article) => `${publicUrl}/articles/${article.slug}`,
  };
  return request.format === 'atom' ? atom(doc) : rss(doc);
}

// XML 1.0 has no way to carry characters outside its Char production, so they are dropped here.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Every text and attribute value goes through here. The writer takes `&name;` and `&#n;` in a
 * value for references already escaped and leaves them be, so every `&` is escaped first and
 * "&amp;" in a title reads back as written. Parsers turn a raw CR into LF, and tab, LF and CR
 * in an attribute into spaces; as character references they read back unchanged.
 */
function xmlValue(value: string, attribute = false): string {
  const text = value.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/\r/g, '&#13;');
  return attribute ? text.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;') : text;
}

type Node = ReturnType<typeof create>;

const attrs = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, xmlValue(v, true)]));

const element = (parent: Node, name: string, text: string, attributes = {}) =>
  parent.ele(name, attrs(attributes)).txt(xmlValue(text));

const entryTitle = (article: Article) => `${article.title} (${article.media.name})`;

const releaseDate = (article: Article) => new Date(`${article.releasedOn}T00:00:00Z`);

function atom(doc: FeedDocument): string {
  const feed = create({ version: '1.0', encoding: 'utf-8' }).ele(ATOM_NS, 'feed');
  element(feed, 'id', doc.link);
  element(feed, 'title', doc.title, { type: 'text' });
  element(feed, 'subtitle', doc.description, { type: 'text' });
  element(feed, 'updated', doc.updated.toISOString());
  feed.ele('link', attrs({ rel: 'alternate', type: 'text/html', href: doc.link }));
  feed.ele(
    'link',
    attrs({ rel: 'self', type: 'application/atom+xml', href: `${doc.feedBase}/atom.xml` }),
  );
  element(feed, 'rights', RIGHTS, { type: 'text' });
  for (const article of doc.articles) {
    const link = doc.articleLink(article);
    const entry = feed.ele('entry');
    element(entry, 'id', link);
    element(entry, 'title', entryTitle(article), { type: 'text' });
    entry.ele('link', attrs({ rel: 'alternate', type: 'text/html', href: link }));
    element(entry, 'updated', releaseDate(article).toISOString());
    element(entry.ele('author'), 'name', article.media.name);
    for (const tag of article.tags)
      entry.ele('category', attrs({ term: tag.slug, label: tag.name }));
    element(entry, 'content', summaryHtml(article.summary), { type: 'html' });
  }
  return feed.end({ prettyPrint: true });
}

function rss(doc: FeedDocument): string {
  const root = create({ version: '1.0', encoding: 'utf-8' }).ele('rss', {
    version: '2.0',
    'xmlns:atom': ATOM_NS,
    'xmlns:dc': DC_NS,
  });
  const channel = root.ele('channel');
  element(channel, 'title', doc.title);
  element(channel, 'link', doc.link);
  element(channel, 'description', doc.description);
  element(channel, 'language', 'en');
  element(channel, 'copyright', RIGHTS);
  element(channel, 'lastBuildDate', doc.updated.toUTCString());
  channel.ele(
    ATOM_NS,
    'atom:link',
    attrs({ href: `${doc.feedBase}/rss.xml`, rel: 'self', type: 'application/rss+xml' }),
  );
  for (const article of doc.articles) {
    const link = doc.articleLink(article);
    const item = channel.ele('item');
    element(item, 'title', entryTitle(article));
    element(item, 'link', link);
    element(item, 'guid', link, { isPermaLink: 'true' });
    element(item, 'pubDate', releaseDate(article).toUTCString());
    // RSS's own <author> must be an e-mail address; the outlet is a name.
    item.ele(DC_NS, 'dc:creator').txt(xmlValue(article.media.name));
    element(item, 'description', summaryHtml(article.summary));
    for (const tag of article.tags) element(item, 'category', tag.name);
  }
  return root.end({ prettyPrint: true });
}

function latestUpdate(articles: Article[]): Date {
  return new Date(Math.max(0, ...articles.map((a) => Date.parse(a.updatedAt))));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The summary as HTML built only from escaped text, so feed readers show markup as text. */
export function summaryHtml(summary: string): string {
  return parseSummary(summary)
    .map((block) => {
      if (block.kind === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`;
      if (block.kind === 'heading') return `<p><strong>${escapeHtml(block.text)}</strong></p>`;
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}

/**
 * The timeline as an Atom feed: an entry per stage of each rule change, newest report first. An
 * entry's id holds the stage's date, so a stage that moves comes back as a new entry.
 */
export async function renderTimelineFeed(
  store: Store,
  publicUrl: string,
  changes: readonly RuleChange[],
): Promise<string> {
  const articlesOf = await stageArticles(store, changes);
  const entries = changes.flatMap((change) =>
    change.history.map((stage) => {
      const reported = articlesOf(stage);
      const newest =
        reported
          .map((a) => a.releasedOn)
          .sort()
          .at(-1) ?? stage.date.start;
      return { change, stage, reported, updated: new Date(`${newest}T00:00:00Z`) };
    }),
  );
  entries.sort((a, b) => b.updated.getTime() - a.updated.getTime());
  const link = `${publicUrl}/timeline`;
  const feed = create({ version: '1.0', encoding: 'utf-8' }).ele(ATOM_NS, 'feed');
  element(feed, 'id', link);
  element(feed, 'title', 'What changes when — Japan Immigration News', { type: 'text' });
  element(
    feed,
    'subtitle',
    'Rule changes on immigration and foreign residents in Japan, each stage as it is reported.',
    { type: 'text' },
  );
  element(feed, 'updated', (entries[0]?.updated ?? new Date(0)).toISOString());
  feed.ele('link', attrs({ rel: 'alternate', type: 'text/html', href: link }));
  feed.ele(
    'link',
    attrs({
      rel: 'self',
      type: 'application/atom+xml',
      href: `${publicUrl}/feeds/timeline/atom.xml`,
    }),
  );
  element(feed, 'rights', RIGHTS, { type: 'text' });
  for (const { change, stage, reported, updated } of entries) {
    const entry = feed.ele('entry');
    element(entry, 'id', `${publicUrl}/timeline#${change.slug}/${stage.stage}/${stage.date.value}`);
    element(
      entry,
      'title',
      `${STAGE_LABELS[stage.stage]}, ${partialDateLabel(stage.date)}: ${change.statement}`,
      { type: 'text' },
    );
    entry.ele(
      'link',
      attrs({ rel: 'alternate', type: 'text/html', href: `${link}#${change.slug}` }),
    );
    element(entry, 'updated', updated.toISOString());
    element(entry.ele('author'), 'name', 'Japan Immigration News');
    for (const tag of change.tags) entry.ele('category', attrs({ term: tag }));
    const sources = reported
      .map(
        (a) =>
          `<li><a href="${escapeHtml(`${publicUrl}/articles/${a.slug}`)}">${escapeHtml(a.title)}</a> (${escapeHtml(a.media.name)}, ${a.releasedOn})</li>`,
      )
      .join('');
    element(
      entry,
      'content',
      `<p>${escapeHtml(change.statement)}</p><p>${escapeHtml(STAGE_LABELS[stage.stage])}: ${escapeHtml(partialDateLabel(stage.date))}.</p><ul>${sources}</ul>`,
      { type: 'html' },
    );
  }
  return feed.end({ prettyPrint: true });
}
