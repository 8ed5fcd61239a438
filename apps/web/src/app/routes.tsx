// The route table. Each page's loader is defined here, outside its lazily loaded code, so the
// page's query starts at navigation while its code is still downloading. Pages have fixed ids:
// a server-rendered page is hydrated with its loader's data under that id. Each page's handle
// names its lazily loaded module, so a server-rendered page can name it for the browser to fetch
// along with the app's code.

import type { ApolloClient } from '@apollo/client';
import { createQueryPreloader } from '@apollo/client/react';
import type { RouteObject } from 'react-router';
import { NotFound } from '../components/not-found.tsx';
import { PageSkeleton } from '../components/skeleton.tsx';
import { articleLoader } from '../features/articles/article-query.ts';
import { feedLoader } from '../features/feed/feed-query.ts';
import { mediaListLoader, mediaLoader } from '../features/media/media-query.ts';
import { searchLoader } from '../features/search/search-query.ts';
import { tagLoader, tagsLoader } from '../features/tags/tags-query.ts';
import { timelineLoader } from '../features/timeline/timeline-query.ts';
import { Layout } from './layout.tsx';
import { RouteError } from './route-error.tsx';

/** What a page route's `handle` holds. */
export interface PageHandle {
  /** The page's lazily loaded module, as the build manifest names it. */
  chunk: string;
}

export function createRoutes(client: ApolloClient): RouteObject[] {
  const preload = createQueryPreloader(client);
  const page = (route: RouteObject): RouteObject => ({ HydrateFallback: PageSkeleton, ...route });
  return [
    {
      Component: Layout,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            page({
              id: 'feed',
              handle: { chunk: 'src/features/feed/feed-route.tsx' },
              index: true,
              loader: feedLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/feed/feed-route.tsx')).FeedRoute,
              }),
            }),
            page({
              id: 'article',
              handle: { chunk: 'src/features/articles/article-route.tsx' },
              path: 'articles/:slug',
              loader: articleLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/articles/article-route.tsx')).ArticleRoute,
              }),
            }),
            page({
              id: 'timeline',
              handle: { chunk: 'src/features/timeline/timeline-route.tsx' },
              path: 'timeline',
              loader: timelineLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/timeline/timeline-route.tsx')).TimelineRoute,
              }),
            }),
            page({
              id: 'numbers',
              handle: { chunk: 'src/features/numbers/numbers-route.tsx' },
              path: 'numbers',
              // The statistics' queries load with their page: the feed's code stays as it was.
              loader: async (args) =>
                (await import('../features/numbers/numbers-query.ts')).numbersLoader(preload)(args),
              lazy: async () => ({
                Component: (await import('../features/numbers/numbers-route.tsx')).NumbersRoute,
              }),
            }),
            page({
              id: 'series',
              handle: { chunk: 'src/features/numbers/series-route.tsx' },
              path: 'numbers/:series',
              loader: async (args) =>
                (await import('../features/numbers/numbers-query.ts')).seriesLoader(preload)(args),
              lazy: async () => ({
                Component: (await import('../features/numbers/series-route.tsx')).SeriesRoute,
              }),
            }),
            page({
              id: 'tags',
              handle: { chunk: 'src/features/tags/tags-route.tsx' },
              path: 'tags',
              loader: tagsLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/tags/tags-route.tsx')).TagsRoute,
              }),
            }),
            page({
              id: 'tag',
              handle: { chunk: 'src/features/tags/tag-route.tsx' },
              path: 'tags/:slug',
              loader: tagLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/tags/tag-route.tsx')).TagRoute,
              }),
            }),
            page({
              id: 'media-list',
              handle: { chunk: 'src/features/media/media-list-route.tsx' },
              path: 'media',
              loader: mediaListLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/media/media-list-route.tsx')).MediaListRoute,
              }),
            }),
            page({
              id: 'media',
              handle: { chunk: 'src/features/media/media-route.tsx' },
              path: 'media/:slug',
              loader: mediaLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/media/media-route.tsx')).MediaRoute,
              }),
            }),
            page({
              id: 'developers',
              handle: { chunk: 'src/features/developers/developers-route.tsx' },
              path: 'developers',
              lazy: async () => ({
                Component: (await import('../features/developers/developers-route.tsx'))
                  .DevelopersRoute,
              }),
            }),
            page({
              id: 'search',
              handle: { chunk: 'src/features/search/search-route.tsx' },
              path: 'search',
              loader: searchLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/search/search-route.tsx')).SearchRoute,
              }),
            }),
            page({
              id: 'saved',
              handle: { chunk: 'src/features/saved/saved-route.tsx' },
              path: 'saved',
              lazy: async () => ({
                Component: (await import('../features/saved/saved-route.tsx')).SavedRoute,
              }),
            }),
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ];
}
