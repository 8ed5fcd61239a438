import { NUMBERS_PATH, SERVER_PATHS, SITE_NAME } from '@jin/site';

export { SITE_NAME };

export const SITE_DESCRIPTION =
  "A curated digest of news about Japan's immigration and foreign-resident policy, with original summaries and topical tags.";

export const FEEDS = {
  atom: `${SERVER_PATHS.feeds}/atom.xml`,
  rss: `${SERVER_PATHS.feeds}/rss.xml`,
  tag: (slug: string) => `${SERVER_PATHS.feeds}/tags/${encodeURIComponent(slug)}/atom.xml`,
  timeline: `${SERVER_PATHS.feeds}/timeline/atom.xml`,
};

/** The timeline as iCalendar files, for calendar apps to subscribe to. */
export const CALENDARS = {
  all: `${SERVER_PATHS.calendar}.ics`,
  tag: (slug: string) => `${SERVER_PATHS.calendar}/tags/${encodeURIComponent(slug)}.ics`,
};

export const paths = {
  article: (slug: string) => `/articles/${encodeURIComponent(slug)}`,
  tag: (slug: string) => `/tags/${encodeURIComponent(slug)}`,
  media: (slug: string) => `/media/${encodeURIComponent(slug)}`,
  /** The timeline, filtered by the given query parameters (see features/timeline). */
  timeline: (query: Record<string, string> = {}) => {
    const search = new URLSearchParams(query).toString();
    return search ? `/timeline?${search}` : '/timeline';
  },
  numbers: NUMBERS_PATH,
  series: (slug: string) => `${NUMBERS_PATH}/${encodeURIComponent(slug)}`,
  /** The API guide for developers. */
  developers: '/developers',
  /** One rule change on the timeline: its entry's id is its slug. */
  ruleChange: (slug: string) => `/timeline#${encodeURIComponent(slug)}`,
};
