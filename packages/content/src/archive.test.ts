// The archive's own checks: format, attribution, word counts, tags, shared sentences, voice.
// Kept whole: every check reads the same loaded archive and reports in one place.

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mediaKey, wordCount } from '@jin/store';
import { openSqliteStore } from '@jin/store/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Archive,
  ArchiveError,
  CONTENT_DIR,
  loadArchive,
  SUMMARY_MAX_WORDS,
  SUMMARY_MIN_WORDS,
  seedStore,
} from './archive.ts';

// A strict failure is reported by its own test; the content checks below still run on the
// leniently loaded archive, so one bad file does not hide the rest of the report.
let strictError: unknown;
let archive: Archive;
try {
  archive = loadArchive();
} catch (error) {
  strictError = error;
  archive = loadArchive(CONTENT_DIR, undefined, { strict: false });
}

/** Paragraphs of a summary: blocks that are not list items or colon-ended headings. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .filter((line) => !/^\s*(?:-|\d+\.)\s+/.test(line) && !/:\s*$/.test(line))
        .join(' ')
        .trim(),
    )
    .filter((p) => p.length > 0);
}

/** A case-insensitive pattern for a phrase, matching whole words at its ends. */
function phrase(text: string, anchored = false): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = /^\w/.test(text) ? '\\b' : '';
  const end = /\w$/.test(text) ? '\\b' : '';
  return new RegExp(`${anchored ? '^' : ''}${start}${escaped}${end}`, 'i');
}

/** Every file whose summary matches one of the patterns, with what matched. */
function offenders(patterns: RegExp[], textOf: (summary: string) => string[]): string[] {
  const found: string[] = [];
  for (const a of archive.articles) {
    for (const text of textOf(a.summary)) {
      for (const pattern of patterns) {
        const match = pattern.exec(text);
        if (match) found.push(`${a.file}: "${match[0]}" in "${text.slice(0, 120)}"`);
      }
    }
  }
  return found;
}

const EDITORIAL_NOTES = [
  'should be checked',
  'TODO',
  'TBD',
  '[citation',
  'citation needed',
  'unverified',
  'needs checking',
  'FIXME',
  'XXX',
].map((p) => phrase(p));

const CLOSING_OPENINGS = [
  'For employers',
  'For foreign residents',
  'For schools',
  'For applicants',
  'For readers',
  'For asylum seekers',
  'In short',
  'In sum',
  'Overall,',
  'Taken together',
  'It remains to be seen',
  'Only time will tell',
  'In summary',
  'In conclusion',
  'All in all',
  'To sum up',
].map((p) => phrase(p, true));

const CLOSING_PHRASES = [
  'is a reminder that',
  'serves as a reminder',
  'sets the stage',
  'sets the background',
  'the background for',
].map((p) => phrase(p));

const ADVICE = [
  'should expect',
  'should consider',
  'are advised to',
  'it is advisable',
  'we recommend',
  'readers should',
].map((p) => phrase(p));

/** Sentences in the summary's own voice: quoted passages removed first. */
function ownSentences(text: string): string[] {
  return text
    .replace(/"[^"]*"|“[^”]*”/g, '""')
    .split(/\n|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Sentences long enough to be a writer's own, normalised for comparison. */
function sentences(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !/:\s*$/.test(line))
    .join(' ')
    .split(/(?<=[.!?])\s+/)
    .map((s) =>
      s
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    )
    .filter((s) => s.split(' ').length >= 5);
}

describe('the archive', () => {
  it('passes every strict check', () => {
    expect(strictError === undefined ? '' : String((strictError as Error).message)).toBe('');
  });

  it('holds at least 80 valid articles', () => {
    expect(archive.articles.length).toBeGreaterThanOrEqual(80);
  });

  it('has unique slugs and titles without research annotations', () => {
    const slugs = archive.articles.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const a of archive.articles) {
      expect(a.title, a.file).not.toMatch(/best-known|headline unsure|\(title/i);
      expect(a.title, a.file).toBe(a.title.trim());
    }
  });

  it('dates every article plausibly', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const a of archive.articles) {
      expect(a.releasedOn >= '2000-01-01' && a.releasedOn <= today, a.file).toBe(true);
    }
  });

  it('gives every article 1-3 known tags and every tag at least 3 articles', () => {
    const vocabulary = new Set(archive.tags.map((t) => t.slug));
    expect(vocabulary.size).toBe(17);
    const uses = new Map<string, number>();
    for (const a of archive.articles) {
      expect(a.tags.length, a.file).toBeGreaterThanOrEqual(1);
      expect(a.tags.length, a.file).toBeLessThanOrEqual(3);
      for (const t of a.tags) {
        expect(vocabulary.has(t), `${a.file}: ${t}`).toBe(true);
        uses.set(t, (uses.get(t) ?? 0) + 1);
      }
    }
    for (const tag of archive.tags) {
      expect(uses.get(tag.slug) ?? 0, tag.slug).toBeGreaterThanOrEqual(3);
      expect(tag.description.endsWith('.'), tag.slug).toBe(true);
    }
  });

  it('keeps summaries within length', () => {
    for (const a of archive.articles) {
      const words = wordCount(a.summary);
      expect(words >= SUMMARY_MIN_WORDS && words <= SUMMARY_MAX_WORDS, `${a.file}: ${words}`).toBe(
        true,
      );
    }
  });

  it('never repeats a sentence across summaries', () => {
    const owner = new Map<string, string>();
    for (const a of archive.articles) {
      for (const s of new Set(sentences(a.summary))) {
        const other = owner.get(s);
        expect(other, `"${s}" in ${a.file} and ${other}`).toBeUndefined();
        owner.set(s, a.file);
      }
    }
    expect(owner.size).toBeGreaterThan(archive.articles.length * 5);
  });

  it('leaves no editorial notes in a summary', () => {
    expect(offenders(EDITORIAL_NOTES, (summary) => [summary])).toEqual([]);
  });

  it('ends summaries on a fact, not a closing formula', () => {
    const last = (summary: string) => paragraphs(summary).slice(-1);
    expect(offenders(CLOSING_OPENINGS, last)).toEqual([]);
    expect(offenders(CLOSING_PHRASES, last)).toEqual([]);
  });

  it('opens no more than 3 last paragraphs with the same three words', () => {
    const byOpening = new Map<string, string[]>();
    for (const a of archive.articles) {
      const lastParagraph = paragraphs(a.summary).at(-1) ?? '';
      const opening = lastParagraph
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
        .split(' ')
        .slice(0, 3)
        .join(' ');
      byOpening.set(opening, [...(byOpening.get(opening) ?? []), a.file]);
    }
    const repeated = [...byOpening]
      .filter(([, files]) => files.length > 3)
      .map(([opening, files]) => `"${opening}": ${files.join(', ')}`);
    expect(repeated).toEqual([]);
  });

  it("gives no advice in the summary's own voice", () => {
    expect(offenders(ADVICE, ownSentences)).toEqual([]);
  });

  it('maps every outlet spelling onto one entry', () => {
    const keys = new Map<string, string>();
    for (const m of archive.media) {
      for (const name of [m.name, ...(m.aliases ?? [])]) {
        const key = mediaKey(name);
        const owner = keys.get(key);
        expect(owner === undefined || owner === m.slug, `${name} in ${m.slug} and ${owner}`).toBe(
          true,
        );
        keys.set(key, m.slug);
      }
    }
    const byFile = (file: string) => archive.articles.find((a) => a.file === file)?.media.slug;
    const jt = archive.articles.filter((a) => a.media.slug === 'the-japan-times');
    expect(jt.length).toBeGreaterThan(10);
    expect(byFile(jt[0]?.file as string)).toBe('the-japan-times');
  });
});

