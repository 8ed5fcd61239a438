export const SITE_NAME = 'Japan Immigration News';

export const SITE_DESCRIPTION =
  "A curated digest of news about Japan's immigration and foreign-resident policy, with original summaries and topical tags.";

export const FEEDS = {
  atom: '/feeds/atom.xml',
  rss: '/feeds/rss.xml',
  tag: (slug: string) => `/feeds/tags/${encodeURIComponent(slug)}/atom.xml`,
};

export const paths = {
  article: (slug: string) => `/articles/${encodeURIComponent(slug)}`,
  tag: (slug: string) => `/tags/${encodeURIComponent(slug)}`,
  media: (slug: string) => `/media/${encodeURIComponent(slug)}`,
};
