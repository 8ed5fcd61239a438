// Before a server-rendered page is hydrated, the router must start where the server was: the
// matched routes' code loaded and their loaders' results in hand. The loaders read the cache
// the server sent, so no request goes out.

import { type LoaderFunctionArgs, matchRoutes, type RouteObject } from 'react-router';
import { yieldToBrowser } from '../lib/yield-to-browser.ts';

export async function loadMatchedRoutes(
  routes: RouteObject[],
  location: Location,
): Promise<Record<string, unknown>> {
  const matches = matchRoutes(routes, location) ?? [];
  const request = new Request(location.href);
  const loaderData: Record<string, unknown> = {};
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy === 'function') {
        Object.assign(route, await route.lazy(), { lazy: undefined });
      }
    }),
  );
  // The code and the data are two pieces of work; the browser gets a turn between them.
  await yieldToBrowser();
  await Promise.all(
    matches.map(async ({ route, params }) => {
      if (route.id && typeof route.loader === 'function') {
        const args = { request, params, context: undefined } as unknown as LoaderFunctionArgs;
        loaderData[route.id] = await route.loader(args);
      }
    }),
  );
  return loaderData;
}
