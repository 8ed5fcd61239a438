// The route table. Each page's loader is defined here, outside its lazily loaded code, so the
// page's query starts at navigation while its code is still downloading. Pages have fixed ids:
// a server-rendered page is hydrated with its loader's data under that id.

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
import { Layout } from './layout.tsx';
import { RouteError } from './route-error.tsx';

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
              index: true,
              loader: feedLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/feed/feed-route.tsx')).FeedRoute,
              }),
            }),
            page({
              id: 'article',
              path: 'articles/:slug',
              loader: articleLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/articles/article-route.tsx')).ArticleRoute,
              }),
            }),
            page({
              id: 'tags',
              path: 'tags',
              loader: tagsLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/tags/tags-route.tsx')).TagsRoute,
              }),
            }),
            page({
              id: 'tag',
              path: 'tags/:slug',
              loader: tagLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/tags/tag-route.tsx')).TagRoute,
              }),
            }),
            page({
              id: 'media-list',
              path: 'media',
              loader: mediaListLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/media/media-list-route.tsx')).MediaListRoute,
              }),
            }),
            page({
              id: 'media',
              path: 'media/:slug',
              loader: mediaLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/media/media-route.tsx')).MediaRoute,
              }),
            }),
            page({
              id: 'search',
              path: 'search',
              loader: searchLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/search/search-route.tsx')).SearchRoute,
              }),
            }),
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ];
}
