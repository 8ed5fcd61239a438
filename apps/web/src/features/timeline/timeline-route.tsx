// "What changes when": the rule changes still to come, soonest first, then a marker for today,
// then the changes already made, latest first; each list grouped by the month the changes take
// effect, filterable by topic, status of residence and stage, with calendar and feed links.

import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Link, useLoaderData, useLocation, useSearchParams } from 'react-router';
import { HydrateApart } from '../../components/hydrate-apart.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import type { TimelineEntry_RuleChangeFragment } from '../../gql/graphql.ts';
import { formatDate } from '../../lib/format-date.ts';
import { stageLabel } from '../../lib/rule-change-stages.ts';
import { CALENDARS, FEEDS } from '../../lib/site.ts';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';
import { readTimelineEntry, TimelineEntry } from './timeline-entry.tsx';
import { readTimelineFilters, type TimelineFilterState } from './timeline-filters.ts';
import { TimelineFilters } from './timeline-filters-form.tsx';
import { groupByPeriod } from './timeline-groups.ts';
import type { PastRef, TimelineData, TimelineOptionsRef, UpcomingRef } from './timeline-query.ts';

const NOUN = ['change', 'changes'] as const;

/** The filters in words: "for Student, about Visa Rules, at the stage “Enacted by the Diet”". */
function useFilterWords(options: TimelineOptionsRef, state: TimelineFilterState) {
  const { data } = useReadQuery(options);
  const tagName = data.tags.find((t) => t.slug === state.tag)?.name ?? state.tag;
  const statusName =
    data.residenceStatuses.find((s) => s.slug === state.status)?.name ?? state.status;
  const parts = [
    statusName ? `for ${statusName}` : null,
    tagName ? `about ${tagName}` : null,
    state.stage ? `at the stage “${stageLabel(state.stage)}”` : null,
  ].filter((part): part is string => !!part);
  return { words: parts.join(', '), tagName };
}

/**
 * The entry the address points at (#slug), known only in the browser: set after the first render
 * so that a hydrated page matches the server's, which never sees the fragment.
 */
function useTargetSlug(): string {
  const { hash } = useLocation();
  const [target, setTarget] = useState('');
  useEffect(() => setTarget(decodeURIComponent(hash.slice(1))), [hash]);
  return target;
}

interface SectionProps {
  id: string;
  heading: string;
  order: string;
  empty: string;
  changes: TimelineEntry_RuleChangeFragment[];
  total: number;
  hasMore: boolean;
  /** Loads the next page of this list; resolves once it is in. */
  loadMore: () => Promise<unknown>;
  target: string;
}

function TimelineSection({
  id,
  heading,
  order,
  empty,
  changes,
  total,
  hasMore,
  loadMore,
  target,
}: SectionProps) {
  const [pending, startTransition] = useTransition();
  const list = useRef<HTMLDivElement>(null);
  const focusFrom = useRef<number | null>(null);
  const seeking = useRef(false);
  const shown = changes.length;

  const more = (focus: boolean) => {
    if (pending) return;
    focusFrom.current = focus ? shown : null;
    startTransition(async () => {
      await loadMore();
    });
  };

  // Keyboard users continue from the first entry the button brought in.
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || shown <= from) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLElement>('.timeline-entry')[from]?.focus();
  }, [shown]);

  // A link to an entry beyond the first page (from the calendar, the feed or an article) loads
  // earlier pages until the entry is on the page, then brings it into view.
  useEffect(() => {
    if (!target || pending) return;
    const entry = document.getElementById(target);
    if (entry) {
      if (seeking.current) entry.scrollIntoView({ block: 'start' });
      seeking.current = false;
    } else if (hasMore && id === 'past') {
      seeking.current = true;
      more(false);
    }
  });

  const groups = groupByPeriod(changes);
  return (
    <section className="timeline-section" aria-labelledby={`${id}-heading`}>
      <div className="section-head">
        <h2 id={`${id}-heading`}>{heading}</h2>
        {shown > 0 ? <p className="muted">{order}</p> : null}
      </div>
      {shown === 0 ? (
        <p className="empty-state">{empty}</p>
      ) : (
        <div ref={list}>
          {groups.map((group) => (
            <section
              key={group.key}
              className="timeline-month"
              aria-labelledby={`${id}-${group.key}`}
            >
              <h3 id={`${id}-${group.key}`} className="month-heading">
                {group.heading}
              </h3>
              <HydrateApart>
                <ol className="timeline-list">
                  {group.items.map((change) => (
                    <TimelineEntry
                      key={change.slug}
                      change={change}
                      target={change.slug === target}
                    />
                  ))}
                </ol>
              </HydrateApart>
            </section>
          ))}
        </div>
      )}
      {hasMore ? (
        <LoadMore
          shown={shown}
          total={total}
          hasMore={hasMore}
          pending={pending}
          onLoadMore={() => more(true)}
          noun={NOUN}
          label={id === 'past' ? 'Show earlier changes' : 'Show later changes'}
        />
      ) : null}
    </section>
  );
}

