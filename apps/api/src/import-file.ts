// Reads articles to import from JSON, CSV or a folder of archive files, and checks every record,
// reporting each problem with its file, line, column, record and field.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import {
  ArchiveError,
  CONTENT_DIR,
  loadArchive,
  loadMediaList,
  outletResolver,
} from '@jin/content';
import { type ArticleInput, InvalidInputError, validateArticle } from '@jin/store';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';

/** Where in a file something is; lines and columns count from 1, columns in characters. */
interface Place {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  /** Which record of the file, counting from 1. */
  record?: number | undefined;
  slug?: string | undefined;
}

export interface Problem extends Place {
  field: string;
  message: string;
}

export interface ImportBatch {
  articles: ArticleInput[];
  /** Where each article came from, index for index. */
  sources: Place[];
  problems: Problem[];
}

export interface ImportOptions {
  /** A TextDecoder encoding label; without one, files must be UTF-8. */
  encoding?: string | undefined;
  /** Called after every PROGRESS_EVERY records checked. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export const PROGRESS_EVERY = 1000;

const FIELDS = [
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
type FieldName = (typeof FIELDS)[number];
const KNOWN = new Set<string>(FIELDS);
const TEXT_FIELDS = ['slug', 'title', 'releasedOn', 'media', 'summary'] as const;
const REQUIRED = new Set<string>([...TEXT_FIELDS, 'tags']);
/** Only these may hold tabs and line breaks. */
const MULTI_LINE = new Set<string>(['summary']);

// ---- text and positions -------------------------------------------------------------------

const hex = (n: number, width = 4) => n.toString(16).toUpperCase().padStart(width, '0');

const CONTROL_NAMES: Record<number, string> = {
  0: 'NUL',
  9: 'tab',
  10: 'line feed',
  13: 'carriage return',
  27: 'escape',
  127: 'DEL',
};

const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);

/** Text from the file as shown in a message, control characters written as escapes. */
function printable(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0) as number;
    out += isControl(code) || (code >= 0xd800 && code <= 0xdfff) ? `\\u${hex(code)}` : c;
  }
  return out;
}

const quote = (value: string) => `"${printable(value)}"`;

/**
 * The first character a field may not hold: C0 controls (tab, line feed and carriage return
 * only in multi-line text), DEL, C1 controls, and half of a surrogate pair.
 */
function badCharacter(
  value: string,
  multiLine: boolean,
): { message: string; offset: number } | null {
  let position = 0;
  let offset = 0;
  for (const c of value) {
    position++;
    const code = c.codePointAt(0) as number;
    const whitespace = code === 0x09 || code === 0x0a || code === 0x0d;
    if (isControl(code) && !(multiLine && whitespace)) {
      const name = CONTROL_NAMES[code];
      const message = whitespace
        ? `holds a ${name} (U+${hex(code)}) at character ${position}; only multi-line text such as the summary may`
        : `holds the control character U+${hex(code)}${name ? ` (${name})` : ''} at character ${position}`;
      return { message, offset };
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      return {
        message: `holds an unpaired surrogate U+${hex(code)} at character ${position}`,
        offset,
      };
    }
    offset += c.length;
  }
  return null;
}

/** Turns offsets into a text into lines and columns. */
class Positions {
  private readonly lineStarts = [0];
  // Problems come mostly in file order: counting on from the last column asked for keeps
  // columns cheap on a long minified line.
  private last = { offset: 0, line: 0, column: 1 };

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = this.lineStarts[lo] as number;
    const from = this.last.line === lo && this.last.offset <= offset ? this.last : null;
    let column = from ? from.column : 1;
    for (let i = from ? from.offset : start; i < offset; i++) {
      // The second half of a surrogate pair is not a character of its own.
      const low = this.text.charCodeAt(i) >= 0xdc00 && this.text.charCodeAt(i) <= 0xdfff;
      const afterHigh =
        i > 0 && this.text.charCodeAt(i - 1) >= 0xd800 && this.text.charCodeAt(i - 1) <= 0xdbff;
      if (!(low && afterHigh)) column++;
    }
    this.last = { offset, line: lo, column };
    return { line: lo + 1, column };
  }
}

// ---- decoding -------------------------------------------------------------------------------

