// The Date and DateTime scalars, from graphql-scalars: a calendar date is its LocalDate (text
// `YYYY-MM-DD`, checked to be a real day), an instant its DateTimeISO (UTC, with milliseconds).

import { type PartialDate, partialDateLabel } from '@jin/store';
import { type ValueNode, valueFromASTUntyped } from 'graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';

const localDate = LocalDateResolver.toConfig();

/** The date the client wrote, or BAD_USER_INPUT saying how a date is written. */
function parseDate(parse: () => unknown, written: () => unknown): string {
  try {
    return parse() as string;
  } catch {
    throw badInput(
      `Expected a date written YYYY-MM-DD, got ${JSON.stringify(written())?.slice(0, 40)}`,
    );
  }
}

/** How many checked dates are remembered before the list starts again. */
const CHECKED_DATES_MAX = 20_000;
/**
 * Dates already checked on the way out: an answer's dates are the same few thousand days over
 * and over, and the library's check builds a Date from each (the feed's most costly scalar).
 */
const checkedDates = new Set<string>();

builder.addScalarType('Date', LocalDateResolver, {
  description: 'A calendar date written `YYYY-MM-DD`.',
  serialize: (value) => {
    if (typeof value === 'string' && checkedDates.has(value)) return value;
    const date = localDate.serialize(value) as string;
    if (date === value) {
      if (checkedDates.size >= CHECKED_DATES_MAX) checkedDates.clear();
      checkedDates.add(date);
    }
    return date;
  },
  parseValue: (value) =>
    parseDate(
      () => localDate.parseValue(value),
      () => value,
    ),
  parseLiteral: (ast: ValueNode) =>
    parseDate(
      () => localDate.parseLiteral(ast, undefined),
      () => valueFromASTUntyped(ast),
    ),
});

builder.addScalarType('DateTime', DateTimeISOResolver, {
  description: 'An instant in ISO 8601 form, in UTC, e.g. `2026-01-30T09:00:00.000Z`.',
});

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precisely a date is known.',
  values: {
    DAY: { value: 'day', description: 'A day: `2019-04-01`.' },
    MONTH: { value: 'month', description: 'A month: `2019-04`.' },
    FISCAL_YEAR: {
      value: 'fiscal-year',
      description: 'A Japanese fiscal year, April to March: `FY2027`.',
    },
    YEAR: { value: 'year', description: 'A calendar year: `2028`.' },
  } as const,
});

export const PartialDateRef = builder.objectRef<PartialDate>('PartialDate').implement({
  description:
    'A date as precisely as it was announced (“from fiscal 2027”), with the first and last day it can mean.',
  fields: (t) => ({
    value: t.exposeString('value', {
      description: 'As written: `2019-04-01`, `2019-04`, `FY2027` or `2028`.',
    }),
    precision: t.expose('precision', {
      type: DatePrecisionEnum,
      description: 'How precise it is.',
    }),
    start: t.expose('start', { type: 'Date', description: 'The first day it can mean.' }),
    end: t.expose('end', { type: 'Date', description: 'The last day it can mean.' }),
    label: t.string({
      description:
        'How a reader says it: “1 April 2019”, “April 2019”, “fiscal 2027 (April 2027 to March 2028)”, “2028”.',
      resolve: (date) => partialDateLabel(date),
    }),
  }),
});
