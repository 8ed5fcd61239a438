// What each kind of page's preview image says, from the store. Null when the slug is unknown.

import type { Store } from '@jin/store';
import type { Card } from './card.ts';

export type CardKind = 'articles' | 'tags' | 'outlets';

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-11-28" → "28 Nov 2026", as the site writes dates. */
export const displayDate = (iso: string) => DATE.format(new Date(`${iso}T00:00:00Z`));

const count = (n: number) => `${n} ${n === 1 ? 'article' : 'articles'}`;

export async function cardFor(store: Store, kind: CardKind, slug: string): Promise<Card | null> {
  if (kind === 'articles') {
    const article = await store.getArticleBySlug(slug);
    if (!article) return null;
    const date = displayDate(article.releasedOn);
    return {
      kicker: article.media.name,
      headline: article.title,
      footer: article.dateApproximate ? `Released about ${date}` : `Released ${date}`,
    };
  }
  if (kind === 'tags') {
    const [tag] = await store.getTagsBySlugs([slug]);
    if (!tag) return null;
    return {
      kicker: 'Tag',
      headline: tag.item.name,
      lede: tag.item.description,
      footer: count(tag.articleCount),
    };
  }
  const [outlet] = await store.getMediaBySlugs([slug]);
  if (!outlet) return null;
  const { hits } = await store.listArticles({ filter: { media: [slug] }, first: 1 });
  const newest = hits[0]?.article.releasedOn;
  return {
    kicker: 'Outlet',
    headline: outlet.item.name,
    lede: `News from ${outlet.item.name} recorded in the archive, with original summaries.`,
    footer: newest
      ? `${count(outlet.articleCount)} · newest ${displayDate(newest)}`
      : count(outlet.articleCount),
  };
}

export const SITE_CARD: Card = {
  kicker: 'News digest',
  headline: 'Japan’s immigration and foreign-resident policy, in the news',
  lede: 'A curated digest of articles, with original summaries, topical tags and a timeline of rule changes.',
  footer: 'Summaries · tags · timeline',
};
