// A date as precisely as it was announced ("April 2027", "fiscal 2028 (April 2028 to March 2029)"),
// machine-readable where HTML can say it: a day, a month or a year, but not a fiscal year.

import type { DatePrecision } from '../gql/graphql.ts';

export interface PartialDateValue {
  value: string;
  precision: DatePrecision;
  label: string;
}

export function PartialDate({ date }: { date: PartialDateValue }) {
  if (date.precision === 'FISCAL_YEAR') return <span>{date.label}</span>;
  return <time dateTime={date.value}>{date.label}</time>;
}
