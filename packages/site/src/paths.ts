// The server's own paths: everything under them is answered by the API, never by a reader page.
// The API registers its routes under them, and the reader app's dev server proxies them.

export const SERVER_PATHS = {
  graphql: '/graphql',
  explorer: '/graphiql',
  feeds: '/feeds',
  /** `/calendar.ics` and `/calendar/tags/<slug>.ics`. */
  calendar: '/calendar',
  health: '/healthz',
  /** Preview images for shared links: `/og/articles/<slug>.png`, `/og/tags/…`, `/og/outlets/…`. */
  shareImages: '/og',
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
} as const;

/** Prefixes of the API's own routes, in the order the server checks them. */
export const API_PREFIXES: readonly string[] = Object.values(SERVER_PATHS);

/** The statistics pages (`/numbers`, `/numbers/<slug>`), served by the reader app. */
export const NUMBERS_PATH = '/numbers';

/** A series' points as CSV, served by the API beside its page. */
export const seriesCsvPath = (slug: string): string =>
  `${NUMBERS_PATH}/${encodeURIComponent(slug)}.csv`;

/** Where the reader app's built files are served from (Vite's `assets` directory). */
export const ASSETS_PATH = '/assets';

/** The size of every preview image, as social networks show large previews (1.91:1). */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** Addresses of the preview images, by what they show. */
export const shareImagePaths = {
  site: `${SERVER_PATHS.shareImages}/site.png`,
  article: (slug: string) => `${SERVER_PATHS.shareImages}/articles/${encodeURIComponent(slug)}.png`,
  tag: (slug: string) => `${SERVER_PATHS.shareImages}/tags/${encodeURIComponent(slug)}.png`,
  outlet: (slug: string) => `${SERVER_PATHS.shareImages}/outlets/${encodeURIComponent(slug)}.png`,
};
