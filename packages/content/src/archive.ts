// Front matter split by our regex: gray-matter and front-matter bring js-yaml 3 (its dates become Dates).
//
// Loads and validates the seed archive: tag vocabulary, outlet list and one file per article.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ArticleInput,
  type ImportResult,
  isIsoDate,
  mediaKey,
  SLUG_PATTERN,
  type Store,
  type Tag,
  wordCount,
} from '@jin/store';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { attributionProblems } from './attribution.ts';

export const CONTENT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const ARTICLES_DIR = join(CONTENT_DIR, 'articles');

export const SUMMARY_MIN_WORDS = 120;
export const SUMMARY_MAX_WORDS = 300;

export interface MediaEntry {
  slug: string;
  name: string;
  homepage?: string | undefined;
  aliases?: string[] | undefined;
}

export interface ArchiveArticle extends ArticleInput {
  /** The file it came from, relative to the content folder. */
  file: string;
}

export interface Archive {
  tags: Tag[];
  media: MediaEntry[];
  articles: ArchiveArticle[];
}

/** A problem in one archive file, naming the file, the line where known, and the field. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
  constructor(
    readonly problems: {
      file: string;
      line?: number | undefined;
      field: string;
      message: string;
    }[],
  ) {
    super(
      problems
        .map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.message}`)
        .join('\n'),
    );
  }
}

const slug = z.string().regex(SLUG_PATTERN, 'must be lowercase letters, digits and hyphens');
const tagsFile = z.array(
  z.object({ slug, name: z.string().min(1), description: z.string().min(1) }),
);
const mediaFile = z.array(
  z.object({
    slug,
    name: z.string().min(1),
    homepage: z.url({ protocol: /^https?$/ }).optional(),
    aliases: z.array(z.string().min(1)).optional(),
  }),
);
const frontMatter = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  releasedOn: z.string().refine(isIsoDate, 'must be a real date written YYYY-MM-DD'),
  media: z.string().trim().min(1, 'must not be empty'),
  readVia: z.string().trim().min(1, 'must not be empty').optional(),
  sourceUrl: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).optional(),
  tags: z.array(slug).min(1, 'must name at least one tag').max(3, 'must name at most 3 tags'),
  headlineVerified: z.boolean().optional(),
  dateApproximate: z.boolean().optional(),
});

function zodProblems(
  file: string,
  error: z.ZodError,
  lineOf: (field: string) => number | undefined,
) {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(file)';
    return { file, line: lineOf(issue.path.map(String)[0] ?? ''), field, message: issue.message };
  });
}

function readYamlList<T>(file: string, schema: z.ZodType<T>, dir: string): T {
  const result = schema.safeParse(parseYaml(readFileSync(join(dir, file), 'utf8')));
  if (!result.success) throw new ArchiveError(zodProblems(file, result.error, () => undefined));
  return result.data;
}

const FORBIDDEN_MARKUP: [RegExp, string][] = [
  [/<[a-z!/][^>]*>/i, 'must not contain HTML'],
  [/\*\*|__|`/, 'must not contain emphasis or code markup'],
  [/\[[^\]]*\]\([^)]*\)/, 'must not contain links'],
  [/^#/m, 'must not contain # headings'],
];

function summaryProblems(body: string, strict: boolean): string[] {
  const problems: string[] = [];
  const words = wordCount(body);
  if (strict && (words < SUMMARY_MIN_WORDS || words > SUMMARY_MAX_WORDS)) {
    problems.push(`has ${words} words; it must have ${SUMMARY_MIN_WORDS} to ${SUMMARY_MAX_WORDS}`);
  }
  for (const [pattern, message] of FORBIDDEN_MARKUP) if (pattern.test(body)) problems.push(message);
  return problems;
}

/** Splits a file into its YAML front matter and body; reports where the body starts. */
function splitFile(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return null;
  const yaml = match[1] as string;
  return { yaml, body: (match[2] as string).trim(), bodyLine: yaml.split('\n').length + 3 };
}

/** The outlet list with its aliases. */
export function loadMediaList(dir = CONTENT_DIR): MediaEntry[] {
  return readYamlList('media.yaml', mediaFile, dir);
}

/** Resolves an outlet name or alias from the media list, case and punctuation ignored. */
export function outletResolver(media: MediaEntry[]): (name: string) => MediaEntry | undefined {
  const byKey = new Map<string, MediaEntry>();
  for (const entry of media) {
    for (const name of [entry.name, entry.slug, ...(entry.aliases ?? [])])
      byKey.set(mediaKey(name), entry);
  }
  return (name) => byKey.get(mediaKey(name));
}

