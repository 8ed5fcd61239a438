// JSON imports: an array of articles (or { "articles": [...] }), parsed into a tree that keeps
// every value's position, so problems name their line and column.

import {
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import { printable } from './characters.ts';
import { Positions } from './positions.ts';
import type { Problem } from './problems.ts';
import { describe, type RawField, type RawRecord } from './records.ts';

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes was expected (no trailing commas)',
  ValueExpected: 'a value was expected (no trailing commas)',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'nothing may follow the top-level value',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'comments are not allowed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'control characters in a string must be written as escapes',
};

/** The array of records: the whole document, or its "articles" property. */
function recordList(root: JsonNode | undefined): JsonNode | undefined {
  if (root?.type === 'array') return root;
  if (root?.type !== 'object') return undefined;
  const articles = root.children?.find((p) => p.children?.[0]?.value === 'articles');
  const value = articles?.children?.[1];
  return value?.type === 'array' ? value : undefined;
}

/** Which record (from 1) spans an offset, if any. */
function recordAt(list: JsonNode | undefined, offset: number): number | undefined {
  const records = list?.children ?? [];
  let lo = 0;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const node = records[mid] as JsonNode;
    if (offset < node.offset) hi = mid - 1;
    else if (offset > node.offset + node.length) lo = mid + 1;
    else return mid + 1;
  }
  return undefined;
}

export function readJson(text: string, file: string, problems: Problem[]): RawRecord[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const positions = new Positions(text);
  const list = recordList(root);
  if (errors.length > 0) {
    // One mistake can give two errors at the same place (a trailing comma in an object).
    const distinct = errors.filter((e, i) => i === 0 || e.offset !== errors[i - 1]?.offset);
    for (const error of distinct) {
      const code = printParseErrorCode(error.error);
      problems.push({
        file,
        ...positions.at(error.offset),
        record: recordAt(list, error.offset),
        field: '(file)',
        message: `is not valid JSON: ${JSON_ERRORS[code] ?? code}`,
      });
    }
    return [];
  }
  if (!list) {
    problems.push({
      file,
      line: 1,
      column: 1,
      field: '(file)',
      message: 'must hold an array of articles (or { "articles": [...] })',
    });
    return [];
  }
  const field = (node: JsonNode): RawField => ({
    kind: node.type,
    value: node.value,
    ...positions.at(node.offset),
    items: node.type === 'array' ? node.children?.map(field) : undefined,
  });
  return (list.children ?? []).map((node, i) => {
    const raw: RawRecord = {
      record: i + 1,
      ...positions.at(node.offset),
      fields: new Map(),
      problems: [],
    };
    if (node.type !== 'object') {
      raw.problems.push({
        file,
        ...positions.at(node.offset),
        record: raw.record,
        field: '(record)',
        message: `must be an object, not ${describe(node.type, node.value)}`,
      });
      return raw;
    }
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value) continue;
      const name = String(key.value);
      if (raw.fields.has(name)) {
        raw.problems.push({
          file,
          ...positions.at(key.offset),
          record: raw.record,
          field: printable(name),
          message: 'appears twice in the record',
        });
      }
      raw.fields.set(name, field(value));
    }
    return raw;
  });
}
