// The Story type: a thread of articles that follow one development, oldest first; and an
// article's place in the stories it belongs to (the articles before and after it).

import type { Story } from '@jin/store';
import { builder } from '../builder.ts';
import { ArticleRef, StoryRef } from './refs.ts';

StoryRef.implement({
  description: 'Articles that follow one development, oldest first.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name.' }),
    title: t.exposeString('title', { description: 'What the story follows, as a short title.' }),
    summary: t.exposeString('summary', {
      description: 'What the story follows, in one sentence written for this site.',
    }),
    articles: t.field({
      type: [ArticleRef],
      description: 'Its articles, oldest first.',
      complexity: { field: 1, multiplier: 10 },
      resolve: (story) => story.articleIds.map(String),
    }),
  }),
});

interface StoryPlace {
  story: Story;
  articleId: number;
}

const StoryPlaceRef = builder.objectRef<StoryPlace>('ArticleStory').implement({
  description: 'An article’s place in a story: the story, and the articles before and after it.',
  fields: (t) => ({
    story: t.field({ type: StoryRef, description: 'The story.', resolve: (p) => p.story }),
    earlier: t.field({
      type: [ArticleRef],
      description: 'The story’s articles before this one, oldest first.',
      complexity: { field: 0, multiplier: 10 },
      resolve: ({ story, articleId }) =>
        story.articleIds.slice(0, story.articleIds.indexOf(articleId)).map(String),
    }),
    later: t.field({
      type: [ArticleRef],
      description: 'The story’s articles after this one, oldest first.',
      complexity: { field: 0, multiplier: 10 },
      resolve: ({ story, articleId }) =>
        story.articleIds.slice(story.articleIds.indexOf(articleId) + 1).map(String),
    }),
  }),
});

builder.objectField(ArticleRef, 'stories', (t) =>
  t.loadableList({
    type: StoryPlaceRef,
    description: 'The stories this article belongs to, each with its earlier and later articles.',
    complexity: { field: 1, multiplier: 5 },
    load: async (ids: number[], ctx) =>
      (await ctx.store.storiesForArticles(ids)).map((stories, i) =>
        stories.map((story) => ({ story, articleId: ids[i] as number })),
      ),
    resolve: (article) => article.id,
  }),
);

builder.queryField('story', (t) =>
  t.field({
    type: StoryRef,
    nullable: true,
    description: 'One story by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The story’s slug.' }) },
    resolve: (_root, args) => args.slug.slice(0, 200),
  }),
);
