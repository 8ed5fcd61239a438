// Where a rule change stands, as a small label coloured by stage.

import type { RuleChangeStage } from '../gql/graphql.ts';
import { stageLabel } from '../lib/rule-change-stages.ts';

export function StageBadge({ stage, upcoming }: { stage: RuleChangeStage; upcoming: boolean }) {
  return (
    <span
      className="stage-badge"
      data-stage={upcoming && stage === 'IN_FORCE' ? 'UPCOMING' : stage}
    >
      {stageLabel(stage, upcoming)}
    </span>
  );
}
