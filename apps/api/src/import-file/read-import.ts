// Reads articles to import from JSON, CSV or a folder of archive files, and checks every record,
// reporting each problem with its file, line, column, record and field.

import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadMediaList, outletResolver } from '@jin/content';
import type { ArticleInput } from '@jin/store';
import { quote } from './characters.ts';
import { checkRecord } from './check-record.ts';
import { readCsv } from './csv.ts';
import { decode } from './decode.ts';
import { readFolder } from './folder.ts';
import { readJson } from './json.ts';
import type { ImportBatch, Place, Problem } from './problems.ts';
import { located } from './records.ts';

export interface ImportOptions {
  /** A TextDecoder encoding label; without one, files must be UTF-8. */
  encoding?: string | undefined;
  /** Called after every PROGRESS_EVERY records checked. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export const PROGRESS_EVERY = 1000;

/** Reads the records of a file or folder; problems in the container itself are reported too. */
export function readImport(
  path: string,
  knownTags: Set<string>,
  options: ImportOptions = {},
): ImportBatch {
  if (statSync(path).isDirectory()) return readFolder(path, options.encoding);
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
