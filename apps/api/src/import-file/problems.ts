// What an import reports: each problem with its file, line, column, record and field.

import type { ArticleInput, InvalidInputError } from '@jin/store';
import { quote } from './characters.ts';

/** Where in a file something is; lines and columns count from 1, columns in characters. */
export interface Place {
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
