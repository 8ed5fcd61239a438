import { z } from 'zod';
import { type FieldIssue, InvalidInputError } from './errors.ts';
import type { ArticleInput, MediaInput, Tag } from './types.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2024-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
}

const slug = z
  .string()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
  .regex(SLUG_PATTERN, 'must be lowercase letters, digits and single hyphens');
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));
const url = z.string().refine(isHttpUrl, 'must be an absolute http(s) URL');

const mediaSchema = z.object({
  name: text(200),
  slug: slug.optional(),
  homepage: url.nullish(),
});

const tagSchema = z.object({ slug, name: text(100), description: text(500) });

const articleSchema = z.object({
  slug,
  title: text(500),
  releasedOn: z
    .string()
    .refine(isIsoDate, 'must be a real date written YYYY-MM-DD')
    .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'must be between 1900 and 2999'),
  media: mediaSchema,
  summary: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'must not be empty').max(20_000, 'must be at most 20000 characters')),
  sourceUrl: url.nullish(),
  readVia: mediaSchema.nullish(),
  tags: z
    .array(slug)
    .min(1, 'must name at least one tag')
    .max(10, 'must name at most 10 tags')
    .refine((t) => new Set(t).size === t.length, 'must not repeat a tag'),
  headlineVerified: z.boolean().optional(),
  dateApproximate: z.boolean().optional(),
});

function toIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(record)',
    message: issue.message,
  }));
}

function parse<T>(schema: z.ZodType<T>, value: unknown, index?: number): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInputError(toIssues(result.error), index);
  return result.data;
}

export type ValidArticle = z.infer<typeof articleSchema>;

export function validateArticle(input: ArticleInput, index?: number): ValidArticle {
  return parse(articleSchema, input, index);
}

export function validateMedia(input: MediaInput): z.infer<typeof mediaSchema> {
  return parse(mediaSchema, input);
}

export function validateTag(input: Tag): Tag {
  return parse(tagSchema, input);
}

/**
 * The key under which outlet names are compared: case, punctuation, spacing and a leading
 * "The" are ignored, so "KYODO NEWS", "Kyodo News" and "The Japan Times"/"Japan Times" match.
 */
export function mediaKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A slug made from free text: `The Japan Times` becomes `the-japan-times`. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
