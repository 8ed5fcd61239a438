import { describe, expect, it } from 'vitest';
import { partialDate } from '../../test/fixtures.ts';
import { groupByPeriod } from './timeline-groups.ts';

const entry = (name: string, effective: string) => ({ name, effective: partialDate(effective) });

describe('groupByPeriod', () => {
  it('puts days and months of the same month under one heading, in the order given', () => {
    const groups = groupByPeriod([
      entry('a', '2027-04-01'),
      entry('b', '2027-04'),
      entry('c', '2027-06-15'),
    ]);
    expect(groups.map((g) => [g.key, g.heading, g.items.map((i) => i.name)])).toEqual([
      ['2027-04', 'April 2027', ['a', 'b']],
      ['2027-06', 'June 2027', ['c']],
    ]);
  });

  it('gives a year or a fiscal year a heading of its own, never a month it does not name', () => {
    const groups = groupByPeriod([
      entry('fy', 'FY2027'),
      entry('april', '2027-04-01'),
      entry('year', '2028'),
    ]);
    expect(groups.map((g) => [g.key, g.heading])).toEqual([
      ['fy2027', 'Fiscal 2027 (April 2027 to March 2028)'],
      ['2027-04', 'April 2027'],
      ['2028', '2028'],
    ]);
  });

  it('keeps a month together where another period comes between its entries', () => {
    const groups = groupByPeriod([
      entry('a', '2026-05-10'),
      entry('fy', 'FY2026'),
      entry('b', '2026-05'),
    ]);
    expect(groups.map((g) => g.items.map((i) => i.name))).toEqual([['a', 'b'], ['fy']]);
  });
});
