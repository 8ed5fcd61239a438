// One rule change on the timeline: when it takes effect and how precisely that is known, where it
// stands, what changes, whom and what it concerns, its stages so far and the articles behind them.
// Its id is its slug, which the calendar, the feed and other pages link to.

import { Link } from 'react-router';
import { ArticleLink } from '../../components/article-link.tsx';
import { PartialDate } from '../../components/partial-date.tsx';
import { StageBadge } from '../../components/stage-badge.tsx';
import type { TimelineEntry_RuleChangeFragment } from '../../gql/graphql.ts';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { PRECISION_LABELS, stageLabel } from '../../lib/rule-change-stages.ts';
import { paths } from '../../lib/site.ts';

export const TimelineEntryFragment = graphql(`
  fragment TimelineEntry_ruleChange on RuleChange {
    id
    slug
    statement
    stage
    upcoming
    effective {
      value
      precision
      start
      label
    }
    statuses {
      slug
      name
    }
    tags {
      id
      slug
      name
    }
    history {
      stage
      date {
        value
        precision
        label
      }
    }
    articles {
      id
      ...ArticleLink_article
    }
  }
`);

/** Unmasks the fragment: the timeline groups its entries by their dates before showing them. */
export const readTimelineEntry = (ref: FragmentType<typeof TimelineEntryFragment>) =>
  getFragmentData(TimelineEntryFragment, ref);

export function TimelineEntry({
  change,
  target = false,
}: {
  change: TimelineEntry_RuleChangeFragment;
  /** True when the address points at this entry (#slug). */
  target?: boolean;
}) {
  const historyId = `${change.slug}-history`;
  const articlesId = `${change.slug}-articles`;
  return (
    // Focusable from script only: "Show earlier changes" moves focus to the first new entry.
    <li id={change.slug} className="timeline-entry" data-target={target || undefined} tabIndex={-1}>
      <p className="entry-when">
        <PartialDate date={change.effective} />
        <span className="entry-precision">
          <span className="visually-hidden">, </span>
          {PRECISION_LABELS[change.effective.precision]}
        </span>
      </p>
      <div className="entry-body">
        <p className="entry-stage">
          <StageBadge stage={change.stage} upcoming={change.upcoming} />
        </p>
        <p className="entry-statement">{change.statement}</p>
        {change.statuses.length + change.tags.length > 0 ? (
          <ul className="inline-list entry-topics" aria-label="Concerns">
            {change.statuses.map((status) => (
              <li key={`status-${status.slug}`}>
                <Link className="status-chip" to={paths.timeline({ status: status.slug })}>
                  {status.name}
                </Link>
              </li>
            ))}
            {change.tags.map((tag) => (
              <li key={`tag-${tag.slug}`}>
                <Link className="tag-chip" to={paths.timeline({ tag: tag.slug })}>
                  {tag.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="entry-label" id={historyId}>
          History
        </p>
        <ol className="entry-history" aria-labelledby={historyId}>
          {change.history.map((record, i) => (
            // A stage can recur (a proposal revised), so its position keys it.
            // biome-ignore lint/suspicious/noArrayIndexKey: the history never reorders
            <li key={i}>
              <span className="history-stage">
                {stageLabel(record.stage, change.upcoming && record.stage === 'IN_FORCE')}
              </span>{' '}
              <PartialDate date={record.date} />
            </li>
          ))}
        </ol>
        {change.articles.length > 0 ? (
          <>
            <p className="entry-label" id={articlesId}>
              Reported in
            </p>
            <ul className="entry-articles" aria-labelledby={articlesId}>
              {change.articles.map((article) => (
                <li key={article.id}>
                  <ArticleLink article={article} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </li>
  );
}