/** Whether TextDecoder knows an encoding by this name. */
export function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** The characters before the first byte that cannot be decoded, and that byte's offset. */
function decodingFailure(bytes: Uint8Array, encoding: string): { before: string; offset: number } {
  const decoder = () => new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const fails = (n: number) => {
    try {
      decoder().decode(bytes.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  // The shortest failing prefix ends at the byte that gave it away (a prefix that fails stays
  // failing when longer); when none fails, the file ends inside a character.
  let lo = 0;
  let hi = bytes.length;
  if (fails(hi)) {
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (fails(mid)) hi = mid;
      else lo = mid;
    }
  } else {
    lo = bytes.length;
  }
  const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(0, lo), {
    stream: true,
  });
  // In UTF-8 the bad sequence starts right after the last whole character.
  const offset = encoding === 'utf-8' ? Buffer.byteLength(before, 'utf8') : Math.max(0, hi - 1);
  return { before, offset };
}

function decode(
  bytes: Uint8Array,
  file: string,
  label: string | undefined,
  problems: Problem[],
): string | null {
  const encoding = new TextDecoder(label ?? 'utf-8').encoding;
  const bom = encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    // (A UTF-8 mark is gone already; the decoder drops a UTF-16 one itself.)
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: encoding === 'utf-8' }).decode(body);
  } catch {
    const { before, offset } = decodingFailure(body, encoding);
    const { line, column } = new Positions(before).at(before.length);
    const byte =
      body[offset] === undefined
        ? 'the end of the file'
        : `byte 0x${hex(body[offset] as number, 2)}`;
    const at = `${byte} at offset ${offset + (bom ? 3 : 0)}`;
    problems.push({
      file,
      line,
      column,
      field: '(file)',
      message:
        encoding === 'utf-8'
          ? `is not valid UTF-8 (${at}). Save it as UTF-8, or name its encoding with --encoding, e.g. --encoding windows-1252 (Latin-1), --encoding shift_jis or --encoding euc-jp`
          : `is not valid ${encoding} (${at}); check the name given to --encoding`,
    });
    return null;
  }
}

// ---- records --------------------------------------------------------------------------------

/** One value of a record as found in the file. */
interface RawField {
  /** The JSON type, or 'csv' for CSV text. */
  kind: JsonNode['type'] | 'csv';
  value: unknown;
  line: number;
  column?: number | undefined;
  /** The elements of a JSON array. */
  items?: RawField[] | undefined;
}

interface RawRecord {
  record: number;
  line: number;
  column?: number | undefined;
  fields: Map<string, RawField>;
  /** Problems of the record's shape, found while reading it. */
  problems: Problem[];
}

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

function readJson(text: string, file: string, problems: Problem[]): RawRecord[] {
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

/** The line each CSV record starts on (the header included), following quoted line breaks. */
function csvRecordLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atStart = true;
  for (const c of text) {
    if (atStart && c !== '\n' && c !== '\r') {
      starts.push(line);
      atStart = false;
    }
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n') {
      line++;
      if (!inQuotes) atStart = true;
    }
  }
  return starts;
}