/**
 * Reads an archive folder. `strict` (the default, used for the seed archive) also holds every
 * summary to the archive's length rule and every article to a `sourceUrl` on the site of its
 * `media` or `readVia` outlet; imports of editors' exports use `strict: false`.
 */
export function loadArchive(
  dir = CONTENT_DIR,
  articleDir = join(dir, 'articles'),
  { strict = true }: { strict?: boolean } = {},
): Archive {
  const tags = readYamlList('tags.yaml', tagsFile, dir);
  const media = readYamlList('media.yaml', mediaFile, dir);
  const outletOf = outletResolver(media);
  const tagSlugs = new Set(tags.map((t) => t.slug));
  const problems: ArchiveError['problems'] = [];
  const articles: ArchiveArticle[] = [];
  const files = readdirSync(articleDir)
    .filter((f) => f.endsWith('.md'))
    .sort();

  for (const name of files) {
    const file = relative(dir, join(articleDir, name));
    const slugValue = basename(name, '.md');
    const parts = splitFile(readFileSync(join(articleDir, name), 'utf8'));
    if (!parts) {
      problems.push({
        file,
        line: 1,
        field: '(file)',
        message: 'must start with --- front matter ---',
      });
      continue;
    }
    const yamlLines = parts.yaml.split('\n');
    const lineOf = (field: string) => {
      const i = yamlLines.findIndex((l) => l.startsWith(`${field}:`));
      return i >= 0 ? i + 2 : undefined;
    };
    let data: unknown;
    try {
      data = parseYaml(parts.yaml);
    } catch (error) {
      problems.push({ file, line: 2, field: '(front matter)', message: (error as Error).message });
      continue;
    }
    const parsed = frontMatter.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error, lineOf));
      continue;
    }
    const fm = parsed.data;
    if (!SLUG_PATTERN.test(slugValue) || slugValue.length > 80) {
      problems.push({
        file,
        field: '(file name)',
        message: 'must be a slug of at most 80 characters',
      });
    }
    for (const [i, tag] of fm.tags.entries()) {
      if (!tagSlugs.has(tag)) {
        problems.push({
          file,
          line: lineOf('tags'),
          field: `tags.${i}`,
          message: `unknown tag "${tag}"`,
        });
      }
    }
    if (new Set(fm.tags).size !== fm.tags.length) {
      problems.push({
        file,
        line: lineOf('tags'),
        field: 'tags',
        message: 'must not repeat a tag',
      });
    }
    const outlet = outletOf(fm.media);
    if (!outlet) {
      problems.push({
        file,
        line: lineOf('media'),
        field: 'media',
        message: `"${fm.media}" is not in media.yaml`,
      });
    }
    const via = fm.readVia === undefined ? undefined : outletOf(fm.readVia);
    if (fm.readVia !== undefined && !via) {
      problems.push({
        file,
        line: lineOf('readVia'),
        field: 'readVia',
        message: `"${fm.readVia}" is not in media.yaml`,
      });
    }
    if (strict) {
      for (const problem of attributionProblems(fm, outlet, via, lineOf)) {
        problems.push({ file, ...problem });
      }
    }
    for (const message of summaryProblems(parts.body, strict)) {
      problems.push({ file, line: parts.bodyLine, field: 'summary', message });
    }
    if (!outlet) continue;
    articles.push({
      file,
      slug: slugValue,
      title: fm.title,
      releasedOn: fm.releasedOn,
      media: { slug: outlet.slug, name: outlet.name, homepage: outlet.homepage ?? null },
      summary: parts.body,
      sourceUrl: fm.sourceUrl ?? null,
      readVia: via ? { slug: via.slug, name: via.name, homepage: via.homepage ?? null } : null,
      tags: fm.tags,
      headlineVerified: fm.headlineVerified ?? true,
      dateApproximate: fm.dateApproximate ?? false,
    });
  }
  if (problems.length > 0) throw new ArchiveError(problems);
  // Oldest first, so ids ascend with release dates on a fresh database.
  articles.sort((a, b) => a.releasedOn.localeCompare(b.releasedOn) || a.slug.localeCompare(b.slug));
  return { tags, media, articles };
}

/** Writes the archive into the store in one transaction; re-running it changes nothing. */
export async function seedStore(store: Store, archive = loadArchive()): Promise<ImportResult> {
  const known = new Map((await store.listTags()).map((t) => [t.item.slug, t.item]));
  for (const tag of archive.tags) {
    const current = known.get(tag.slug);
    if (current?.name !== tag.name || current.description !== tag.description) {
      await store.upsertTag(tag);
    }
  }
  return store.importArticles(archive.articles.map(({ file: _file, ...input }) => input));
}
