// A record as read from a JSON or CSV file, before its fields are checked: each value with its
// type in the file and where it stands.

import type { Node as JsonNode } from 'jsonc-parser';
import { quote } from './characters.ts';
import type { Problem } from './problems.ts';

export const FIELDS = [
  'slug',
  'title',
  'releasedOn',
  'media',
  'summary',
  'sourceUrl',
  'tags',
  'headlineVerified',
  'dateApproximate',
] as const;
export type FieldName = (typeof FIELDS)[number];
export const KNOWN = new Set<string>(FIELDS);
export const TEXT_FIELDS = ['slug', 'title', 'releasedOn', 'media', 'summary'] as const;
export const REQUIRED = new Set<string>([...TEXT_FIELDS, 'tags']);
/** Only these may hold tabs and line breaks. */
export const MULTI_LINE = new Set<string>(['summary']);

/** One value of a record as found in the file. */
export interface RawField {
  /** The JSON type, or 'csv' for CSV text. */
  kind: JsonNode['type'] | 'csv';
  value: unknown;
  line: number;
  column?: number | undefined;
  /** The elements of a JSON array. */
  items?: RawField[] | undefined;
}

export interface RawRecord {
  record: number;
  line: number;
  column?: number | undefined;
  fields: Map<string, RawField>;
  /** Problems of the record's shape, found while reading it. */
  problems: Problem[];
}

/** A value as a message names it: "an object", "the number 3", "the text "…"". */
export function describe(kind: RawField['kind'], value: unknown): string {
  switch (kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'null':
      return 'null';
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    default:
      return `the text ${quote(String(value))}`;
  }
}

/** Where a field stands in the file, to spread into a problem. */
export const located = (f: RawField | undefined) => (f ? { line: f.line, column: f.column } : {});
