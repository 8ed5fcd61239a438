// Atom and RSS 2.0 feeds of the newest articles, for the whole archive and for each tag.

import { parseSummary } from '@jin/schema';
import type { Article, ArticleFilter, Store } from '@jin/store';
import { Feed } from 'feed';

const FEED_SIZE = 50;

export interface FeedRequest {
  format: 'atom' | 'rss';
  tag?: string | undefined;
}

export const FEED_TYPES = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
} as const;

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
  const feedPath = `/feeds${request.tag ? `/tags/${request.tag}` : ''}`;
  const feed = new Feed({
    id: `${publicUrl}${path}`,
    title,
    description,
    link: `${publicUrl}${path}`,
    language: 'en',
    copyright: 'Summaries written for Japan Immigration News; headlines belong to their outlets.',
    updated: latestUpdate(articles),
    feedLinks: {
      atom: `${publicUrl}${feedPath}/atom.xml`,
      rss: `${publicUrl}${feedPath}/rss.xml`,
    },
  });
  for (const article of articles) {
    const link = `${publicUrl}/articles/${article.slug}`;
    feed.addItem({
      id: link,
      link,
      title: `${article.title} (${article.media.name})`,
      date: new Date(`${article.releasedOn}T00:00:00Z`),
      description: summaryHtml(article.summary),
      category: article.tags.map((t) => ({ name: t.name, term: t.slug })),
      author: [{ name: article.media.name }],
    });
  }
  return request.format === 'atom' ? feed.atom1() : feed.rss2();
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
