// "Coming up": the next three rule changes to take effect, beside the news, with the way to the
// whole timeline. Nothing when none is still to come.

import { useReadQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { RuleChangeSummaryList } from '../../components/rule-change-summary.tsx';
import { paths } from '../../lib/site.ts';
import type { ComingUpRef } from './feed-query.ts';

export function ComingUp({ queryRef }: { queryRef: ComingUpRef }) {
  const { data } = useReadQuery(queryRef);
  const { edges, totalCount } = data.ruleChanges;
  if (edges.length === 0) return null;
  return (
    <aside className="coming-up" aria-labelledby="coming-up-heading">
      <h2 id="coming-up-heading">Coming up</h2>
      <RuleChangeSummaryList changes={edges.map((edge) => edge.node)} />
      <p className="coming-up-more">
        <Link to={paths.timeline()}>
          {totalCount > edges.length
            ? `All ${totalCount} changes still to come, and past ones`
            : 'The timeline of rule changes'}
        </Link>
      </p>
    </aside>
  );
}