describe('validation errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jin-content-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function archiveWith(file: string, text: string): ArchiveError {
    const root = join(dir, file.replace(/\W/g, ''));
    mkdirSync(join(root, 'articles'), { recursive: true });
    cpSync(join(CONTENT_DIR, 'tags.yaml'), join(root, 'tags.yaml'));
    cpSync(join(CONTENT_DIR, 'media.yaml'), join(root, 'media.yaml'));
    writeFileSync(join(root, 'articles', file), text);
    try {
      loadArchive(root);
    } catch (error) {
      return error as ArchiveError;
    }
    throw new Error('expected the archive to be rejected');
  }
  const body = 'word '.repeat(150);

  it('names the file, line and field of a bad date', () => {
    const error = archiveWith(
      'bad-date.md',
      `---\ntitle: T\nreleasedOn: 2024-02-30\nmedia: Kyodo News\ntags: [statistics]\n---\n${body}`,
    );
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error.problems).toEqual([
      {
        file: 'articles/bad-date.md',
        line: 3,
        field: 'releasedOn',
        message: 'must be a real date written YYYY-MM-DD',
      },
    ]);
  });

  it('rejects unknown tags, unknown outlets, bad URLs and short summaries', () => {
    const error = archiveWith(
      'several.md',
      `---\ntitle: T\nreleasedOn: 2024-02-01\nmedia: Nowhere Gazette\ntags: [statistics, nope]\n---\ntoo short`,
    );
    const fields = error.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['tags.1', 'media', 'summary']));
    const urlError = archiveWith(
      'url.md',
      `---\ntitle: T\nreleasedOn: 2024-02-01\nmedia: KYODO NEWS\nsourceUrl: javascript:alert(1)\ntags: [statistics]\n---\n${body}`,
    );
    expect(urlError.problems[0]?.field).toBe('sourceUrl');
    const markup = archiveWith(
      'markup.md',
      `---\ntitle: T\nreleasedOn: 2024-02-01\nmedia: KYODO NEWS\nsourceUrl: https://english.kyodonews.net/news/1\ntags: [statistics]\n---\n<script>x</script> ${body}`,
    );
    expect(markup.problems[0]?.message).toBe('must not contain HTML');
  });

  it('rejects a missing front matter and unexpected fields', () => {
    expect(archiveWith('none.md', body).problems[0]?.field).toBe('(file)');
    const extra = archiveWith(
      'extra.md',
      `---\ntitle: T\nreleasedOn: 2024-02-01\nmedia: Kyodo News\ntags: [statistics]\nauthor: X\n---\n${body}`,
    );
    expect(extra.problems[0]?.message).toMatch(/author/);
  });
});

describe('seeding', () => {
  it('imports the archive once and changes nothing when run again', async () => {
    const store = openSqliteStore();
    const first = await seedStore(store, archive);
    expect(first).toEqual({ created: archive.articles.length, updated: 0, unchanged: 0 });
    const version = await store.datasetVersion();
    const again = await seedStore(store, archive);
    expect(again).toEqual({ created: 0, updated: 0, unchanged: archive.articles.length });
    expect(await store.datasetVersion()).toBe(version);
    expect(await store.countArticles()).toBe(archive.articles.length);
    const tags = await store.listTags();
    expect(tags.every((t) => t.articleCount >= 3)).toBe(true);
    const newest = (await store.listArticles({ first: 1 })).hits[0]?.article;
    const latest = [...archive.articles].sort((a, b) =>
      b.releasedOn.localeCompare(a.releasedOn),
    )[0];
    expect(newest?.releasedOn).toBe(latest?.releasedOn);
    await store.close();
  });
});
