// Reads articles to import from JSON, CSV or a folder of archive files, and checks every record,
// reporting each problem with its file, line and field.

import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  ArchiveError,
  CONTENT_DIR,
  loadArchive,
  loadMediaList,
  outletResolver,
} from '@jin/content';
import { type ArticleInput, InvalidInputError, validateArticle } from '@jin/store';
import { parse as parseCsv } from 'csv-parse/sync';

export interface Problem {
  file: string;
  line?: number | undefined;
  field: string;
  message: string;
}

export interface ImportBatch {
  articles: ArticleInput[];
  problems: Problem[];
}

interface RawRecord {
  line: number;
  value: Record<string, unknown>;
}

/** Line numbers of each element of a top-level JSON array, found by scanning the text. */
function jsonElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (depth === 1) lines.push(line);
      depth++;
    } else if (c === ']' || c === '}') depth--;
  }
  return lines;
}

function readJson(path: string, file: string, problems: Problem[]): RawRecord[] {
  const text = readFileSync(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    problems.push({
      file,
      field: '(file)',
      message: `is not valid JSON: ${(error as Error).message}`,
    });
    return [];
  }
  const rows = Array.isArray(data) ? data : (data as { articles?: unknown })?.articles;
  if (!Array.isArray(rows)) {
    problems.push({
      file,
      field: '(file)',
      message: 'must hold an array of articles (or { "articles": [...] })',
    });
    return [];
  }
  const lines = Array.isArray(data) ? jsonElementLines(text) : [];
  return rows.map((value, i) => ({
    line: lines[i] ?? 0,
    value: (value ?? {}) as Record<string, unknown>,
  }));
}

function readCsv(path: string, file: string, problems: Problem[]): RawRecord[] {
  try {
    const records = parseCsv(readFileSync(path, 'utf8'), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, value: record }));
  } catch (error) {
    problems.push({
      file,
      field: '(file)',
      message: `is not valid CSV: ${(error as Error).message}`,
    });
    return [];
  }
}

const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value
          .split(/[;,]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [];

const flag = (value: unknown): boolean | undefined =>
  typeof value === 'boolean'
    ? value
    : value === 'true'
      ? true
      : value === 'false'
        ? false
        : undefined;

/** Reads the records of a file or folder; problems in the container itself are reported too. */
export function readImport(path: string, knownTags: Set<string>): ImportBatch {
  const problems: Problem[] = [];
  const file = basename(path);
  if (statSync(path).isDirectory()) {
    try {
      const hasOwnVocabulary = (() => {
        try {
          return statSync(join(path, 'tags.yaml')).isFile();
        } catch {
          return false;
        }
      })();
      const archive = hasOwnVocabulary
        ? loadArchive(path, undefined, { strict: false })
        : loadArchive(CONTENT_DIR, path, { strict: false });
      return { articles: archive.articles.map(({ file: _f, ...a }) => a), problems };
    } catch (error) {
      if (error instanceof ArchiveError) return { articles: [], problems: error.problems };
      throw error;
    }
  }
  const raw = file.endsWith('.csv')
    ? readCsv(path, file, problems)
    : readJson(path, file, problems);
  const outletOf = outletResolver(loadMediaList());
  const articles: ArticleInput[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of raw) {
    const mediaName = String(value.media ?? '');
    const outlet = outletOf(mediaName);
    const input: ArticleInput = {
      slug: String(value.slug ?? ''),
      title: String(value.title ?? ''),
      releasedOn: String(value.releasedOn ?? ''),
      media: outlet
        ? { name: outlet.name, slug: outlet.slug, homepage: outlet.homepage ?? null }
        : { name: mediaName },
      summary: String(value.summary ?? ''),
      sourceUrl: value.sourceUrl ? String(value.sourceUrl) : null,
      tags: list(value.tags),
      headlineVerified: flag(value.headlineVerified),
      dateApproximate: flag(value.dateApproximate),
    };
    try {
      validateArticle(input);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      for (const issue of error.issues) problems.push({ file, line, ...issue });
    }
    for (const [i, tag] of input.tags.entries()) {
      if (!knownTags.has(tag))
        problems.push({ file, line, field: `tags.${i}`, message: `unknown tag "${tag}"` });
    }
    const earlier = seen.get(input.slug);
    if (earlier !== undefined) {
      problems.push({
        file,
        line,
        field: 'slug',
        message: `"${input.slug}" also appears on line ${earlier}`,
      });
    }
    seen.set(input.slug, line);
    articles.push(input);
  }
  return { articles, problems };
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.message}`;
}
