// The timeline's filters: topic, status of residence and stage. A plain GET form, so it works
// before the app has loaded or without it; with the app, it navigates within the page and writes
// only the filters that are set into the URL.

import { useReadQuery } from '@apollo/client/react';
import { type FormEvent, useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { STAGES } from '../../lib/rule-change-stages.ts';
import { hasTimelineFilters, readTimelineFilters, timelineSearch } from './timeline-filters.ts';
import type { TimelineOptionsRef } from './timeline-query.ts';

export function TimelineFilters({ options }: { options: TimelineOptionsRef }) {
  const { data } = useReadQuery(options);
  const [params, setParams] = useSearchParams();
  const state = readTimelineFilters(params);
  const id = useId();

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = new URLSearchParams();
    for (const name of ['tag', 'status', 'stage']) {
      const value = form.get(name);
      if (typeof value === 'string' && value) chosen.set(name, value);
    }
    // Read back through the parser so the URL only ever holds valid values.
    setParams(timelineSearch(readTimelineFilters(chosen)));
  };

  return (
    // Keyed on the URL so the fields show the filters in effect after back/forward.
    <form
      key={params.toString()}
      className="timeline-filters"
      action="/timeline"
      method="get"
      aria-label="Filter the timeline"
      onSubmit={apply}
    >
      <div className="field">
        <label htmlFor={`${id}-status`}>Status of residence</label>
        <select id={`${id}-status`} name="status" defaultValue={state.status ?? ''}>
          <option value="">Any status</option>
          {data.residenceStatuses.map((status) => (
            <option key={status.slug} value={status.slug}>
              {status.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tag`}>Topic</label>
        <select id={`${id}-tag`} name="tag" defaultValue={state.tag ?? ''}>
          <option value="">Any topic</option>
          {data.tags.map((tag) => (
            <option key={tag.slug} value={tag.slug}>
              {tag.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-stage`}>Stage</label>
        <select
          id={`${id}-stage`}
          name="stage"
          defaultValue={STAGES.find((s) => s.value === state.stage)?.param ?? ''}
        >
          <option value="">Any stage</option>
          {STAGES.map((stage) => (
            <option key={stage.param} value={stage.param}>
              {stage.label}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          Show changes
        </button>
        {hasTimelineFilters(state) ? (
          <Link className="button secondary" to="/timeline">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
