// Rule changes in brief: stage, effective date and what changes, each linking to its entry on the
// timeline (an article's changes, what is coming up on the front page and on a tag's page).

import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../gql/index.ts';
import { paths } from '../lib/site.ts';
import { PartialDate } from './partial-date.tsx';
import { StageBadge } from './stage-badge.tsx';

export const RuleChangeSummaryFragment = graphql(`
  fragment RuleChangeSummary_ruleChange on RuleChange {
    id
    slug
    statement
    stage
    upcoming
    effective {
      value
      precision
      label
    }
  }
`);

export function RuleChangeSummaryList({
  changes: refs,
}: {
  changes: readonly FragmentType<typeof RuleChangeSummaryFragment>[];
}) {
  const changes = getFragmentData(RuleChangeSummaryFragment, refs);
  return (
    <ul className="change-summaries">
      {changes.map((change) => (
        <li key={change.slug}>
          <p className="change-summary-when">
            <StageBadge stage={change.stage} upcoming={change.upcoming} />{' '}
            <PartialDate date={change.effective} />
          </p>
          <Link className="change-summary-statement" to={paths.ruleChange(change.slug)}>
            {change.statement}
          </Link>
        </li>
      ))}
    </ul>
  );
}
