import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  readTimelineFilters,
  timelineSearch,
  toRuleChangeFilter,
} from './timeline-filters.ts';

const read = (search: string) => readTimelineFilters(new URLSearchParams(search));

describe('the timeline filters in the URL', () => {
  it('reads a tag, a status and a stage, and ignores empty or malformed values', () => {
    expect(read('?tag=visa-rules&status=student&stage=in-force')).toEqual({
      tag: 'visa-rules',
      status: 'student',
      stage: 'IN_FORCE',
    });
    // What a GET form sends when nothing is chosen.
    expect(read('?tag=&status=&stage=')).toEqual(NO_FILTERS);
    expect(read('?tag=Not%20a%20slug&stage=sometime')).toEqual(NO_FILTERS);
  });

  it('writes only the filters that are set, stage as written in addresses', () => {
    expect(timelineSearch({ tag: null, status: 'student', stage: 'CABINET_DECIDED' })).toBe(
      '?status=student&stage=cabinet-decided',
    );
    expect(timelineSearch(NO_FILTERS)).toBe('');
  });

  it('turns them into the API filter, with no condition for what is not set', () => {
    expect(toRuleChangeFilter(read('?status=student&stage=enacted'))).toEqual({
      statuses: ['student'],
      stages: ['ENACTED'],
    });
    expect(toRuleChangeFilter(NO_FILTERS)).toEqual({});
  });
});
