// The feed and search filters live in the URL so a filtered view can be shared:
// ?tags=a&tags=b&match=all&media=x&from=2024-01-01&to=2024-12-31 (commas work too)

import type { ArticleFilter } from '../gql/graphql.ts';
import { isIsoDate } from './format-date.ts';

export interface FilterState {
  tags: string[];
  /** How several tags combine: articles with any of them, or with all of them. */
  match: 'any' | 'all';
  media: string[];
  from: string | null;
  to: string | null;
}

/** What a slug in a URL may look like; anything else is ignored, never sent to the API. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FILTER_KEYS = ['tags', 'match', 'media', 'from', 'to'] as const;
/** The API's limits on one filter (MAX_FILTER_TAGS, MAX_FILTER_MEDIA in the store's limits.ts). */
export const MAX_FILTER_TAGS = 5;
export const MAX_FILTER_MEDIA = 20;

function slugs(params: URLSearchParams, key: string, max: number): string[] {
  const values = params.getAll(key).flatMap((v) => v.split(','));
  return [...new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => SLUG.test(v)))].slice(
    0,
    max,
  );
}

export function readFilters(params: URLSearchParams): FilterState {
  let from = params.get('from');
  let to = params.get('to');
  from = isIsoDate(from) ? from : null;
  to = isIsoDate(to) ? to : null;
  // A range typed backwards is still clearly meant as a range.
  if (from && to && from > to) [from, to] = [to, from];
  return {
    tags: slugs(params, 'tags', MAX_FILTER_TAGS),
    match: params.get('match') === 'all' ? 'all' : 'any',
    media: slugs(params, 'media', MAX_FILTER_MEDIA),
    from,
    to,
  };
}

export function hasFilters(state: FilterState): boolean {
  return state.tags.length > 0 || state.media.length > 0 || !!state.from || !!state.to;
}

/** The filters written into `base` (other parameters such as `q` are kept; `page` is reset). */
export function writeFilters(state: FilterState, base = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of [...FILTER_KEYS, 'page']) next.delete(key);
  for (const tag of state.tags) next.append('tags', tag);
  if (state.tags.length > 1 && state.match === 'all') next.set('match', 'all');
  for (const media of state.media) next.append('media', media);
  if (state.from) next.set('from', state.from);
  if (state.to) next.set('to', state.to);
  return next;
}

/** The GraphQL filter, or undefined when nothing is filtered (one cache entry for "everything"). */
export function toArticleFilter(state: FilterState): ArticleFilter | undefined {
  if (!hasFilters(state)) return undefined;
  const filter: ArticleFilter = {};
  if (state.tags.length > 0) {
    filter.tags = state.match === 'all' ? { allOf: state.tags } : { anyOf: state.tags };
  }
  if (state.media.length > 0) filter.media = state.media;
  if (state.from) filter.releasedFrom = state.from;
  if (state.to) filter.releasedTo = state.to;
  return filter;
}