function UpcomingChanges({ queryRef, target }: { queryRef: UpcomingRef; target: string }) {
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const { data } = useReadQuery(queryRef);
  const { edges, pageInfo, totalCount } = data.ruleChanges;
  return (
    <TimelineSection
      id="upcoming"
      heading="Coming up"
      order="Soonest first"
      empty="No changes still to come match these filters."
      changes={edges.map((edge) => readTimelineEntry(edge.node))}
      total={totalCount}
      hasMore={pageInfo.hasNextPage}
      loadMore={() => fetchMore({ variables: { after: pageInfo.endCursor } })}
      target={target}
    />
  );
}

function PastChanges({ queryRef, target }: { queryRef: PastRef; target: string }) {
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const { data } = useReadQuery(queryRef);
  const { edges, pageInfo } = data.ruleChanges;
  // The list runs up to yesterday; a change whose date is a period that has begun but not ended
  // ("fiscal 2026") is still to come, and is listed there.
  const changes = edges
    .map((edge) => readTimelineEntry(edge.node))
    .filter((change) => !change.upcoming)
    .reverse();
  const skipped = edges.length - changes.length;
  return (
    <TimelineSection
      id="past"
      heading="Before today"
      order="Latest first"
      empty="No earlier changes match these filters."
      changes={changes}
      total={data.ruleChanges.totalCount - skipped}
      hasMore={pageInfo.hasPreviousPage}
      loadMore={() => fetchMore({ variables: { before: pageInfo.startCursor } })}
      target={target}
    />
  );
}

export function TimelineRoute() {
  const { upcoming, past, options, today } = useLoaderData() as TimelineData;
  const [params] = useSearchParams();
  const state = readTimelineFilters(params);
  const { words, tagName } = useFilterWords(options, state);
  const target = useTargetSlug();
  useDocumentMeta(
    words ? `What changes when, ${words}` : 'What changes when',
    'Changes to the rules on immigration and foreign residents in Japan, by the date they take effect: what is coming, then what has changed, with the news that reported each step.',
  );

  return (
    <div className="page with-sidebar timeline-page">
      <div className="page-head">
        <h1>What changes when</h1>
        <p className="lede">
          Changes to Japan&rsquo;s immigration and residence rules by the date they take effect:
          first what is still to come, then what has already changed, each with its steps so far and
          the news that reported them.
        </p>
        <ul className="head-links" aria-label="Subscribe">
          <li>
            <a href={CALENDARS.all} type="text/calendar">
              Calendar of all changes (.ics)
            </a>
          </li>
          {state.tag ? (
            <li>
              <a href={CALENDARS.tag(state.tag)} type="text/calendar">
                Calendar of changes about {tagName} (.ics)
              </a>
            </li>
          ) : null}
          <li>
            <a href={FEEDS.timeline} type="application/atom+xml">
              Atom feed of the timeline
            </a>
          </li>
        </ul>
      </div>
      <aside className="sidebar" aria-label="Filters">
        <TimelineFilters options={options} />
      </aside>
      <div className="main-column">
        {words ? (
          <p className="filter-note">
            Showing changes {words}. <Link to="/timeline">Show all changes</Link>
          </p>
        ) : null}
        <UpcomingChanges queryRef={upcoming} target={target} />
        <p className="today-marker" id="today">
          <span className="today-label">
            Today <time dateTime={today}>{formatDate(today)}</time>
          </span>
        </p>
        <PastChanges queryRef={past} target={target} />
      </div>
    </div>
  );
}