function readCsv(text: string, file: string, problems: Problem[]): RawRecord[] {
  let header: string[] = [];
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(text, {
      columns: (names: string[]) => {
        header = names;
        return names;
      },
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    problems.push({
      file,
      line: typeof lines === 'number' ? lines : undefined,
      field: '(file)',
      message: `is not valid CSV: ${(error as Error).message}`,
    });
    return [];
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (!KNOWN.has(name)) {
      problems.push({
        file,
        line: 1,
        field: printable(name),
        message: `is not a known column (known: ${FIELDS.join(', ')})`,
      });
    } else if (seen.has(name)) {
      problems.push({ file, line: 1, field: name, message: 'is a column twice' });
    }
    seen.add(name);
  }
  const starts = csvRecordLines(text);
  const matched = starts.length === rows.length + 1;
  return rows.map(({ record, info }, i) => {
    const line = matched ? (starts[i + 1] as number) : info.lines;
    const fields = new Map<string, RawField>();
    for (const [name, value] of Object.entries(record)) {
      if (KNOWN.has(name)) fields.set(name, { kind: 'csv', value, line });
    }
    return { record: i + 1, line, fields, problems: [] };
  });
}

function describe(kind: RawField['kind'], value: unknown): string {
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

/** Turns a record into an article, with every problem in it. */
function checkRecord(
  raw: RawRecord,
  file: string,
  knownTags: Set<string>,
  outletOf: ReturnType<typeof outletResolver>,
): { input: ArticleInput; place: Place; problems: Problem[] } {
  const slugField = raw.fields.get('slug');
  const slug =
    slugField && typeof slugField.value === 'string' && slugField.value !== ''
      ? slugField.value
      : undefined;
  const place: Place = { file, line: raw.line, column: raw.column, record: raw.record, slug };
  const problems: Problem[] = raw.problems.map((p) => ({ ...p, slug }));
  const reported = new Set<string>(problems.map((p) => p.field.split('.')[0] as string));
  const problem = (field: string, message: string, at?: RawField) => {
    reported.add(field.split('.')[0] as string);
    problems.push({
      ...place,
      ...(at ? { line: at.line, column: at.column } : {}),
      field,
      message,
    });
  };

  for (const name of raw.fields.keys()) {
    if (!KNOWN.has(name)) {
      const known = FIELDS.join(', ');
      problem(printable(name), `is not a known field (known: ${known})`, raw.fields.get(name));
    }
  }
  const checkText = (field: string, value: string, at: RawField) => {
    const bad = badCharacter(value, MULTI_LINE.has(field.split('.')[0] as string));
    if (bad) problem(field, bad.message, at);
  };

  const text = (name: FieldName): string => {
    const f = raw.fields.get(name);
    if (!f) {
      if (REQUIRED.has(name)) problem(name, 'is missing');
      return '';
    }
    if (f.kind !== 'csv' && f.kind !== 'string') {
      problem(name, `must be a string, not ${describe(f.kind, f.value)}`, f);
      return '';
    }
    checkText(name, f.value as string, f);
    return f.value as string;
  };

  const optionalUrl = (): string | null => {
    const f = raw.fields.get('sourceUrl');
    if (!f || f.kind === 'null' || f.value === '') return null;
    if (f.kind !== 'csv' && f.kind !== 'string') {
      problem('sourceUrl', `must be a string or null, not ${describe(f.kind, f.value)}`, f);
      return null;
    }
    checkText('sourceUrl', f.value as string, f);
    return f.value as string;
  };

  const tags = (): string[] => {
    const f = raw.fields.get('tags');
    if (!f) {
      problem('tags', 'is missing');
      return [];
    }
    if (f.kind === 'csv') {
      const list = (f.value as string)
        .split(/[;,]/)
        .map((s) => s.trim())
        .filter(Boolean);
      for (const [i, tag] of list.entries()) checkText(`tags.${i}`, tag, f);
      return list;
    }
    if (f.kind !== 'array') {
      problem('tags', `must be an array of tag slugs, not ${describe(f.kind, f.value)}`, f);
      return [];
    }
    return (f.items ?? []).map((item, i) => {
      if (item.kind !== 'string') {
        problem(
          `tags.${i}`,
          `must be a tag slug (a string), not ${describe(item.kind, item.value)}`,
          item,
        );
        return '';
      }
      checkText(`tags.${i}`, item.value as string, item);
      return item.value as string;
    });
  };

  const flag = (name: 'headlineVerified' | 'dateApproximate'): boolean | undefined => {
    const f = raw.fields.get(name);
    if (!f) return undefined;
    if (f.kind === 'boolean') return f.value as boolean;
    if (f.kind === 'csv') {
      const value = (f.value as string).toLowerCase();
      if (value === '') return undefined;
      if (value === 'true' || value === 'false') return value === 'true';
      problem(name, `must be true or false (in any case), not ${quote(f.value as string)}`, f);
      return undefined;
    }
    problem(name, `must be true or false, not ${describe(f.kind, f.value)}`, f);
    return undefined;
  };

  // In field order, so that a record's problems read top to bottom.
  const [slugValue, title, releasedOn, mediaName, summary] = TEXT_FIELDS.map(text) as string[];
  const sourceUrl = optionalUrl();
  const tagList = tags();
  const headlineVerified = flag('headlineVerified');
  const dateApproximate = flag('dateApproximate');
  const outlet = mediaName ? outletOf(mediaName) : undefined;
  const input: ArticleInput = {
    slug: slugValue as string,
    title: title as string,
    releasedOn: releasedOn as string,
    media: outlet
      ? { name: outlet.name, slug: outlet.slug, homepage: outlet.homepage ?? null }
      : { name: mediaName as string },
    summary: summary as string,
    sourceUrl,
    tags: tagList,
    headlineVerified,
    dateApproximate,
  };

  const where = (field: string): RawField | undefined => {
    const [root, index] = field.split('.');
    const f = raw.fields.get(root as string);
    return index !== undefined && f?.items ? (f.items[Number(index)] ?? f) : f;
  };
  try {
    validateArticle(input);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    for (const issue of error.issues) {
      // The outlet is a name in the file: report `media`, not the store's `media.name`.
      const field = issue.field.startsWith('media') ? 'media' : issue.field;
      if (!reported.has(field.split('.')[0] as string)) {
        problems.push({ ...place, ...located(where(field)), field, message: issue.message });
      }
    }
  }
  if (!reported.has('tags')) {
    for (const [i, tag] of input.tags.entries()) {
      if (!knownTags.has(tag)) {
        problem(`tags.${i}`, `unknown tag ${quote(tag)}`, where(`tags.${i}`));
      }
    }
  }
  // In the order they appear in the file.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { input, place, problems };
}

const located = (f: RawField | undefined) => (f ? { line: f.line, column: f.column } : {});

// ---- folders --------------------------------------------------------------------------------

/** Archive folders are read as UTF-8 by the archive loader: refuse files that are not. */
function checkFolderEncoding(root: string, dirs: string[], problems: Problem[]): void {
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/\.(md|ya?ml)$/.test(name)) continue;
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const file = relative(root, path) || name;
      const text = decode(readFileSync(path), file, undefined, problems);
      if (text === null) continue;
      const bad = badCharacter(text, true);
      if (bad) {
        const { line, column } = new Positions(text).at(bad.offset);
        problems.push({
          file,
          line,
          column,
          field: '(file)',
          message: bad.message.replace(/ at character \d+/, ''),
        });
      }
    }
  }
}

