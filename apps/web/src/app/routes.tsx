// The route table. Each page's loader is defined here, outside its lazily loaded code, so the
// page's query starts at navigation while its code is still downloading.

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
              index: true,
              loader: feedLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/feed/feed-route.tsx')).FeedRoute,
              }),
            }),
            page({
              path: 'articles/:slug',
              loader: articleLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/articles/article-route.tsx')).ArticleRoute,
              }),
            }),
            page({
              path: 'tags',
              loader: tagsLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/tags/tags-route.tsx')).TagsRoute,
              }),
            }),
            page({
              path: 'tags/:slug',
              loader: tagLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/tags/tag-route.tsx')).TagRoute,
              }),
            }),
            page({
              path: 'media',
              loader: mediaListLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/media/media-list-route.tsx')).MediaListRoute,
              }),
            }),
            page({
              path: 'media/:slug',
              loader: mediaLoader(preload),
              lazy: async () => ({
                Component: (await import('../features/media/media-route.tsx')).MediaRoute,
              }),
            }),
            page({
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
