// The timeline's filters live in the URL, so a filtered timeline can be shared and works without
// JavaScript (a plain GET form): ?tag=visa-rules&status=student&stage=in-force. Empty values, as a
// form sends them, mean "any".

import type { RuleChangeFilter, RuleChangeStage } from '../../gql/graphql.ts';
import { SLUG } from '../../lib/article-filters.ts';
import { STAGES } from '../../lib/rule-change-stages.ts';

export interface TimelineFilterState {
  tag: string | null;
  status: string | null;
  stage: RuleChangeStage | null;
}

export const NO_FILTERS: TimelineFilterState = { tag: null, status: null, stage: null };

function slug(params: URLSearchParams, key: string): string | null {
  const value = params.get(key)?.trim().toLowerCase() ?? '';
  return SLUG.test(value) ? value : null;
}

export function readTimelineFilters(params: URLSearchParams): TimelineFilterState {
  const stage = params.get('stage')?.trim().toLowerCase();
  return {
    tag: slug(params, 'tag'),
    status: slug(params, 'status'),
    stage: STAGES.find((s) => s.param === stage)?.value ?? null,
  };
}

export function hasTimelineFilters(state: TimelineFilterState): boolean {
  return !!(state.tag || state.status || state.stage);
}

/** The query string for these filters, with only the ones set ("" when none is). */
export function timelineSearch(state: TimelineFilterState): string {
  const params = new URLSearchParams();
  if (state.tag) params.set('tag', state.tag);
  if (state.status) params.set('status', state.status);
  const stage = STAGES.find((s) => s.value === state.stage);
  if (stage) params.set('stage', stage.param);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The GraphQL filter for these choices, without the date bounds each list adds. */
export function toRuleChangeFilter(state: TimelineFilterState): RuleChangeFilter {
  const filter: RuleChangeFilter = {};
  if (state.tag) filter.tags = [state.tag];
  if (state.status) filter.statuses = [state.status];
  if (state.stage) filter.stages = [state.stage];
  return filter;
}