function readFolder(path: string, options: ImportOptions): ImportBatch {
  const problems: Problem[] = [];
  if (options.encoding !== undefined) {
    problems.push({
      file: basename(path),
      field: '(folder)',
      message: '--encoding applies to JSON and CSV files; archive folders must be UTF-8',
    });
    return { articles: [], sources: [], problems };
  }
  const hasOwnVocabulary = (() => {
    try {
      return statSync(join(path, 'tags.yaml')).isFile();
    } catch {
      return false;
    }
  })();
  checkFolderEncoding(path, hasOwnVocabulary ? [path, join(path, 'articles')] : [path], problems);
  if (problems.length > 0) return { articles: [], sources: [], problems };
  try {
    const archive = hasOwnVocabulary
      ? loadArchive(path, undefined, { strict: false })
      : loadArchive(CONTENT_DIR, path, { strict: false });
    const articles = archive.articles.map(({ file: _f, ...a }) => a);
    const sources = archive.articles.map((a) => ({ file: a.file, slug: a.slug }));
    // Escapes in the front matter can still spell control characters.
    for (const a of archive.articles) {
      const values: [string, string | null | undefined][] = [
        ['title', a.title],
        ['media', a.media.name],
        ['summary', a.summary],
        ['sourceUrl', a.sourceUrl],
        ...a.tags.map((t, i): [string, string] => [`tags.${i}`, t]),
      ];
      for (const [field, value] of values) {
        const bad = value ? badCharacter(value, MULTI_LINE.has(field)) : null;
        if (bad) problems.push({ file: a.file, slug: a.slug, field, message: bad.message });
      }
    }
    return { articles, sources, problems };
  } catch (error) {
    if (error instanceof ArchiveError) {
      return { articles: [], sources: [], problems: error.problems };
    }
    throw error;
  }
}

// ---- entry points ---------------------------------------------------------------------------

/** Reads the records of a file or folder; problems in the container itself are reported too. */
export function readImport(
  path: string,
  knownTags: Set<string>,
  options: ImportOptions = {},
): ImportBatch {
  if (statSync(path).isDirectory()) return readFolder(path, options);
  const file = basename(path);
  const problems: Problem[] = [];
  const text = decode(readFileSync(path), file, options.encoding, problems);
  if (text === null) return { articles: [], sources: [], problems };
  const raw = file.endsWith('.csv')
    ? readCsv(text, file, problems)
    : readJson(text, file, problems);
  const outletOf = outletResolver(loadMediaList());
  const articles: ArticleInput[] = [];
  const sources: Place[] = [];
  const seen = new Map<string, Place>();
  for (const [i, record] of raw.entries()) {
    const checked = checkRecord(record, file, knownTags, outletOf);
    problems.push(...checked.problems);
    const { slug } = checked.input;
    const earlier = slug ? seen.get(slug) : undefined;
    if (earlier) {
      problems.push({
        ...checked.place,
        ...located(record.fields.get('slug')),
        field: 'slug',
        message: `${quote(slug)} also appears in record ${earlier.record} (line ${earlier.line})`,
      });
    } else if (slug) {
      seen.set(slug, checked.place);
    }
    articles.push(checked.input);
    sources.push(checked.place);
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1, raw.length);
  }
  return { articles, sources, problems };
}

/** The problems in a store's refusal of a batch, placed where their records came from. */
export function storeProblems(batch: ImportBatch, error: InvalidInputError): Problem[] {
  const place = error.index === undefined ? { file: '(batch)' } : batch.sources[error.index];
  return error.issues.map((issue) => ({ ...(place ?? { file: '(batch)' }), ...issue }));
}

export function formatProblem(p: Problem): string {
  const where = [
    p.column ? `column ${p.column}` : '',
    p.record ? `record ${p.record}` : '',
    p.slug ? `slug ${quote(p.slug)}` : '',
  ].filter(Boolean);
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.message}${where.length ? ` (${where.join(', ')})` : ''}`;
}
