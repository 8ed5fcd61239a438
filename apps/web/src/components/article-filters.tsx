// Filters for a list of articles (tags, outlet, date range), read from and written to the URL.

import { useReadQuery } from '@apollo/client/react';
import { type FormEvent, useId, useLayoutEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { getFragmentData, graphql } from '../gql/index.ts';
import {
  type FilterState,
  hasFilters,
  MAX_FILTER_TAGS,
  readFilters,
  writeFilters,
} from '../lib/article-filters.ts';
import { formatDate } from '../lib/format-date.ts';
import type { ArticleFiltersRef } from './article-filters-query.ts';

export const ArticleFiltersTagsFragment = graphql(`
  fragment ArticleFilters_tags on Tag {
    id
    slug
    name
  }
`);

export const ArticleFiltersMediaFragment = graphql(`
  fragment ArticleFilters_media on Media {
    id
    slug
    name
  }
`);

interface Props {
  /** The tags and outlets on offer, preloaded by the page's loader. */
  options: ArticleFiltersRef;
}

function useOptions(options: ArticleFiltersRef) {
  const { data } = useReadQuery(options);
  return {
    tags: getFragmentData(ArticleFiltersTagsFragment, data.tags),
    media: getFragmentData(ArticleFiltersMediaFragment, data.mediaOutlets),
  };
}

const wideScreen = () =>
  typeof window !== 'undefined' && !!window.matchMedia?.('(min-width: 60em)').matches;

function search(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function ArticleFilters({ options }: Props) {
  const [params, setParams] = useSearchParams();
  const state = readFilters(params);
  const { tags: tagList, media: mediaList } = useOptions(options);
  // Open beside the list on wide screens; on phones the list comes first. The server cannot know
  // the width, so the panel starts closed and opens before the first paint where it is wide.
  const [open, setOpen] = useState(false);
  useLayoutEffect(() => {
    if (wideScreen()) setOpen(true);
  }, []);
  const id = useId();

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' && value ? value : null;
    };
    const next: FilterState = {
      tags: form.getAll('tags').filter((v): v is string => typeof v === 'string'),
      match: text('match') === 'all' ? 'all' : 'any',
      media: text('media') ? [text('media') as string] : [],
      from: text('from'),
      to: text('to'),
    };
    // Normalise through the reader so the URL only ever holds valid values.
    setParams(writeFilters(readFilters(writeFilters(next)), params));
  };

  const cleared = writeFilters({ tags: [], match: 'any', media: [], from: null, to: null }, params);

  return (
    <details className="filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Filter articles
        {hasFilters(state) ? <span className="filter-count"> (active)</span> : null}
      </summary>
      {/* Keyed on the URL so the fields show the filters in effect after back/forward. */}
      <form key={params.toString()} className="filters-form" onSubmit={apply}>
        <fieldset>
          <legend>Tags (up to {MAX_FILTER_TAGS})</legend>
          <ul className="check-list">
            {tagList.map((tag) =>
              tag.slug ? (
                <li key={tag.slug}>
                  <label>
                    <input
                      type="checkbox"
                      name="tags"
                      value={tag.slug}
                      defaultChecked={state.tags.includes(tag.slug)}
                    />{' '}
                    {tag.name}
                  </label>
                </li>
              ) : null,
            )}
          </ul>
        </fieldset>
        <fieldset className="inline-choices">
          <legend>With several tags, show articles that have</legend>
          <label>
            <input type="radio" name="match" value="any" defaultChecked={state.match === 'any'} />{' '}
            any of them
          </label>
          <label>
            <input type="radio" name="match" value="all" defaultChecked={state.match === 'all'} />{' '}
            all of them
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-media`}>Outlet</label>
          <select id={`${id}-media`} name="media" defaultValue={state.media[0] ?? ''}>
            <option value="">All outlets</option>
            {mediaList.map((m) =>
              m.slug ? (
                <option key={m.slug} value={m.slug}>
                  {m.name}
                </option>
              ) : null,
            )}
          </select>
        </div>
        <fieldset className="date-range">
          <legend>Released</legend>
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <input id={`${id}-from`} type="date" name="from" defaultValue={state.from ?? ''} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To</label>
            <input id={`${id}-to`} type="date" name="to" defaultValue={state.to ?? ''} />
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button">
            Apply filters
          </button>
          {hasFilters(state) ? (
            <Link className="button secondary" to={{ search: search(cleared) }}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
    </details>
  );
}

/** The filters in effect, each removable, above the list they narrow. */
export function FilterSummary({ options }: Props) {
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const { tags, media } = useOptions(options);
  const state = readFilters(params);
  if (!hasFilters(state)) return null;
  const tagName = new Map(tags.map((t) => [t.slug, t.name]));
  const mediaName = new Map(media.map((m) => [m.slug, m.name]));
  const without = (change: Partial<FilterState>) => ({
    pathname,
    search: search(writeFilters({ ...state, ...change }, params)),
  });
  const chips: { key: string; label: string; to: ReturnType<typeof without> }[] = [
    ...state.tags.map((slug) => ({
      key: `tag-${slug}`,
      label: tagName.get(slug) ?? slug,
      to: without({ tags: state.tags.filter((t) => t !== slug) }),
    })),
    ...state.media.map((slug) => ({
      key: `media-${slug}`,
      label: mediaName.get(slug) ?? slug,
      to: without({ media: state.media.filter((m) => m !== slug) }),
    })),
  ];
  if (state.from) {
    chips.push({
      key: 'from',
      label: `From ${formatDate(state.from)}`,
      to: without({ from: null }),
    });
  }
  if (state.to) {
    chips.push({ key: 'to', label: `To ${formatDate(state.to)}`, to: without({ to: null }) });
  }
  const clearAll = without({ tags: [], media: [], from: null, to: null });
  return (
    <div className="filter-summary">
      <span className="muted">
        {state.tags.length > 1 ? `Filtered (${state.match} of the tags):` : 'Filtered by:'}
      </span>
      <ul>
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link className="filter-chip" to={chip.to} aria-label={`Remove filter ${chip.label}`}>
              {chip.label} <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link to={clearAll}>Clear all</Link>
    </div>
  );
}
