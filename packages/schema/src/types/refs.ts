// Object refs shared across type files, each loaded in batches through a per-request dataloader.

import type { Article, Media, RuleChange, Series, Story, Tag } from '@jin/store';
import { builder } from '../builder.ts';

export type TagShape = Tag & { articleCount?: number };
export type MediaShape = Media & { articleCount?: number };

export const ArticleRef = builder.loadableNodeRef('Article', {
  id: { resolve: (article: Article) => article.id },
  load: (ids: string[], ctx) => ctx.store.getArticlesByIds(ids.map(Number)),
  sort: (article) => String(article.id),
});

export const TagRef = builder.loadableNodeRef('Tag', {
  id: { resolve: (tag: TagShape) => tag.slug },
  load: async (slugs: string[], ctx) =>
    (await ctx.store.getTagsBySlugs(slugs)).map((t) =>
      t ? { ...t.item, articleCount: t.articleCount } : null,
    ),
  sort: (tag) => tag.slug,
});

export const MediaRef = builder.loadableNodeRef('Media', {
  id: { resolve: (media: MediaShape) => media.slug },
  load: async (slugs: string[], ctx) =>
    (await ctx.store.getMediaBySlugs(slugs)).map((m) =>
      m ? { ...m.item, articleCount: m.articleCount } : null,
    ),
  sort: (media) => media.slug,
});

export const RuleChangeRef = builder.loadableNodeRef('RuleChange', {
  id: { resolve: (change: RuleChange) => change.slug },
  load: (slugs: string[], ctx) => ctx.store.getRuleChangesBySlugs(slugs),
  sort: (change) => change.slug,
});

export const StoryRef = builder.loadableNodeRef('Story', {
  id: { resolve: (story: Story) => story.slug },
  load: (slugs: string[], ctx) => ctx.store.getStoriesBySlugs(slugs),
  sort: (story) => story.slug,
});

export const SeriesRef = builder.loadableNodeRef('Series', {
  id: { resolve: (series: Series) => series.slug },
  load: (slugs: string[], ctx) => ctx.store.getSeriesBySlugs(slugs),
  sort: (series) => series.slug,
});
