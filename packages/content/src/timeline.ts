// Loads the timeline files: one YAML file per rule change in rule-changes/, one per story thread
// in stories/ (the format is in this package's README). Each problem names its file and field.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  InvalidInputError,
  type RuleChangeInput,
  STAGES,
  type Store,
  type StoryInput,
  type TimelineInput,
  validateTimeline,
} from '@jin/store';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ArchiveError, CONTENT_DIR } from './archive.ts';

const slugList = z.array(z.string().min(1));

const ruleChangeFile = z.strictObject({
  statement: z.string().min(1),
  tags: slugList,
  statuses: slugList.default([]),
  stages: z
    .array(
      z.strictObject({
        stage: z.enum(STAGES),
        // YAML reads an unquoted 2019-04-01 as a string here (the core schema), and 2027 as a number.
        date: z.union([z.string(), z.number().int()]).transform(String),
        articles: slugList,
      }),
    )
    .min(1),
});

const storyFile = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  articles: slugList,
});

type Problem = ArchiveError['problems'][number];

function readFolder<T>(
  dir: string,
  folder: string,
  schema: z.ZodType<T>,
  problems: Problem[],
): { slug: string; file: string; value: T }[] {
  const path = join(dir, folder);
  if (!existsSync(path)) return [];
  const records: { slug: string; file: string; value: T }[] = [];
  for (const name of readdirSync(path).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const file = `${folder}/${name}`;
    let data: unknown;
    try {
      data = parseYaml(readFileSync(join(path, name), 'utf8'));
    } catch (error) {
      problems.push({
        file,
        field: '(file)',
        message: (error as Error).message.split('\n')[0] ?? '',
      });
      continue;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, field: issue.path.join('.') || '(file)', message: issue.message });
      }
      continue;
    }
    records.push({ slug: name.slice(0, -'.yaml'.length), file, value: parsed.data });
  }
  return records;
}

export interface Timeline extends TimelineInput {
  /** The file each record came from, by slug. */
  files: Map<string, string>;
}

/** Reads and checks the timeline's files; throws ArchiveError listing every problem. */
export function loadTimeline(dir = CONTENT_DIR): Timeline {
  const problems: Problem[] = [];
  const files = new Map<string, string>();
  const ruleChanges: RuleChangeInput[] = readFolder(
    dir,
    'rule-changes',
    ruleChangeFile,
    problems,
  ).map(({ slug, file, value }) => {
    files.set(`ruleChanges.${slug}`, file);
    return { slug, ...value };
  });
  const stories: StoryInput[] = readFolder(dir, 'stories', storyFile, problems).map(
    ({ slug, file, value }) => {
      files.set(`stories.${slug}`, file);
      return { slug, ...value };
    },
  );
  if (problems.length > 0) throw new ArchiveError(problems);
  // The store's own rules, one record at a time so that every problem is named.
  for (const [kind, list] of [
    ['ruleChanges', ruleChanges],
    ['stories', stories],
  ] as const) {
    for (const record of list) {
      try {
        validateTimeline(
          kind === 'ruleChanges'
            ? { ruleChanges: [record as RuleChangeInput], stories: [] }
            : { ruleChanges: [], stories: [record as StoryInput] },
        );
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        const file = files.get(`${kind}.${record.slug}`) as string;
        for (const issue of error.issues) {
          problems.push({
            file,
            field: issue.field.split('.').slice(2).join('.'),
            message: issue.message,
          });
        }
      }
    }
  }
  if (problems.length > 0) throw new ArchiveError(problems);
  return { ruleChanges, stories, files };
}

/**
 * Loads the archive's timeline into the store, replacing what it held; the same files again
 * change nothing. Throws when a record names an article or tag the store lacks.
 */
export async function seedTimeline(
  store: Store,
  timeline: TimelineInput = loadTimeline(),
): Promise<{ ruleChanges: number; stories: number }> {
  return store.replaceTimeline({ ruleChanges: timeline.ruleChanges, stories: timeline.stories });
}
