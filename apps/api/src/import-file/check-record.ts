// The fields of one record checked and turned into an article: types, characters, the store's
// own rules and the tag vocabulary, each problem placed on its field in the file.

import type { outletResolver } from '@jin/content';
import { type ArticleInput, InvalidInputError, validateArticle } from '@jin/store';
import { badCharacter, printable, quote } from './characters.ts';
import type { Place, Problem } from './problems.ts';
import {
  describe,
  FIELDS,
  type FieldName,
  KNOWN,
  located,
  MULTI_LINE,
  type RawField,
  type RawRecord,
  REQUIRED,
  TEXT_FIELDS,
} from './records.ts';

/** Turns a record into an article, with every problem in it. */
export function checkRecord(
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
