// The timeline is read month by month: entries grouped under the month they take effect. A date
// known only to the year or the fiscal year has no month, so it is grouped under that period.

import type { DatePrecision } from '../../gql/graphql.ts';

export interface Dated {
  effective: { value: string; precision: DatePrecision; start: string; label: string };
}

export interface Group<T> {
  /** Stable and URL-safe: `2027-04`, `2028`, `fy2028`. */
  key: string;
  heading: string;
  items: T[];
}

function period(date: Dated['effective']): { key: string; heading: string } {
  if (date.precision === 'DAY' || date.precision === 'MONTH') {
    // The API's label is "April 2027" for a month and "1 April 2027" for a day: the month's is
    // the day's without the day.
    return { key: date.start.slice(0, 7), heading: date.label.replace(/^\d{1,2} /, '') };
  }
  const heading = date.label.charAt(0).toUpperCase() + date.label.slice(1);
  return { key: date.value.toLowerCase(), heading };
}

/**
 * Groups entries by the month (or year, or fiscal year) they take effect, in the order the
 * entries come: each group where its first entry is, holding all the entries of its period.
 */
export function groupByPeriod<T extends Dated>(items: readonly T[]): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    const { key, heading } = period(item.effective);
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { key, heading, items: [item] });
  }
  return [...groups.values()];
}
