// How a rule change's stage and the precision of its dates read on the page, and how a stage is
// written in an address (?stage=in-force).

import type { DatePrecision, RuleChangeStage } from '../gql/graphql.ts';

export interface StageInfo {
  value: RuleChangeStage;
  /** As written in the URL. */
  param: string;
  label: string;
}

/** In the order a change moves through them. */
export const STAGES: readonly StageInfo[] = [
  { value: 'PROPOSED', param: 'proposed', label: 'Proposed' },
  { value: 'CABINET_DECIDED', param: 'cabinet-decided', label: 'Decided by the cabinet' },
  { value: 'ENACTED', param: 'enacted', label: 'Enacted by the Diet' },
  { value: 'IN_FORCE', param: 'in-force', label: 'In force' },
  { value: 'WITHDRAWN', param: 'withdrawn', label: 'Withdrawn' },
];

const BY_VALUE = new Map(STAGES.map((s) => [s.value, s]));

/** The stage as a reader says it; a change that comes into force on a later date "takes effect". */
export function stageLabel(stage: RuleChangeStage, upcoming = false): string {
  if (stage === 'IN_FORCE' && upcoming) return 'Takes effect';
  return BY_VALUE.get(stage)?.label ?? stage;
}

/** How precisely a date is known, for the note beside it. */
export const PRECISION_LABELS: Record<DatePrecision, string> = {
  DAY: 'exact date',
  MONTH: 'month only',
  FISCAL_YEAR: 'fiscal year, April to March',
  YEAR: 'year only',
};
