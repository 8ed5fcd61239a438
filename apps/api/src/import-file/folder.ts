// Folder imports: archive files read by the archive's own loader (without the seed archive's
// strict rules), after checking that every file is UTF-8 without control characters.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ArchiveError, CONTENT_DIR, loadArchive } from '@jin/content';
import { badCharacter } from './characters.ts';
import { decode } from './decode.ts';
import { Positions } from './positions.ts';
import type { ImportBatch, Problem } from './problems.ts';
import { MULTI_LINE } from './records.ts';

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

/**
 * The articles of an archive folder: one with its own tags.yaml (an export), or a folder of
 * article files checked against the seed archive's vocabulary.
 */
export function readFolder(path: string, encoding: string | undefined): ImportBatch {
  const problems: Problem[] = [];
  if (encoding !== undefined) {
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
