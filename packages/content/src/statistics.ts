// Loads the statistics series: one YAML file per series in statistics/ (the format is in this
// package's README). Each problem names its file and field.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError, type SeriesInput, type Store, validateStatistics } from '@jin/store';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ArchiveError, CONTENT_DIR, loadArchive } from './archive.ts';

export const STATISTICS_FOLDER = 'statistics';

// YAML's core schema reads an unquoted 2025-06-30 as a string; a bare year would be a number.
const date = z.union([z.string(), z.number().int()]).transform(String);

const seriesFile = z.strictObject({
  slug: z.string().min(1),
  title: z.string().trim().min(1, 'must not be empty'),
  description: z.string().trim().min(1, 'must not be empty'),
  unit: z.string().min(1),
  publisher: z.string().trim().min(1, 'must not be empty'),
  lines: z
    .array(
      z.strictObject({
        key: z.string().min(1),
        label: z.string().trim().min(1, 'must not be empty'),
        points: z.array(
          z.strictObject({
            date,
            period: z.union([z.string(), z.number()]).transform(String),
            value: z.number({ error: 'must be a number' }),
            approx: z.boolean({ error: 'must be true or false' }),
            sources: z.strictObject({
              articles: z.array(z.string().min(1)).default([]),
              official: z.string().optional(),
            }),
          }),
        ),
      }),
    )
    .min(1, 'at least one line'),
  notes: z.array(z.strictObject({ date, text: z.string() })).default([]),
});

type Problem = ArchiveError['problems'][number];

export interface Statistics {
  series: SeriesInput[];
  /** The file each series came from, by slug. */
  files: Map<string, string>;
}

/**
 * Reads and checks the statistics files in `dir`/statistics; throws ArchiveError listing every
 * problem. Articles named must be in `articleSlugs` (the archive's, unless given).
 */
export function loadStatistics(
  dir = CONTENT_DIR,
  articleSlugs: ReadonlySet<string> = new Set(loadArchive().articles.map((a) => a.slug)),
): Statistics {
  const problems: Problem[] = [];
  const files = new Map<string, string>();
  const series: SeriesInput[] = [];
  const folder = join(dir, STATISTICS_FOLDER);
  const names = existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.yaml')) : [];
  for (const name of names.sort()) {
    const file = `${STATISTICS_FOLDER}/${name}`;
    let data: unknown;
    try {
      data = parseYaml(readFileSync(join(folder, name), 'utf8'));
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? '';
      problems.push({ file, field: '(file)', message });
      continue;
    }
    const parsed = seriesFile.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, field: issue.path.join('.') || '(file)', message: issue.message });
      }
      continue;
    }
    const value = parsed.data;
    if (`${value.slug}.yaml` !== name) {
      problems.push({ file, field: 'slug', message: `must match the file name (${name})` });
    }
    if (files.has(value.slug)) {
      problems.push({ file, field: 'slug', message: `also used by ${files.get(value.slug)}` });
      continue;
    }
    value.lines.forEach((line, i) => {
      line.points.forEach((point, j) => {
        point.sources.articles.forEach((slug, k) => {
          if (!articleSlugs.has(slug)) {
            problems.push({
              file,
              field: `lines.${i}.points.${j}.sources.articles.${k}`,
              message: `no article "${slug}" in the archive`,
            });
          }
        });
      });
    });
    files.set(value.slug, file);
    series.push({
      ...value,
      lines: value.lines.map((line) => ({
        key: line.key,
        label: line.label,
        points: line.points.map(({ sources, ...point }) => ({
          ...point,
          articles: sources.articles,
          official: sources.official ?? null,
        })),
      })),
    });
  }
  // The store's own rules, one series at a time so that every problem names its file.
  for (const record of series) {
    try {
      validateStatistics([record]);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      for (const issue of error.issues) {
        problems.push({
          file: files.get(record.slug) as string,
          field: issue.field.slice(record.slug.length + 1),
          message: issue.message,
        });
      }
    }
  }
  if (problems.length > 0) throw new ArchiveError(problems);
  return { series, files };
}

/** Loads the statistics into the store, replacing what it held; the same files change nothing. */
export async function seedStatistics(
  store: Store,
  statistics: Statistics = loadStatistics(),
): Promise<{ series: number; changed: boolean }> {
  return store.replaceStatistics(statistics.series);
}
